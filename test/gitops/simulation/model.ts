// The shapes the bootstrap simulation works on: what an Application delivers, in which phase and wave, and what
// Argo CD knows about it. Plain data, filled from the rendered tree (tree.ts) and the chart footprints
// (footprints.ts).
import type { GroupKind } from '../../../charts/argocd';

export type SyncPhase = 'PreSync' | 'Sync' | 'PostSync';

export interface SimObject {
  readonly kind: GroupKind;
  readonly name: string;
  /** Absent for cluster-scoped objects. */
  readonly namespace?: string;
  readonly phase: SyncPhase;
  /** argocd.argoproj.io/sync-wave inside its Application (0 when absent). */
  readonly wave: number;
  /** Where it comes from: a rendered file, or a chart template (footprint rows cite them). */
  readonly source: string;
  /** A CustomResourceDefinition: the kinds it defines. */
  readonly defines?: readonly GroupKind[];
  /** A pod-owning workload that the injector must give an istio-proxy sidecar. */
  readonly needsSidecar?: boolean;
}

/** A field a controller rewrites after Argo CD applied the object; it must be in ignoreDifferences. */
export interface RewrittenField {
  readonly kind: GroupKind;
  readonly name: string;
  readonly namespace?: string;
  /** The path as a jq expression and as a JSON pointer; an ignoreDifferences entry may use either. */
  readonly jq: string;
  readonly pointer?: string;
  /** Who rewrites it, with the upstream reference. */
  readonly by: string;
}

export interface SimApplication {
  readonly name: string;
  /** Wave inside the root application; undefined for the root itself. */
  readonly wave: number | undefined;
  readonly project: string;
  readonly repoURL: string;
  readonly destinationNamespace: string;
  /** The sync options and retry of the operation that actually syncs it (rules.ts, effectiveOperation). */
  readonly syncOptions: readonly string[];
  readonly retries: boolean;
  readonly ignoreDifferences: readonly IgnoreEntry[];
  readonly objects: readonly SimObject[];
  readonly rewrites: readonly RewrittenField[];
  /** It installs the sidecar injector (istiod's MutatingWebhookConfiguration). */
  readonly injectsSidecars: boolean;
}

export interface IgnoreEntry extends GroupKind {
  readonly name?: string;
  readonly namespace?: string;
  readonly jsonPointers?: readonly string[];
  readonly jqPathExpressions?: readonly string[];
}

export interface Violation {
  readonly application: string;
  readonly object: string;
  readonly rule: string;
  readonly message: string;
}

export const describeViolation = (v: Violation): string =>
  `${v.application}: ${v.object}: ${v.message} [${v.rule}]`;

export const gk = (group: string, kind: string): GroupKind => ({ group, kind });
export const sameGk = (a: GroupKind, b: GroupKind): boolean => a.group === b.group && a.kind === b.kind;
export const showKind = (kind: GroupKind): string => (kind.group ? `${kind.kind}.${kind.group}` : kind.kind);
export const showObject = (o: Pick<SimObject, 'kind' | 'name' | 'namespace'>): string =>
  `${showKind(o.kind)} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
