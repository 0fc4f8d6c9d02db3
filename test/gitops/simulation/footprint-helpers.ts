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
export const crds = (source: string, group: string, kinds: readonly string[]): SimObject[] =>
  kinds.map((kind) => ({
    ...object(source, CRD, `${kind.toLowerCase()}s.${group}`),
    defines: [gk(group, kind)],
  }));
export const rbac = (source: string, name: string) => [
  object(source, gk(RBAC, 'ClusterRole'), name),
  object(source, gk(RBAC, 'ClusterRoleBinding'), name),
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
