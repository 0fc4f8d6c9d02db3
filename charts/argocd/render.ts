// deploy/<env>/argocd/: root.yaml (the root application bootstrap-cluster applies) and one AppProject or
// Application per file, named <Kind>.<name>.yaml. The root application syncs this very folder, itself
// included, so a change to any of these files is delivered by Argo CD like every other change.
import type { EnvConfig } from '../../environments';
import { kubernetesFileName, type RenderedFile, yamlFile } from '../../constructs/contracts/rendered-file';
import {
  type PlatformHelmSource,
  platformHelmSources,
  platformManifestSources,
} from '../platform/helm-sources';
import {
  folderApplication,
  helmApplication,
  manifestApplication,
  namespacesApplication,
  projectOf,
  ROOT_APPLICATION,
  rootApplication,
} from './applications';
import { rootProject, teamProjects } from './projects';
import { namespaceFolders } from './rendered-folders';

export const ROOT_FILE = 'argocd/root.yaml';

/**
 * `earlier` is everything the layers before this one rendered: each k8s/<namespace>/ folder in it gets an
 * Application. `helmSources` defaults to the platform's charts (charts/platform/helm-sources.ts).
 */
export function renderArgoCd(
  env: EnvConfig,
  earlier: readonly RenderedFile[],
  helmSources: readonly PlatformHelmSource[] = platformHelmSources(env),
): RenderedFile[] {
  const folders = namespaceFolders(earlier);
  const rendered = new Set(folders.flatMap((folder) => folder.namespaceObjects));
  const applications = [
    ...(rendered.size > 0 ? [namespacesApplication(env)] : []),
    ...platformManifestSources(env).map((bundle) => manifestApplication(env, bundle, rendered)),
    ...helmSources.map((source) => helmApplication(env, source, rendered)),
    ...folders.map((folder) => folderApplication(env, folder, rendered)),
  ];
  assertUniqueNames(env, [ROOT_APPLICATION, ...applications.map((app) => app.metadata.name)]);
  const alsoWritesTo = helmSources.flatMap((source) =>
    source.alsoWritesTo.map((namespace) => ({ project: projectOf(env, source.namespace), namespace })),
  );
  const objects = [
    rootProject(env),
    ...teamProjects(env, applications, folders, alsoWritesTo),
    ...applications,
  ];
  return [
    yamlFile(ROOT_FILE, rootApplication(env)),
    ...objects.map((object) =>
      yamlFile(`argocd/${kubernetesFileName(object.kind, object.metadata.name)}`, object),
    ),
  ];
}

/** Helm charts and namespace folders share one namespace of Application names in Argo CD. */
function assertUniqueNames(env: EnvConfig, names: readonly string[]): void {
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length > 0) {
    throw new Error(
      `environment "${env.name}": Argo CD Application ${twice.map((name) => `"${name}"`).join(', ')} would be defined twice (a platform chart named like a namespace folder or the root): rename the chart in platformCharts`,
    );
  }
}
