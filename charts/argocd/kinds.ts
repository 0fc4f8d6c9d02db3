// Which kinds are cluster-scoped, and which of those each kind of team may create. AppProjects list
// cluster-scoped kinds one by one: Argo CD denies every cluster-scoped kind a project does not whitelist, and
// a `*` entry would let a team create ClusterRoleBindings or webhooks that reach into every other namespace.
import type { GroupKind } from './types';

const core = (kind: string): GroupKind => ({ group: '', kind });
const rbac = (kind: string): GroupKind => ({ group: 'rbac.authorization.k8s.io', kind });
const admission = (kind: string): GroupKind => ({ group: 'admissionregistration.k8s.io', kind });

export const NAMESPACE_KIND = core('Namespace');
export const CRD_KIND: GroupKind = { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' };
const STORAGE_CLASS_KIND: GroupKind = { group: 'storage.k8s.io', kind: 'StorageClass' };

/**
 * Controllers (Helm charts) need these to run cluster-wide: their CRDs, RBAC that watches every namespace and
 * the admission webhooks they serve. Each chart of the observability stack (kube-prometheus-stack, Loki,
 * Tempo, Alloy) needs no more than this. Namespaces come from the `namespaces` Application (platform's).
 */
const CONTROLLER_KINDS: readonly GroupKind[] = [
  CRD_KIND,
  rbac('ClusterRole'),
  rbac('ClusterRoleBinding'),
  admission('MutatingWebhookConfiguration'),
  admission('ValidatingWebhookConfiguration'),
];

/** What only the platform team installs: cluster-wide entry points the other teams' objects refer to. */
const PLATFORM_KINDS: readonly GroupKind[] = [
  NAMESPACE_KIND,
  ...CONTROLLER_KINDS,
  // KEDA and metrics-server serve metrics to the HPA controller through aggregated APIs.
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { group: 'cert-manager.io', kind: 'ClusterIssuer' },
  { group: 'external-secrets.io', kind: 'ClusterSecretStore' },
  // The default gp3 class for the EBS CSI driver (charts/platform/storage.ts).
  STORAGE_CLASS_KIND,
  // The Gateway API bundle's safe-upgrades policy (since v1.4): no experimental or pre-v1.4 CRDs over its own.
  admission('ValidatingAdmissionPolicy'),
  admission('ValidatingAdmissionPolicyBinding'),
  // Karpenter's node pool and node class (charts/platform/karpenter.ts).
  { group: 'karpenter.sh', kind: 'NodePool' },
  { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass' },
];

/** How much of the cluster a team's project may touch outside its namespaces. */
export type ProjectClass = 'platform' | 'controllers' | 'application';

/** Any other team is an application team: nothing cluster-wide (the `namespaces` Application creates its Namespace). */
export const PROJECT_CLASS_OF_TEAM: Readonly<Record<string, ProjectClass>> = {
  platform: 'platform',
  observability: 'controllers',
};

export const clusterKindsAllowed: Readonly<Record<ProjectClass, readonly GroupKind[]>> = {
  platform: PLATFORM_KINDS,
  controllers: CONTROLLER_KINDS,
  application: [],
};

/**
 * Every cluster-scoped kind a rendered manifest may hold. A namespace folder's kinds not listed here are
 * namespaced: application projects whitelist exactly those.
 */
export const CLUSTER_SCOPED_KINDS: readonly GroupKind[] = [
  ...PLATFORM_KINDS,
  core('PersistentVolume'),
  { group: 'networking.k8s.io', kind: 'IngressClass' },
  { group: 'elbv2.k8s.aws', kind: 'IngressClassParams' },
  { group: 'scheduling.k8s.io', kind: 'PriorityClass' },
  { group: 'gateway.networking.k8s.io', kind: 'GatewayClass' },
  { group: 'storage.k8s.io', kind: 'CSIDriver' },
  { group: 'node.k8s.io', kind: 'RuntimeClass' },
  { group: 'external-secrets.io', kind: 'ClusterExternalSecret' },
  { group: 'keda.sh', kind: 'ClusterTriggerAuthentication' },
];

export const sameKind = (a: GroupKind, b: GroupKind): boolean => a.group === b.group && a.kind === b.kind;
export const isClusterScoped = (kind: GroupKind): boolean =>
  CLUSTER_SCOPED_KINDS.some((entry) => sameKind(entry, kind));

/** Group of an apiVersion: "apps/v1" → "apps", "v1" → "" (the core group). */
export const groupOf = (apiVersion: string): string =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';

export const compareKinds = (a: GroupKind, b: GroupKind): number =>
  a.group === b.group ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.group < b.group ? -1 : 1;
