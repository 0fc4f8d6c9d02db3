// The Applications of one environment: the root (app of apps), one per namespace folder of deploy/<env>/k8s/
// and one per platform Helm chart. Repository, revision and sync behaviour come from the model's `gitops`.
import type { EnvConfig } from '../../environments';
import type { PlatformHelmSource } from '../platform/helm-sources';
import type { NamespaceFolder } from './rendered-folders';
import { autoscalerOwnedFields, canaryOwnedFields, syncPolicy } from './sync-policy';
import {
  type Application,
  type ApplicationSource,
  ARGO_API_VERSION,
  type IgnoreDifference,
  IN_CLUSTER,
  SYNC_WAVE_ANNOTATION,
} from './types';
import { folderWave, HELM_WAVE } from './waves';

export const ROOT_APPLICATION = 'root';
/**
 * The root application belongs to the project Argo CD creates at install, so bootstrap-cluster can apply it
 * before any AppProject exists; the root then narrows that project to exactly what the root needs
 * (projects.ts).
 */
export const ROOT_PROJECT = 'default';

/** Where an environment's rendered files live in the Git repository Argo CD reads. */
export const deployPath = (env: EnvConfig, ...segments: string[]): string =>
  ['deploy', env.name, ...segments].join('/');

/** The project owning a namespace: its team's, or the platform's for system namespaces no team owns. */
export const projectOf = (env: EnvConfig, namespace: string): string =>
  namespace in env.namespaces ? namespace : 'platform';

export function rootApplication(env: EnvConfig): Application {
  return application(env, {
    name: ROOT_APPLICATION,
    project: ROOT_PROJECT,
    source: gitSource(env, deployPath(env, 'argocd')),
    namespace: env.gitops.argoCdNamespace,
    // bootstrap-cluster creates Argo CD's namespace when it installs Argo CD.
    syncOptions: ['CreateNamespace=false'],
  });
}

export function folderApplication(env: EnvConfig, folder: NamespaceFolder): Application {
  return application(env, {
    name: folder.namespace,
    project: projectOf(env, folder.namespace),
    source: gitSource(env, deployPath(env, 'k8s', folder.namespace)),
    namespace: folder.namespace,
    // A folder renders its own Namespace (with its Pod Security labels); Argo CD creates a bare one only for
    // a folder that does not.
    syncOptions: [`CreateNamespace=${!folder.namespaceObjects.includes(folder.namespace)}`],
    wave: folderWave(folder.namespace),
    ignoreDifferences: [
      ...autoscalerOwnedFields(env, folder.namespace),
      ...canaryOwnedFields(env, folder.namespace),
    ],
  });
}

export function helmApplication(env: EnvConfig, chart: PlatformHelmSource): Application {
  const hasValues = Object.keys(chart.values).length > 0;
  return application(env, {
    name: chart.name,
    project: projectOf(env, chart.namespace),
    source: {
      repoURL: chart.repoURL,
      chart: chart.chart,
      // An exact chart version (the model's schema allows nothing else): Argo CD installs exactly this.
      targetRevision: chart.version,
      helm: { releaseName: chart.name, ...(hasValues ? { valuesObject: chart.values } : {}) },
    },
    namespace: chart.namespace,
    // Charts sync in the wave before the folder that renders their namespace (istio-system has none), so Argo
    // CD creates it bare first and the folder's Namespace object later adds its labels. Server-side apply:
    // CRDs such as prometheus-operator's exceed the 256 KiB annotation client-side apply stores the last
    // state in.
    syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
    wave: HELM_WAVE,
  });
}

const gitSource = (env: EnvConfig, path: string): ApplicationSource => ({
  repoURL: env.gitops.repoUrl,
  targetRevision: env.gitops.targetRevision,
  path,
});

interface ApplicationProps {
  readonly name: string;
  readonly project: string;
  readonly source: ApplicationSource;
  /** Destination namespace, in the cluster Argo CD runs in. */
  readonly namespace: string;
  readonly syncOptions: readonly string[];
  /** Sync wave inside the root application; absent for the root itself. */
  readonly wave?: number;
  readonly ignoreDifferences?: readonly IgnoreDifference[];
}

/**
 * No resources finalizer: an Application that leaves the tree is pruned without cascading, so its workloads
 * and volumes stay until someone removes them on purpose (npm run review flags a removed namespace as
 * destructive).
 */
function application(env: EnvConfig, props: ApplicationProps): Application {
  const ignores = props.ignoreDifferences ?? [];
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Application',
    metadata: {
      name: props.name,
      namespace: env.gitops.argoCdNamespace,
      ...(props.wave === undefined ? {} : { annotations: { [SYNC_WAVE_ANNOTATION]: String(props.wave) } }),
    },
    spec: {
      project: props.project,
      source: props.source,
      destination: { server: IN_CLUSTER, namespace: props.namespace },
      syncPolicy: syncPolicy(env, props.syncOptions, ignores.length > 0),
      ...(ignores.length > 0 ? { ignoreDifferences: ignores } : {}),
    },
  };
}
