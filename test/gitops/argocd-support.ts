// Helpers for the Argo CD suites: a small rendered k8s/ tree to render Applications from, schema validation
// with the Argo CD CRD models, and Argo CD's own rules for what a project permits.
import { AppProject as AppProjectModel } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { Application as ApplicationModel } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { parse } from 'yaml';
import type { EnvConfig } from '../../environments';
import { servicesOf } from '../../constructs/contracts';
import type { Application, AppProject, GroupKind } from '../../charts/argocd';
import { isClusterScoped } from '../../charts/argocd/kinds';
import { kubernetesFileName, type RenderedFile, yamlFile } from '../../constructs/contracts/rendered-file';

export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec?: Record<string, unknown>;
}

export const manifestFile = (folder: string, manifest: Manifest): RenderedFile =>
  yamlFile(`k8s/${folder}/${kubernetesFileName(manifest.kind, manifest.metadata.name)}`, manifest);

/**
 * What the Kubernetes layer renders, reduced to what Argo CD cares about: each namespace folder with its
 * Namespace and a ConfigMap, each service's Deployment or Rollout with the autoscaler that owns its replicas,
 * and the platform's ClusterIssuer.
 */
export function sampleK8sTree(env: EnvConfig): RenderedFile[] {
  const files = Object.keys(env.namespaces).flatMap((namespace) => [
    manifestFile(namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }),
    manifestFile(namespace, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace },
    }),
  ]);
  for (const service of servicesOf(env)) {
    const workload =
      service.delivery === 'canary'
        ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }
        : { apiVersion: 'apps/v1', kind: 'Deployment' };
    const metadata = { name: service.name, namespace: service.namespace };
    files.push(
      manifestFile(service.namespace, { ...workload, metadata }),
      manifestFile(service.namespace, {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata,
        spec: { scaleTargetRef: { ...workload, name: service.name } },
      }),
    );
  }
  files.push(
    manifestFile('platform', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt' },
    }),
  );
  return files;
}

/** The Argo CD objects of a render (argocd/…), parsed. */
export function argoObjects(files: readonly RenderedFile[]): (Application | AppProject)[] {
  return files
    .filter((file) => file.path.startsWith('argocd/'))
    .map((file) => parse(file.content) as Application | AppProject);
}

export const applicationsOf = (objects: readonly (Application | AppProject)[]): Application[] =>
  objects.filter((object): object is Application => object.kind === 'Application');
export const projectsOf = (objects: readonly (Application | AppProject)[]): AppProject[] =>
  objects.filter((object): object is AppProject => object.kind === 'AppProject');

/** Errors of the Argo CD CRD schema (@kubernetes-models/argo-cd) for one object; empty when it is valid. */
export function argoSchemaErrors(object: unknown): string[] {
  const validators: Readonly<Record<string, () => void>> = {
    Application: () =>
      new ApplicationModel(object as ConstructorParameters<typeof ApplicationModel>[0]).validate(),
    AppProject: () =>
      new AppProjectModel(object as ConstructorParameters<typeof AppProjectModel>[0]).validate(),
  };
  const kind = String((object as { kind?: unknown }).kind);
  const validate = validators[kind];
  if (validate === undefined) return [`${kind} is not an Argo CD kind this repository renders`];
  try {
    validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: { instancePath: string; message?: string }[] }).errors;
    return errors?.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`) ?? [String(error)];
  }
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
const listed = (kinds: readonly GroupKind[] | undefined, kind: GroupKind): boolean =>
  (kinds ?? []).some((entry) => entry.group === kind.group && entry.kind === kind.kind);

/**
 * Why Argo CD would refuse to sync `manifest` through an Application of `project` targeting `namespace`, or
 * undefined when it would not: cluster-scoped kinds must be whitelisted; namespaced objects must land in one
 * of the project's destinations and, when the project has a namespaced whitelist, be of a listed kind.
 */
export function denial(project: AppProject, manifest: Manifest, namespace: string): string | undefined {
  const kind = { group: groupOf(manifest.apiVersion), kind: manifest.kind };
  const what = `${kind.kind}${kind.group ? `.${kind.group}` : ''} ${manifest.metadata.name}`;
  if (isClusterScoped(kind)) {
    return listed(project.spec.clusterResourceWhitelist, kind)
      ? undefined
      : `${what}: cluster-scoped kind not whitelisted by project ${project.metadata.name}`;
  }
  const target = manifest.metadata.namespace ?? namespace;
  if (!project.spec.destinations.some((destination) => destination.namespace === target)) {
    return `${what}: namespace ${target} is not a destination of project ${project.metadata.name}`;
  }
  const whitelist = project.spec.namespaceResourceWhitelist;
  return whitelist === undefined || listed(whitelist, kind)
    ? undefined
    : `${what}: kind not whitelisted by project ${project.metadata.name}`;
}
