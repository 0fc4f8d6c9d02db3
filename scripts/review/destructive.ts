// findDestructiveChanges: the gate. Reads a TreeDiff (and the terraform plans given with --plan) and reports every
// change that would destroy a resource: a removal, an address change (a destroy/create pair) or a replacement.
// Findings on resources that hold data or identity are gated (they fail the review until acknowledged); the other
// replacements are reported for the reader. Acknowledgements are applied afterwards (acknowledgements.ts).
import {
  compareText,
  type EnvDiff,
  type FieldChange,
  type ItemDiff,
  type Layer,
  type TreeDiff,
} from './model';
import type { PlanIndex } from './plan-file';
import { renamesAndRemovals } from './rename-detection';
import { statefulKubernetesKind, type StatefulKubernetesKind } from './stateful-registry';
import { terraformFindings } from './terraform-findings';
import { isPlainObject, type JsonObject } from './value-diff';

export const FINDING_KINDS = ['removal', 'rename', 'replacement'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A value read through references that changes: why a propagated replacement happens. */
export interface ReferenceCause {
  /** The expression in the replaced resource, e.g. `aws_elasticache_subnet_group.redis_subnets.name`. */
  readonly expression: string;
  /** The block where the change starts. */
  readonly upstream: string;
  readonly why: string;
  /** Outputs, remote-state reads and data sources passed on the way, nearest first. */
  readonly via: readonly string[];
}

export interface ReplacedAttribute {
  readonly path: string;
  /** The attribute's own change, from the rendered diff or the plan's before/after. */
  readonly change?: FieldChange;
  /** Set when the attribute's text is unchanged but a value it reads changes. */
  readonly reference?: ReferenceCause;
  /** "forces replacement", or what happens instead (an in-place rename that moves an endpoint). */
  readonly effect: string;
  /** The provider page, the Kubernetes source, or the plan file that says so. */
  readonly citation: string;
  readonly note?: string;
}

export interface Finding {
  readonly env: string;
  readonly layer: Extract<Layer, 'terraform' | 'kubernetes'>;
  readonly kind: FindingKind;
  /** The address as printed, and as an acknowledgement names it; for a rename, the address being destroyed. */
  readonly address: string;
  /** Terraform resource type or Kubernetes kind. */
  readonly resourceType: string;
  /** Rename only: the address created in its place. */
  readonly newAddress?: string;
  /** Rename only: the construct paths behind the two addresses, when CDKTF recorded them. */
  readonly constructPaths?: { readonly before?: string; readonly after?: string };
  /** Replacement only: the attributes that force it. */
  readonly attributes: readonly ReplacedAttribute[];
  /** The destroyed Terraform resource had `lifecycle.prevent_destroy`; what that changes depends on the kind. */
  readonly preventDestroy?: boolean;
  /** The resource holds data or identity: the finding fails the review until acknowledged. */
  readonly gated: boolean;
  /** `table`: the rendered diff read with the replacement table; `plan`: a terraform plan said so. */
  readonly source: 'table' | 'plan';
  readonly planFile?: string;
}

export interface GateOptions {
  /** Terraform plans by environment and stack; a planned stack's findings come from its plan only. */
  readonly plans?: PlanIndex;
}

const KIND_ORDER: Readonly<Record<FindingKind, number>> = { removal: 0, rename: 1, replacement: 2 };

function itemsOf(env: EnvDiff | undefined, layer: Layer): readonly ItemDiff[] {
  return env?.layers.find((entry) => entry.layer === layer)?.items ?? [];
}

/** What a Kubernetes rename necessarily changes, removed before comparing bodies. */
function withoutIdentity(body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  const rest: JsonObject = { ...body };
  delete rest.apiVersion;
  delete rest.kind;
  if (isPlainObject(rest.metadata)) {
    const metadata: JsonObject = { ...rest.metadata };
    delete metadata.name;
    delete metadata.namespace;
    rest.metadata = metadata;
  }
  return rest;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function kubernetesReplacement(entry: StatefulKubernetesKind, item: ItemDiff): ReplacedAttribute[] {
  const mutable = entry.mutableSpecPaths;
  if (!mutable) return [];
  return item.fields
    .filter((field) => isUnder(field.path, 'spec') && !mutable.some((prefix) => isUnder(field.path, prefix)))
    .map((change) => ({
      path: change.path,
      change,
      effect: 'immutable: the API server rejects the update, so it needs a delete and re-create',
      citation: entry.docs,
      note: entry.docsNote,
    }));
}

function kubernetesFindings(env: string, items: readonly ItemDiff[]): Finding[] {
  const base = { env, layer: 'kubernetes' as const, source: 'table' as const, gated: true };
  const isStateful = (item: ItemDiff): boolean => statefulKubernetesKind(item.kind) !== undefined;
  const { renames, removals } = renamesAndRemovals(items, isStateful, withoutIdentity);
  const findings: Finding[] = renames.map(({ removed: before, added: after }) => ({
    ...base,
    kind: 'rename',
    address: before.id,
    resourceType: before.kind,
    newAddress: after.id,
    attributes: [],
  }));
  for (const item of removals) {
    findings.push({ ...base, kind: 'removal', address: item.id, resourceType: item.kind, attributes: [] });
  }
  for (const item of items.filter((entry) => entry.status === 'changed')) {
    const entry = statefulKubernetesKind(item.kind);
    const attributes = entry ? kubernetesReplacement(entry, item) : [];
    if (attributes.length > 0) {
      findings.push({ ...base, kind: 'replacement', address: item.id, resourceType: item.kind, attributes });
    }
  }
  return findings;
}

/** Every destructive change, sorted by environment, kind (removal, rename, replacement), layer and address. */
export function findDestructiveChanges(diff: TreeDiff, options: GateOptions = {}): Finding[] {
  const envs = [...new Set([...diff.envs.map((env) => env.env), ...(options.plans?.keys() ?? [])])];
  return envs
    .flatMap((name) => {
      const env = diff.envs.find((entry) => entry.env === name);
      return [
        ...terraformFindings(
          name,
          itemsOf(env, 'terraform'),
          diff.terraform?.[name],
          options.plans?.get(name),
        ),
        ...kubernetesFindings(name, itemsOf(env, 'kubernetes')),
      ];
    })
    .sort(
      (a, b) =>
        compareText(a.env, b.env) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        compareText(a.layer, b.layer) ||
        compareText(a.address, b.address),
    );
}
