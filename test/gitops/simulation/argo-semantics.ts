// Argo CD's documented sync semantics, one function per rule, each citing the document (and, where the docs are
// silent, the Argo CD / gitops-engine source) it encodes. The pinned Argo CD is 3.5; source read at an earlier
// commit says so. The simulation (simulate.ts) applies them in the order Argo CD would.
import type { AppProject, GroupKind } from '../../../charts/argocd';
import type { ArgoApplication } from '../../../scripts/ops/gitops/rendered-tree';
import { syncOperation } from '../../../scripts/ops/gitops/sync';
import type { IgnoreEntry, RewrittenField, SimObject, SyncPhase } from './model';

/**
 * Within one sync: phases PreSync → Sync → PostSync, then waves (low first), then kinds in gitops-engine's order
 * (Namespace, NetworkPolicy, ResourceQuota, … CustomResourceDefinition before the workloads, custom resources
 * last), then names. https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/ ("How Do I Configure
 * Waves?": phase, wave, kind, name); kind order: gitops-engine pkg/sync/sync_tasks.go, kindOrder.
 */
const KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];
const PHASES: readonly SyncPhase[] = ['PreSync', 'Sync', 'PostSync'];

export function syncOrder(a: SimObject, b: SimObject): number {
  const rank = (o: SimObject) => {
    const index = KIND_ORDER.indexOf(o.kind.kind);
    return index === -1 ? KIND_ORDER.length : index;
  };
  return (
    PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
    a.wave - b.wave ||
    rank(a) - rank(b) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/**
 * The phase of a resource: the argocd.argoproj.io/hook annotation, or Helm's helm.sh/hook mapped the way Argo CD
 * maps it (pre-install → PreSync, post-install → PostSync).
 * https://argo-cd.readthedocs.io/en/stable/user-guide/resource_hooks/ and .../helm/#helm-hooks.
 */
export function phaseOf(annotations: Readonly<Record<string, string>> | undefined): SyncPhase {
  const hook = annotations?.['argocd.argoproj.io/hook'] ?? '';
  if (hook.includes('PreSync')) return 'PreSync';
  if (hook.includes('PostSync')) return 'PostSync';
  const helm = annotations?.['helm.sh/hook'] ?? '';
  if (/pre-(install|upgrade)/.test(helm)) return 'PreSync';
  if (/post-(install|upgrade)/.test(helm)) return 'PostSync';
  return 'Sync';
}

/** API groups every cluster serves without a CRD (Kubernetes 1.35 built-in APIs). */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'rbac.authorization.k8s.io',
  'networking.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
  'discovery.k8s.io',
]);
export const needsCrd = (kind: GroupKind): boolean => !BUILT_IN_GROUPS.has(kind.group);

/**
 * The sync options and retry in effect. They are the operation's: the controller reads
 * `syncOp.SyncOptions` (argoproj/argo-cd controller/sync.go, SyncAppState: `if
 * syncOp.SyncOptions.HasOption("CreateNamespace=true")`, read in the stored copy @9fb385d, a 1.x commit;
 * `WithServerSideApply(syncOp.SyncOptions.HasOption(…))`, `WithSkipDryRunOnMissingResource(…)`, not re-read) and
 * retries per `operation.retry` (controller/appcontroller.go, processRequestedAppOperation). An automated sync copies spec.syncPolicy.syncOptions and .retry into the
 * operation it creates (appcontroller.go autoSync; https://argo-cd.readthedocs.io/en/stable/user-guide/auto_sync/),
 * as `argocd app sync` does (server/application/application.go Sync). Anything else syncs with what its operation
 * carries: for production, the operation bootstrap-cluster and deploy-app patch in (scripts/ops/gitops/sync.ts).
 */
export function effectiveOperation(
  app: ArgoApplication,
  operationOf: (app: ArgoApplication) => Record<string, unknown> = syncOperation,
): { syncOptions: readonly string[]; retries: boolean } {
  if (app.automated !== undefined) return { syncOptions: app.syncOptions, retries: app.retry !== undefined };
  const operation = (operationOf(app).operation ?? {}) as {
    sync?: { syncOptions?: string[] };
    retry?: { limit?: number };
  };
  return {
    syncOptions: operation.sync?.syncOptions ?? [],
    retries: operation.retry !== undefined && (operation.retry.limit ?? 0) !== 0,
  };
}

export const hasOption = (options: readonly string[], option: string): boolean => options.includes(option);

/**
 * Argo CD's project checks (https://argo-cd.readthedocs.io/en/stable/user-guide/projects/, "Managing Projects";
 * operator-manual/declarative-setup, "Projects"): the source repository must match sourceRepos, every namespaced
 * object must land in one of the destinations, every cluster-scoped kind must be in clusterResourceWhitelist
 * (none is allowed by default), and when namespaceResourceWhitelist is set only its kinds are allowed.
 */
export const projectAllowsRepo = (project: AppProject, repoURL: string): boolean =>
  project.spec.sourceRepos.some((repo) => repo === '*' || repo === repoURL);
export const projectAllowsNamespace = (project: AppProject, namespace: string): boolean =>
  project.spec.destinations.some((d) => d.namespace === '*' || d.namespace === namespace);
const listed = (kinds: readonly GroupKind[], kind: GroupKind) =>
  kinds.some((k) => (k.group === '*' || k.group === kind.group) && (k.kind === '*' || k.kind === kind.kind));
export const projectAllowsClusterKind = (project: AppProject, kind: GroupKind): boolean =>
  listed(project.spec.clusterResourceWhitelist, kind);
export const projectAllowsNamespacedKind = (project: AppProject, kind: GroupKind): boolean =>
  project.spec.namespaceResourceWhitelist === undefined ||
  listed(project.spec.namespaceResourceWhitelist, kind);

/**
 * Whether an ignoreDifferences entry covers a rewritten field
 * (https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/, "Application Level Configuration": group, kind,
 * optional name and namespace, jsonPointers or jqPathExpressions).
 */
export function ignores(entries: readonly IgnoreEntry[], field: RewrittenField): boolean {
  return entries.some(
    (entry) =>
      entry.group === field.kind.group &&
      entry.kind === field.kind.kind &&
      (entry.name === undefined || entry.name === field.name) &&
      (entry.namespace === undefined || entry.namespace === (field.namespace ?? '')) &&
      ((entry.jqPathExpressions ?? []).includes(field.jq) ||
        (field.pointer !== undefined && (entry.jsonPointers ?? []).includes(field.pointer))),
  );
}

/**
 * A `directory.include`/`exclude` glob against a file's path relative to the source path
 * (https://argo-cd.readthedocs.io/en/stable/user-guide/directory/, "Including/Excluding Files"; `*` matches any
 * run of characters, as the gobwas/glob patterns Argo CD compiles without separators do).
 */
export function globMatches(pattern: string, path: string): boolean {
  const alternatives =
    pattern.startsWith('{') && pattern.endsWith('}') ? pattern.slice(1, -1).split(',') : [pattern];
  return alternatives.some((alternative) => {
    const regex = alternative
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    return new RegExp(`^${regex}$`).test(path);
  });
}
