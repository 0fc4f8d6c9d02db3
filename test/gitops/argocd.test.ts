// What the Argo CD objects promise, rendered in-process from the real model and a sample k8s/ tree:
// production syncs only on request, waves run in the runbook's order, autoscaled replica counts are left to
// the autoscalers, and each team's project keeps it inside its namespaces.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type EnvConfig, loadRegistry } from '../../environments';
import { servicesOf } from '../../constructs/contracts';
import {
  argoCdInstallValues,
  type Application,
  renderArgoCd,
  SYNC_WAVE_ANNOTATION,
} from '../../charts/argocd';
import { platformHelmSources } from '../../charts/platform/helm-sources';
import {
  applicationsOf,
  argoObjects,
  argoSchemaErrors,
  denial,
  type Manifest,
  manifestFile,
  projectsOf,
  sampleK8sTree,
} from './argocd-support';

const registry = loadRegistry();
const envs = [...registry.values()];
const prod = registry.get('prod')!;
const rendered = new Map<EnvConfig, ReturnType<typeof argoObjects>>();
const render = (env: EnvConfig) => {
  if (!rendered.has(env)) rendered.set(env, argoObjects(renderArgoCd(env, sampleK8sTree(env))));
  return rendered.get(env)!;
};
const applications = (env: EnvConfig) => applicationsOf(render(env));
const app = (env: EnvConfig, name: string): Application => {
  const found = applications(env).find((candidate) => candidate.metadata.name === name);
  if (!found) throw new Error(`no Application ${name} in ${env.name}`);
  return found;
};
const wave = (application: Application) => Number(application.metadata.annotations?.[SYNC_WAVE_ANNOTATION]);

