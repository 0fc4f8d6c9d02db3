// The Applications of one environment: the root (app of apps), one per namespace folder of deploy/<env>/k8s/
// and one per platform Helm chart. Repository, revision and sync behaviour come from the model's `gitops`.
import type { EnvConfig } from '../../environments';
import type { PlatformHelmSource, PlatformManifestSource } from '../platform/helm-sources';
import { controllerOwnedFields } from '../platform/controller-owned-fields';
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
import { chartWave, folderWave, NAMESPACES_APPLICATION, NAMESPACES_WAVE } from './waves';

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

/** The Namespace files of every folder: the `namespaces` Application syncs them, the folders' own skip them. */
export const NAMESPACE_FILES = 'Namespace.*.yaml';

/**
 * Every Namespace rendered under k8s/ (each folder's own, and istio-system's in platform/), one wave before
 * anything is created in one: a folder's PreSync hooks run before that folder's Sync phase, so its namespace
 * must exist before the folder syncs at all.
 */
export function namespacesApplication(env: EnvConfig): Application {
  return application(env, {
    name: NAMESPACES_APPLICATION,
    project: projectOf(env, 'platform'),
    source: {
      ...gitSource(env, deployPath(env, 'k8s')),
      directory: { recurse: true, include: `*/${NAMESPACE_FILES}` },
    },
    namespace: 'platform',
    syncOptions: ['CreateNamespace=false'],
    wave: NAMESPACES_WAVE,
  });
}

/** `rendered`: the namespaces the `namespaces` Application creates. */
export function folderApplication(
  env: EnvConfig,
  folder: NamespaceFolder,
  rendered: ReadonlySet<string>,
): Application {
  return application(env, {
    name: folder.namespace,
    project: projectOf(env, folder.namespace),
    source: {
      ...gitSource(env, deployPath(env, 'k8s', folder.namespace)),
      directory: { exclude: NAMESPACE_FILES },
    },
    namespace: folder.namespace,
    // The `namespaces` Application creates the folder's Namespace (with its Pod Security labels) a wave earlier;
    // Argo CD creates a bare one only for a folder whose namespace nothing renders.
    syncOptions: [`CreateNamespace=${!rendered.has(folder.namespace)}`],
    wave: folderWave(folder.namespace),
    ignoreDifferences: [
      ...autoscalerOwnedFields(env, folder.namespace),
      ...canaryOwnedFields(env, folder.namespace),
    ],
  });
}

export function helmApplication(
  env: EnvConfig,
  chart: PlatformHelmSource,
  rendered: ReadonlySet<string>,
): Application {
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
    // The `namespaces` Application created the chart's namespace already. Server-side apply: CRDs such as
    // prometheus-operator's exceed the 256 KiB annotation client-side apply stores the last state in.
    syncOptions: [`CreateNamespace=${!rendered.has(chart.namespace)}`, 'ServerSideApply=true'],
    wave: chartWave(chart.name),
    ignoreDifferences: controllerOwnedFields(chart),
  });
}

/** A CRD bundle from Git at an exact tag (the Gateway API's). */
export function manifestApplication(
  env: EnvConfig,
  bundle: PlatformManifestSource,
  rendered: ReadonlySet<string>,
): Application {
  return application(env, {
    name: bundle.name,
    project: projectOf(env, bundle.namespace),
    source: { repoURL: bundle.repoURL, targetRevision: bundle.version, path: bundle.path },
    namespace: bundle.namespace,
    syncOptions: [`CreateNamespace=${!rendered.has(bundle.namespace)}`, 'ServerSideApply=true'],
    wave: chartWave(bundle.name),
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
