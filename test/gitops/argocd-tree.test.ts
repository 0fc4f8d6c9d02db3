// The committed deploy/<env>/argocd against the rest of the committed tree: what Argo CD would actually be
// given. Every object validates, every path exists, every k8s/ folder is synced exactly once and only into
// what its project permits, and the autoscalers the Kubernetes layer rendered are exactly the ones Argo CD
// leaves alone.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environmentNames } from '../../environments';
import type { Application, AppProject } from '../../charts/argocd';
import { isClusterScoped } from '../../charts/argocd/kinds';
import { namespaceFolders } from '../../charts/argocd/rendered-folders';
import { applicationsOf, argoSchemaErrors, denial, type Manifest, projectsOf } from './argocd-support';
import { globMatches } from './simulation/argo-semantics';

const repoRoot = join(__dirname, '..', '..');
const envs = environmentNames.filter((name) => existsSync(join(repoRoot, 'deploy', name, 'argocd')));

const filesIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()) : [];
const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;

function treeOf(env: string) {
  const argocdDir = join(repoRoot, 'deploy', env, 'argocd');
  const objects = filesIn(argocdDir).map((file) => ({
    file,
    object: readYaml<Application | AppProject>(join(argocdDir, file)),
  }));
  const k8sDir = join(repoRoot, 'deploy', env, 'k8s');
  const folders = existsSync(k8sDir) ? readdirSync(k8sDir).sort() : [];
  const manifests = folders.flatMap((folder) =>
    filesIn(join(k8sDir, folder)).map((file) => ({
      folder,
      file,
      manifest: readYaml<Manifest>(join(k8sDir, folder, file)),
    })),
  );
  const all = objects.map(({ object }) => object);
  return { objects, folders, manifests, applications: applicationsOf(all), projects: projectsOf(all) };
}

