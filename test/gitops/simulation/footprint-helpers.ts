// Building blocks of the chart footprint rows (footprints-*.ts): abstract objects as the simulation needs them.
import type { GroupKind } from '../../../charts/argocd';
import { gk, type RewrittenField, type SimObject } from './model';

export type Values = Readonly<Record<string, unknown>>;
export interface Footprint {
  readonly objects: readonly SimObject[];
  readonly rewrites?: readonly RewrittenField[];
  readonly injectsSidecars?: boolean;
}
export type Row = (values: Values, namespace: string) => Footprint;

export const CRD = gk('apiextensions.k8s.io', 'CustomResourceDefinition');
export const RBAC = 'rbac.authorization.k8s.io';
export const ADMISSION = 'admissionregistration.k8s.io';
export const SERVICE_MONITOR = gk('monitoring.coreos.com', 'ServiceMonitor');

/** Reads a dotted path of the chart values. */
export const value = (values: Values, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
export const disabled = (values: Values, path: string) => value(values, path) === false;

export const object = (source: string, kind: GroupKind, name: string, namespace?: string): SimObject => ({
  kind,
  name,
  ...(namespace === undefined ? {} : { namespace }),
  phase: 'Sync',
  wave: 0,
  source,
});
/**
 * Where a row's objects were read: `<owner/repo> <path in the repository> @<commit> (<which version>)`. The
 * stored copies of the chart repositories are seldom at the pinned tag, so every citation says whether it was read
 * at the pinned version or at another commit, and what is known about that commit.
 */
export const PINNED = 'at the pinned version';
export const otherCommit = (what: string) => `another commit: ${what}`;
/** A path the stored copy holds whose template was not opened: the object is inferred from the chart's naming. */
export const LISTED = otherCommit('path of the stored copy, template not opened');
export const cite = (repo: string, path: string, commit: string, version: string): string =>
  `${repo} ${path} @${commit.slice(0, 7)} (${version})`;
/** Cites files of one chart directory: those read with what is known of their commit, the others as LISTED. */
export const chartFiles =
  (repo: string, directory: string, version: string) =>
  (path: string, commit: string, read = true): string =>
    cite(repo, `${directory}${path}`, commit, read ? version : LISTED);
export const CITATION =
  /^[\w.-]+\/[\w.-]+ \S+ @[0-9a-f]{7} \((at the pinned version|another commit: [^()]+)\)$/;

/** A CRD's kind, with its plural where English rules do not give it (PodLogs → podlogs). */
export type CrdKind = string | { readonly kind: string; readonly plural: string };
/** The plural of a kind as CRDs name it: policies, prometheuses, gatewayclasses. */
export const pluralOf = (kind: CrdKind): string => {
  if (typeof kind !== 'string') return kind.plural;
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return lower.endsWith('s') ? `${lower}es` : `${lower}s`;
};
export const crds = (source: string, group: string, kinds: readonly CrdKind[]): SimObject[] =>
  kinds.map((kind) => ({
    ...object(source, CRD, `${pluralOf(kind)}.${group}`),
    defines: [gk(group, typeof kind === 'string' ? kind : kind.kind)],
  }));
/**
 * A ClusterRole and its ClusterRoleBinding (of the same name unless the chart names the binding otherwise), cited
 * by one template: the binding's, whose roleRef names the role, or a file holding both.
 */
export const rbac = (source: string, name: string, binding: string = name) => [
  object(source, gk(RBAC, 'ClusterRole'), name),
  object(source, gk(RBAC, 'ClusterRoleBinding'), binding),
];
export const monitor = (source: string, name: string, namespace: string) =>
  object(source, SERVICE_MONITOR, name, namespace);

export const ISTIO_WEBHOOK_FIELDS = (namespace: string): RewrittenField[] => {
  const by =
    'istiod (istio/istio#52785: failurePolicy Ignore → Fail once the webhook serves; CA written into caBundle)';
  const validator = (name: string): RewrittenField[] => [
    {
      kind: gk(ADMISSION, 'ValidatingWebhookConfiguration'),
      name,
      jq: '.webhooks[]?.failurePolicy',
      pointer: '/webhooks/0/failurePolicy',
      by,
    },
    {
      kind: gk(ADMISSION, 'ValidatingWebhookConfiguration'),
      name,
      jq: '.webhooks[]?.clientConfig.caBundle',
      by,
    },
  ];
  return [
    ...validator('istiod-default-validator'),
    ...validator(`istio-validator-${namespace}`),
    {
      kind: gk(ADMISSION, 'MutatingWebhookConfiguration'),
      name: 'istio-sidecar-injector',
      jq: '.webhooks[]?.clientConfig.caBundle',
      by,
    },
  ];
};