describe('Argo CD applications', () => {
  it.each(envs.map((env) => [env.name, env] as const))(
    '%s: every object validates against the Argo CD CRD schemas',
    (_name, env) => {
      const objects = render(env);
      expect(objects.length).toBeGreaterThan(20);
      expect(objects.map((object) => [object.metadata.name, argoSchemaErrors(object)])).toEqual(
        objects.map((object) => [object.metadata.name, []]),
      );
    },
  );

  it('the schema check fails on an invalid Application', () => {
    const broken = structuredClone(app(prod, 'api')) as unknown as {
      spec: { syncPolicy: { retry: object } };
    };
    broken.spec.syncPolicy.retry = { limit: 'ten' };
    expect(argoSchemaErrors(broken)).toEqual(['/spec/syncPolicy/retry/limit must be integer']);
  });

  it('the root application syncs deploy/<env>/argocd from the model’s repository and revision', () => {
    const root = applications(prod).find((candidate) => candidate.metadata.name === 'root');
    expect(root?.spec.source).toEqual({
      repoURL: prod.gitops.repoUrl,
      targetRevision: prod.gitops.targetRevision,
      path: 'deploy/prod/argocd',
    });
    expect(root?.spec.project).toBe('default');
    expect(root?.metadata.namespace).toBe(prod.gitops.argoCdNamespace);
  });

  it('has one Application per namespace folder, syncing that folder into that namespace', () => {
    const folders = Object.keys(prod.namespaces).sort();
    const folderApps = applications(prod).filter((candidate) =>
      candidate.spec.source.path?.includes('/k8s/'),
    );
    expect(folderApps.map((candidate) => candidate.metadata.name).sort()).toEqual(folders);
    for (const folderApp of folderApps) {
      expect(folderApp.spec.source.path).toBe(`deploy/prod/k8s/${folderApp.metadata.name}`);
      expect(folderApp.spec.destination).toEqual({
        server: 'https://kubernetes.default.svc',
        namespace: folderApp.metadata.name,
      });
      expect(folderApp.spec.syncPolicy.syncOptions).toContain('CreateNamespace=false');
    }
  });

  it('installs redis-exporter only where Redis runs in-cluster (it cannot log in to IAM-only ElastiCache)', () => {
    const names = (env: EnvConfig) => applications(env).map((candidate) => candidate.metadata.name);
    expect(names(registry.get('dev')!)).toContain('redis-exporter');
    expect(names(prod)).not.toContain('redis-exporter');
    expect(names(registry.get('staging')!)).not.toContain('redis-exporter');
    expect(names(prod)).toContain('cloudwatch-exporter');
  });

  it('has one Application per platform chart, at its exact version with the values charts/platform computes', () => {
    for (const source of platformHelmSources(prod)) {
      const helmApp = app(prod, source.name);
      expect(helmApp.spec.source).toEqual({
        repoURL: source.repoURL,
        chart: source.chart,
        targetRevision: source.version,
        ...(Object.keys(source.values).length > 0
          ? { helm: { releaseName: source.name, valuesObject: source.values } }
          : { helm: { releaseName: source.name } }),
      });
      expect(helmApp.spec.destination.namespace).toBe(source.namespace);
      expect(helmApp.spec.syncPolicy.syncOptions).toContain('ServerSideApply=true');
    }
  });

  it('production has no automated sync anywhere: every change waits for a manual sync (runbook §2.1)', () => {
    expect(prod.gitops.automatedSync).toBe(false);
    expect(applications(prod).filter((candidate) => candidate.spec.syncPolicy.automated)).toEqual([]);
  });

  it.each(envs.filter((env) => env.tier !== 'production').map((env) => [env.name, env] as const))(
    '%s syncs every Application automatically, with self-heal and prune',
    (_name, env) => {
      expect(applications(env).map((candidate) => candidate.spec.syncPolicy.automated)).toEqual(
        applications(env).map(() => ({ prune: true, selfHeal: true })),
      );
    },
  );

  it('syncs projects, then charts (CRDs), then platform → observability → data-pipelines/support → api → frontend', () => {
    const objects = render(prod);
    const projectWaves = projectsOf(objects).map((project) =>
      Number(project.metadata.annotations?.[SYNC_WAVE_ANNOTATION]),
    );
    const charts = platformHelmSources(prod).map((source) => wave(app(prod, source.name)));
    const order = ['platform', 'observability', 'data-pipelines', 'support', 'api', 'frontend'].map((name) =>
      wave(app(prod, name)),
    );
    expect(Math.max(...projectWaves)).toBeLessThan(Math.min(...charts));
    expect(Math.max(...charts)).toBeLessThan(order[0]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(5);
    expect(wave(app(prod, 'data-pipelines'))).toBe(wave(app(prod, 'support')));
  });

  it('ignores the replica count of exactly the autoscaled workloads, in their own namespace’s Application', () => {
    const ignored = applications(prod).flatMap((candidate) =>
      (candidate.spec.ignoreDifferences ?? [])
        .filter((entry) => entry.jsonPointers !== undefined)
        .map((entry) => ({ app: candidate.metadata.name, ...entry })),
    );
    expect(ignored).toEqual(
      expect.arrayContaining(
        servicesOf(prod).map((service) => ({
          app: service.namespace,
          group: service.delivery === 'canary' ? 'argoproj.io' : 'apps',
          kind: service.delivery === 'canary' ? 'Rollout' : 'Deployment',
          name: service.name,
          namespace: service.namespace,
          jsonPointers: ['/spec/replicas'],
        })),
      ),
    );
    expect(ignored).toHaveLength(servicesOf(prod).length);
    for (const candidate of applications(prod)) {
      const respects = candidate.spec.syncPolicy.syncOptions.includes('RespectIgnoreDifferences=true');
      expect(respects, candidate.metadata.name).toBe((candidate.spec.ignoreDifferences ?? []).length > 0);
    }
  });

  it('installs Argo CD with the Application health check the waves wait on', () => {
    const cm = (argoCdInstallValues() as { configs: { cm: Record<string, string> } }).configs.cm;
    expect(cm['resource.customizations.health.argoproj.io_Application']).toContain(
      'hs.status = obj.status.health.status',
    );
    expect(cm['application.resourceTrackingMethod']).toBe('annotation');
  });
});

describe('Argo CD projects', () => {
  const objects = render(prod);
  const project = (name: string) =>
    projectsOf(objects).find((candidate) => candidate.metadata.name === name)!;
  const configMap = (namespace: string) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'x', namespace },
  });

  it('give every Application a project that permits everything its folder renders', () => {
    const tree = sampleK8sTree(prod);
    const denials = applicationsOf(objects).flatMap((candidate) => {
      const folder = candidate.spec.source.path?.split('/k8s/')[1];
      if (folder === undefined) return [];
      // The folder's own Application skips its Namespace file (the `namespaces` Application creates it).
      return tree
        .filter(
          (file) => file.path.startsWith(`k8s/${folder}/`) && !/\/Namespace\.[^/]+\.yaml$/.test(file.path),
        )
        .flatMap(
          (file) => denial(project(candidate.spec.project), parse(file.content) as Manifest, folder) ?? [],
        );
    });
    expect(denials).toEqual([]);
  });

  it.each(['api', 'frontend', 'data-pipelines', 'support'])(
    'keep the %s team in its namespace, with no cluster-scoped kind at all',
    (team) => {
      const own = project(team);
      expect(own.spec.destinations.map((destination) => destination.namespace)).toEqual([team]);
      // Its Namespace comes from the `namespaces` Application (platform's project), a wave earlier.
      expect(own.spec.clusterResourceWhitelist).toEqual([]);
      expect(denial(own, configMap(team), team)).toBeUndefined();
      expect(denial(own, configMap('platform'), team)).toBe(
        `ConfigMap x: namespace platform is not a destination of project ${team}`,
      );
      expect(
        denial(
          own,
          { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' } },
          team,
        ),
      ).toBe(
        `ClusterRole.rbac.authorization.k8s.io x: cluster-scoped kind not whitelisted by project ${team}`,
      );
      expect(denial(own, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }, team)).toBe(
        `Secret x: kind not whitelisted by project ${team}`,
      );
    },
  );

  it('whitelist exactly the namespaced kinds an application folder renders', () => {
    expect(project('frontend').spec.namespaceResourceWhitelist).toEqual([
      { group: '', kind: 'ConfigMap' },
      { group: 'argoproj.io', kind: 'Rollout' },
      { group: 'autoscaling', kind: 'HorizontalPodAutoscaler' },
    ]);
  });

  it('let only the platform project create cluster-wide entry points, and no project use a wildcard', () => {
    const holders = (kind: string) =>
      projectsOf(objects)
        .filter((candidate) => candidate.spec.clusterResourceWhitelist.some((entry) => entry.kind === kind))
        .map((candidate) => candidate.metadata.name);
    expect(holders('ClusterIssuer')).toEqual(['platform']);
    expect(holders('CustomResourceDefinition')).toEqual(['observability', 'platform']);
    expect(holders('*')).toEqual([]);
    // kube-system only for KEDA's and metrics-server's authentication-reader RoleBindings and Karpenter's kube-dns
    // reader; kube-node-lease only for Karpenter's lease cleanup (helm-sources.ts).
    expect(project('platform').spec.destinations.map((destination) => destination.namespace)).toEqual([
      'istio-system',
      'kube-node-lease',
      'kube-system',
      'platform',
    ]);
  });

  it('narrow the root’s project to Applications and AppProjects in Argo CD’s namespace', () => {
    const root = project('default');
    expect(root.spec.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: prod.gitops.argoCdNamespace },
    ]);
    expect(root.spec.clusterResourceWhitelist).toEqual([]);
    expect(root.spec.namespaceResourceWhitelist?.map((entry) => entry.kind)).toEqual([
      'AppProject',
      'Application',
    ]);
    expect(root.spec.sourceRepos).toEqual([prod.gitops.repoUrl]);
  });
});

