// A rendered tree (deploy/<env>/…) holding only what the operations commands read: Argo CD applications with
// sync waves, the autoscalers of the playbook services and the analytics dashboard. Shaped like the real output
// (docs/gitops.md: one object per file, root.yaml syncing deploy/<env>/argocd itself), with an HPA variant the
// real tree does not use, so both autoscaler shapes are covered.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { chartWave, folderWave, NAMESPACES_WAVE } from '../../../charts/argocd';
import { type EnvConfig, loadRegistry } from '../../../environments';

export interface FixtureApp {
  readonly name: string;
  readonly wave: number;
  readonly path?: string;
  readonly chart?: { readonly repoURL: string; readonly chart: string; readonly version: string };
  readonly destination: string;
}

/** The sync options and retry every fixture Application declares (what a sync operation must carry). */
export const FIXTURE_SYNC_OPTIONS = ['CreateNamespace=false', 'FailOnSharedResource=true', 'PruneLast=true'];
export const FIXTURE_RETRY = { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } };

/** Waves as charts/argocd/waves.ts orders them: namespaces, mesh, controllers, then the namespace folders. */
export function fixtureApps(env: EnvConfig): FixtureApp[] {
  const folder = (namespace: string): FixtureApp => ({
    name: namespace,
    wave: folderWave(namespace),
    path: `deploy/${env.name}/k8s/${namespace}`,
    destination: namespace,
  });
  const chart = (name: string): FixtureApp => {
    const source = env.platformCharts[name]!;
    return { name, wave: chartWave(name), chart: source, destination: source.namespace };
  };
  return [
    { name: 'namespaces', wave: NAMESPACES_WAVE, path: `deploy/${env.name}/k8s`, destination: 'platform' },
    chart('istiod'),
    chart('cert-manager'),
    folder('platform'),
    folder('observability'),
    folder('data-pipelines'),
    folder('support'),
    folder('api'),
    folder('frontend'),
  ];
}

export const ANALYTICS_DASHBOARD_UID = 'skillforge-analytics-pipeline';

export interface RenderedTreeOptions {
  /** Which autoscaler owns search-api's floor (the Kubernetes issue may pick either). */
  readonly searchAutoscaler?: 'ScaledObject' | 'HorizontalPodAutoscaler';
}

export function writeRenderedTree(options: RenderedTreeOptions = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ops-deploy-'));
  for (const env of loadRegistry().values()) writeEnvironment(dir, env, options);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function writeEnvironment(dir: string, env: EnvConfig, options: RenderedTreeOptions): void {
  const automated = env.gitops.automatedSync ? { automated: { prune: true, selfHeal: true } } : {};
  const write = (file: string, content: string): void => {
    mkdirSync(path.dirname(path.join(dir, env.name, file)), { recursive: true });
    writeFileSync(path.join(dir, env.name, file), content);
  };
  const application = (name: string, wave: number | undefined, source: object, destination: string) =>
    stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name,
        namespace: 'argocd',
        ...(wave === undefined ? {} : { annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } }),
      },
      spec: {
        project: 'default',
        source,
        destination: { server: 'https://kubernetes.default.svc', namespace: destination },
        syncPolicy: { ...automated, syncOptions: FIXTURE_SYNC_OPTIONS, retry: FIXTURE_RETRY },
      },
    });
  const git = { repoURL: env.gitops.repoUrl, targetRevision: env.gitops.targetRevision };
  write(
    'argocd/root.yaml',
    application('root', undefined, { ...git, path: `deploy/${env.name}/argocd/apps` }, 'argocd'),
  );
  for (const app of fixtureApps(env)) {
    const source =
      app.chart === undefined
        ? { ...git, path: app.path }
        : { repoURL: app.chart.repoURL, chart: app.chart.chart, targetRevision: app.chart.version };
    write(
      `argocd/apps/Application.${app.name}.yaml`,
      application(app.name, app.wave, source, app.destination),
    );
  }
  const searchKind = options.searchAutoscaler ?? 'ScaledObject';
  write(
    `k8s/api/${searchKind}.search-api.yaml`,
    autoscaler(searchKind, 'api', 'search-api', env.services['search-api']!.replicas),
  );
  write(
    'k8s/data-pipelines/ScaledObject.analytics-event-router.yaml',
    autoscaler(
      'ScaledObject',
      'data-pipelines',
      'analytics-event-router',
      env.services['analytics-event-router']!.replicas,
    ),
  );
  write(
    'k8s/api/Deployment.search-api.yaml',
    stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'search-api', namespace: 'api' },
    }),
  );
  write(
    `observability/dashboards/${ANALYTICS_DASHBOARD_UID}.json`,
    `${JSON.stringify({ uid: ANALYTICS_DASHBOARD_UID, title: 'Analytics Pipeline Health', panels: [] }, null, 2)}\n`,
  );
}

function autoscaler(
  kind: string,
  namespace: string,
  name: string,
  replicas: { min: number; max: number },
): string {
  const metadata = { name, namespace };
  if (kind === 'ScaledObject') {
    return stringify({
      apiVersion: 'keda.sh/v1alpha1',
      kind,
      metadata,
      spec: {
        scaleTargetRef: { name },
        minReplicaCount: replicas.min,
        maxReplicaCount: replicas.max,
        triggers: [],
      },
    });
  }
  return stringify({
    apiVersion: 'autoscaling/v2',
    kind,
    metadata,
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
    },
  });
}