describe.each(envs)('deploy/%s/argocd', (env) => {
  const tree = treeOf(env);

  it('holds root.yaml and one valid Argo CD object per <Kind>.<name>.yaml file', () => {
    expect(tree.objects.map(({ file }) => file)).toContain('root.yaml');
    expect(
      tree.objects.map(({ file, object }) => [file, argoSchemaErrors(object), expectedFile(object)]),
    ).toEqual(tree.objects.map(({ file }) => [file, [], file]));
  });

  it(`references only paths that exist in deploy/${env}/`, () => {
    const repo = tree.applications.find((app) => app.metadata.name === 'root')!.spec.source.repoURL;
    const paths = tree.applications
      .filter((app) => app.spec.source.repoURL === repo)
      .flatMap((app) => app.spec.source.path ?? []);
    expect(paths.length).toBeGreaterThan(0);
    expect(
      paths.filter((path) => !path.startsWith(`deploy/${env}/`) || !existsSync(join(repoRoot, path))),
    ).toEqual([]);
  });

  it('reads the kind and name of every rendered manifest as a YAML parser does', () => {
    const files = tree.folders.flatMap((folder) =>
      filesIn(join(repoRoot, 'deploy', env, 'k8s', folder)).map((file) => ({
        path: `k8s/${folder}/${file}`,
        content: readFileSync(join(repoRoot, 'deploy', env, 'k8s', folder, file), 'utf8'),
      })),
    );
    const kinds = (folder: string) => [
      ...new Set(
        tree.manifests
          .filter((entry) => entry.folder === folder)
          .map(({ manifest }) => `${manifest.apiVersion.split('/').slice(0, -1).join('/')}|${manifest.kind}`),
      ),
    ];
    expect(
      namespaceFolders(files).map((folder) => [
        folder.namespace,
        folder.kinds.map((kind) => `${kind.group}|${kind.kind}`).sort(),
      ]),
    ).toEqual(tree.folders.map((folder) => [folder, kinds(folder).sort()]));
  });

  it('syncs every rendered k8s/ file with exactly one Application', () => {
    const files = tree.manifests.map(({ folder, file }) => `k8s/${folder}/${file}`);
    expect(files.map((file) => [file, deliverers(tree.applications, env, file).length])).toEqual(
      files.map((file) => [file, 1]),
    );
  });

  it('knows which rendered kinds are cluster-scoped: exactly the objects rendered without a namespace', () => {
    // The Kubernetes layer omits metadata.namespace on cluster-scoped objects only (constructs/k8s/metadata.ts);
    // a kind missing from CLUSTER_SCOPED_KINDS would be whitelisted as namespaced and refused by Argo CD.
    const mismatched = tree.manifests
      .filter(({ manifest }) => {
        const kind = { group: manifest.apiVersion.split('/').slice(0, -1).join('/'), kind: manifest.kind };
        return isClusterScoped(kind) !== (manifest.metadata.namespace === undefined);
      })
      .map(
        ({ folder, manifest }) =>
          `k8s/${folder}: ${manifest.apiVersion} ${manifest.kind} ${manifest.metadata.name}`,
      );
    expect(mismatched).toEqual([]);
  });

  it('syncs every rendered object through a project that permits it', () => {
    const denials = tree.manifests.flatMap(({ folder, file, manifest }) => {
      const [app] = deliverers(tree.applications, env, `k8s/${folder}/${file}`);
      const project = tree.projects.find((candidate) => candidate.metadata.name === app?.spec.project);
      if (!app || !project) return [`k8s/${folder}: no Application or project`];
      return denial(project, manifest, app.spec.destination.namespace) ?? [];
    });
    expect(denials).toEqual([]);
  });

  it('leaves to the autoscalers exactly the replica counts of the workloads they scale', () => {
    const ignored = tree.applications.flatMap((app) =>
      (app.spec.ignoreDifferences ?? [])
        .filter((entry) => entry.jsonPointers?.includes('/spec/replicas'))
        .map((entry) => `${entry.namespace}/${entry.group}/${entry.kind}/${entry.name}`),
    );
    // Only workloads Argo CD applies: the gateway's Deployment is istiod's, and Argo CD never sees it.
    const rendered = new Set(
      tree.manifests
        .filter(({ manifest }) => ['Deployment', 'Rollout', 'StatefulSet'].includes(manifest.kind))
        .map(({ folder, manifest }) => `${manifest.metadata.namespace ?? folder}/${manifest.metadata.name}`),
    );
    const scaled = tree.manifests.flatMap(({ folder, manifest }) => {
      const target = scaleTarget(manifest);
      const namespace = manifest.metadata.namespace ?? folder;
      return target && rendered.has(`${namespace}/${target.split('/').pop()}`)
        ? [`${namespace}/${target}`]
        : [];
    });
    expect(ignored.sort()).toEqual(scaled.sort());
  });

  it('leaves to Argo Rollouts exactly the traffic weights of the VirtualServices and DestinationRules it routes', () => {
    const ignored = tree.applications.flatMap((app) =>
      (app.spec.ignoreDifferences ?? [])
        .filter((entry) => entry.group === 'networking.istio.io')
        .map((entry) => `${entry.namespace}/${entry.kind}/${entry.name}`),
    );
    const routed = tree.manifests.flatMap(({ folder, manifest }) => {
      const istio = (
        manifest.spec?.strategy as { canary?: { trafficRouting?: { istio?: IstioRouting } } } | undefined
      )?.canary?.trafficRouting?.istio;
      if (manifest.kind !== 'Rollout' || !istio) return [];
      const namespace = manifest.metadata.namespace ?? folder;
      return [
        `${namespace}/VirtualService/${istio.virtualService.name}`,
        `${namespace}/DestinationRule/${istio.destinationRule.name}`,
      ];
    });
    expect(routed.length).toBeGreaterThan(0);
    expect(ignored.sort()).toEqual(routed.sort());
  });
});

/** The Applications whose source (path and directory include/exclude) delivers a file of deploy/<env>/. */
function deliverers(applications: readonly Application[], env: string, file: string): Application[] {
  return applications.filter((app) => {
    const base = app.spec.source.path?.replace(`deploy/${env}/`, '');
    if (base === undefined || !file.startsWith(`${base}/`)) return false;
    const relative = file.slice(base.length + 1);
    const directory = app.spec.source.directory ?? {};
    if (!directory.recurse && relative.includes('/')) return false;
    if (directory.exclude !== undefined && globMatches(directory.exclude, relative)) return false;
    return directory.include === undefined || globMatches(directory.include, relative);
  });
}

interface IstioRouting {
  readonly virtualService: { readonly name: string };
  readonly destinationRule: { readonly name: string };
}

/** What an HPA or KEDA ScaledObject scales, as "group/kind/name" (KEDA defaults to an apps/v1 Deployment). */
function scaleTarget(manifest: Manifest): string | undefined {
  const isHpa = manifest.kind === 'HorizontalPodAutoscaler';
  if (!isHpa && !(manifest.kind === 'ScaledObject' && manifest.apiVersion.startsWith('keda.sh/')))
    return undefined;
  const ref = (manifest.spec?.scaleTargetRef ?? {}) as { apiVersion?: string; kind?: string; name?: string };
  const apiVersion = ref.apiVersion ?? 'apps/v1';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return `${group}/${ref.kind ?? 'Deployment'}/${ref.name}`;
}

function expectedFile(object: Application | AppProject): string {
  return object.kind === 'Application' && object.metadata.name === 'root'
    ? 'root.yaml'
    : `${object.kind}.${object.metadata.name}.yaml`;
}