describe('rendering Argo CD objects', () => {
  const configMap = (folder: string) =>
    manifestFile(folder, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });

  it('fails when a namespace folder has no sync wave', () => {
    expect(() => renderArgoCd(prod, [configMap('kube-system')])).toThrow(
      'k8s/kube-system/ has no sync wave: add the namespace to FOLDER_STAGES in charts/argocd/waves.ts after the namespaces it depends on',
    );
  });

  it('fails when a manifest sits below a namespace folder, where Argo CD would never read it', () => {
    const nested = { ...configMap('api'), path: 'k8s/api/extra/ConfigMap.x.yaml' };
    expect(() => renderArgoCd(prod, [nested])).toThrow(
      'k8s/api/extra/ConfigMap.x.yaml: expected k8s/<namespace>/<Kind>.<name>.yaml; Argo CD syncs each k8s/<namespace>/ folder without recursing into subfolders',
    );
  });

  it('fails when a platform chart is named like a namespace folder', () => {
    const charts = platformHelmSources(prod).map((source) =>
      source.name === 'keda' ? { ...source, name: 'api' } : source,
    );
    expect(() => renderArgoCd(prod, [configMap('api')], charts)).toThrow(
      'environment "prod": Argo CD Application "api" would be defined twice (a platform chart named like a namespace folder or the root): rename the chart in platformCharts',
    );
  });

  it('reads manifests written in any YAML layout, not only the serializer’s', () => {
    const flow = {
      path: 'k8s/api/Namespace.api.yaml',
      content:
        '{ "kind": "Namespace", "apiVersion": "v1", "metadata": { "labels": { "name": "x" }, "name": "api" } }\n',
    };
    const [api] = applicationsOf(argoObjects(renderArgoCd(prod, [flow]))).filter(
      (candidate) => candidate.metadata.name === 'api',
    );
    expect(api?.spec.syncPolicy.syncOptions).toContain('CreateNamespace=false');
  });

  it('lets Argo CD create a namespace only for a folder that does not render its own', () => {
    const [withoutNamespace] = applicationsOf(argoObjects(renderArgoCd(prod, [configMap('api')]))).filter(
      (candidate) => candidate.metadata.name === 'api',
    );
    expect(withoutNamespace?.spec.syncPolicy.syncOptions).toContain('CreateNamespace=true');
    expect(app(prod, 'api').spec.syncPolicy.syncOptions).toContain('CreateNamespace=false');
  });
});
