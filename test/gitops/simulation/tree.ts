// What each Application of a rendered environment delivers: the files of its Git folder (honouring
// directory.recurse/include/exclude), its root's Argo CD objects, or a chart's footprint with the values the
// Application carries. The order comes from the same module the operations commands use
// (scripts/ops/gitops/sync-order.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Application, AppProject } from '../../../charts/argocd';
import { isClusterScoped } from '../../../charts/argocd/kinds';
import type { EnvConfig } from '../../../environments';
import { type ArgoApplication, readApplications } from '../../../scripts/ops/gitops/rendered-tree';
import { syncOrder } from '../../../scripts/ops/gitops/sync-order';
import { globMatches, phaseOf } from './argo-semantics';
import { chartFootprint } from './footprints';
import { gk, type RewrittenField, type SimObject } from './model';

export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: Record<string, unknown>;
}

export interface RenderedFile {
  /** Relative to deploy/<env>/. */
  readonly path: string;
  readonly manifest: Manifest;
}

export interface RenderedEnvironment {
  readonly env: EnvConfig;
  /** Every Application in sync order, the root first, with its rendered object. */
  readonly applications: readonly { readonly ref: ArgoApplication; readonly spec: Application }[];
  readonly projects: readonly AppProject[];
  readonly files: readonly RenderedFile[];
}

function walk(dir: string, root: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? walk(full, root)
      : /\.ya?ml$/.test(entry.name)
        ? [path.relative(root, full)]
        : [];
  });
}

export function loadEnvironmentTree(deployDir: string, env: EnvConfig): RenderedEnvironment {
  const envDir = path.join(deployDir, env.name);
  const files = [...walk(path.join(envDir, 'argocd'), envDir), ...walk(path.join(envDir, 'k8s'), envDir)]
    .sort()
    .map((file) => ({
      path: file,
      manifest: parse(readFileSync(path.join(envDir, file), 'utf8')) as Manifest,
    }));
  const specs = new Map(
    files
      .filter((file) => file.path.startsWith('argocd/') && file.manifest.kind === 'Application')
      .map((file) => [file.manifest.metadata.name, file.manifest as unknown as Application]),
  );
  const ordered = syncOrder(readApplications(deployDir, env));
  return {
    env,
    applications: ordered.map((ref) => ({ ref, spec: specs.get(ref.name)! })),
    projects: files
      .filter((file) => file.manifest.kind === 'AppProject')
      .map((file) => file.manifest as unknown as AppProject),
    files,
  };
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
const POD_OWNERS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Rollout',
  'ReplicaSet',
]);

interface PodTemplate {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
}
function podTemplateOf(manifest: Manifest): PodTemplate | undefined {
  const spec = manifest.spec as
    { template?: PodTemplate; jobTemplate?: { spec?: { template?: PodTemplate } } } | undefined;
  return spec?.template ?? spec?.jobTemplate?.spec?.template;
}

/** The namespaces whose rendered Namespace carries istio-injection=enabled. */
function injectedNamespaces(files: readonly RenderedFile[]): Set<string> {
  return new Set(
    files
      .filter(
        (f) =>
          f.manifest.kind === 'Namespace' && f.manifest.metadata.labels?.['istio-injection'] === 'enabled',
      )
      .map((f) => f.manifest.metadata.name),
  );
}

function simObject(file: RenderedFile, injected: ReadonlySet<string>): SimObject {
  const { manifest } = file;
  const kind = gk(groupOf(manifest.apiVersion), manifest.kind);
  const namespace = isClusterScoped(kind) ? undefined : manifest.metadata.namespace;
  const template = POD_OWNERS.has(manifest.kind) ? podTemplateOf(manifest) : undefined;
  // The injector's namespaceSelector and objectSelector (istiod chart, mutatingwebhook.yaml): injected namespaces,
  // unless the pod opts out with sidecar.istio.io/inject: "false".
  const needsSidecar =
    template !== undefined &&
    namespace !== undefined &&
    injected.has(namespace) &&
    template.metadata?.labels?.['sidecar.istio.io/inject'] !== 'false';
  return {
    kind,
    name: manifest.metadata.name,
    ...(namespace === undefined ? {} : { namespace }),
    phase: phaseOf(manifest.metadata.annotations),
    wave: Number(manifest.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0),
    source: file.path,
    ...(needsSidecar ? { needsSidecar } : {}),
  };
}

/**
 * Argo Rollouts rewrites the route weights of a canary's VirtualService and the pod-template-hash labels of its
 * DestinationRule subsets while a canary runs (https://argo-rollouts.readthedocs.io/en/stable/features/traffic-
 * management/istio/, "Subset-level Traffic Splitting").
 */
function rolloutRewrites(files: readonly RenderedFile[]): RewrittenField[] {
  return files.flatMap(({ manifest }) => {
    const istio = (
      manifest.spec?.strategy as
        | {
            canary?: {
              trafficRouting?: {
                istio?: { virtualService: { name: string }; destinationRule: { name: string } };
              };
            };
          }
        | undefined
    )?.canary?.trafficRouting?.istio;
    if (manifest.kind !== 'Rollout' || istio === undefined) return [];
    const namespace = manifest.metadata.namespace;
    const by = 'Argo Rollouts (Istio subset-level traffic splitting)';
    return [
      {
        kind: gk('networking.istio.io', 'VirtualService'),
        name: istio.virtualService.name,
        namespace,
        jq: '.spec.http[].route[].weight',
        by,
      },
      {
        kind: gk('networking.istio.io', 'DestinationRule'),
        name: istio.destinationRule.name,
        namespace,
        jq: '.spec.subsets[].labels["rollouts-pod-template-hash"]',
        by,
      },
    ];
  });
}

export interface Delivery {
  readonly objects: readonly SimObject[];
  readonly rewrites: readonly RewrittenField[];
  readonly injectsSidecars: boolean;
}

/** What one Application applies. */
export function deliveryOf(tree: RenderedEnvironment, app: Application): Delivery {
  const { source } = app.spec;
  const injected = injectedNamespaces(tree.files);
  if (source.path !== undefined && source.repoURL === tree.env.gitops.repoUrl) {
    const base = source.path.replace(`deploy/${tree.env.name}/`, '');
    const directory = source.directory ?? {};
    const files = tree.files.filter((file) => {
      if (!file.path.startsWith(`${base}/`)) return false;
      const relative = file.path.slice(base.length + 1);
      if (!directory.recurse && relative.includes('/')) return false;
      if (directory.exclude !== undefined && globMatches(directory.exclude, relative)) return false;
      return directory.include === undefined || globMatches(directory.include, relative);
    });
    return {
      objects: files.map((file) => simObject(file, injected)),
      rewrites: rolloutRewrites(files),
      injectsSidecars: false,
    };
  }
  const name = app.spec.source.helm?.releaseName ?? app.metadata.name;
  const footprint = chartFootprint(
    name,
    source.targetRevision,
    source.helm?.valuesObject ?? {},
    app.spec.destination.namespace,
  );
  return {
    objects: footprint.objects,
    rewrites: footprint.rewrites ?? [],
    injectsSidecars: footprint.injectsSidecars ?? false,
  };
}
