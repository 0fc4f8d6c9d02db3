// Bootstrapping every environment on paper with Argo CD's documented sync semantics (test/gitops/simulation/):
// the root, then every Application in sync-wave order, PreSync hooks before Sync objects, waves, kinds. The
// committed tree must bootstrap with no violation; each rule is shown to fire on the fault it guards against.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EnvConfig, loadEnvironment, loadRegistry } from '../../environments';
import type { ArgoApplication } from '../../scripts/ops/gitops/rendered-tree';
import { syncOrder } from '../../scripts/ops/gitops/sync-order';
import { readApplications } from '../../scripts/ops/gitops/rendered-tree';
import { FOOTPRINT_ROWS } from './simulation/footprints';
import { describeViolation } from './simulation/model';
import { RULES, simulateBootstrap } from './simulation/simulate';
import { loadEnvironmentTree, type RenderedEnvironment } from './simulation/tree';

const DEPLOY = path.join(__dirname, '..', '..', 'deploy');
const envs = [...loadRegistry().values()];
const prod = loadEnvironment('prod');

type Entry = RenderedEnvironment['applications'][number];
type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
/** The tree with one Application changed (its rendered object and what the commands read from it). */
function changeApp(
  tree: RenderedEnvironment,
  name: string,
  change: (spec: Mutable<Entry['spec']>, ref: Mutable<ArgoApplication>) => void,
): RenderedEnvironment {
  const applications = tree.applications.map((entry): Entry => {
    if (entry.ref.name !== name) return entry;
    const spec = structuredClone(entry.spec) as Mutable<Entry['spec']>;
    const ref = structuredClone(entry.ref) as Mutable<ArgoApplication>;
    change(spec, ref);
    return { spec, ref };
  });
  return { ...tree, applications };
}
const withoutApp = (tree: RenderedEnvironment, name: string): RenderedEnvironment => ({
  ...tree,
  applications: tree.applications.filter((entry) => entry.ref.name !== name),
});
const reorder = (tree: RenderedEnvironment): RenderedEnvironment => ({
  ...tree,
  applications: [
    tree.applications[0]!,
    ...tree.applications.slice(1).sort((a, b) => a.ref.wave - b.ref.wave),
  ],
});
/** The tree with one Application moved to another sync wave, in the order Argo CD would then sync it. */
const inWave = (tree: RenderedEnvironment, name: string, wave: number): RenderedEnvironment =>
  reorder(
    changeApp(tree, name, (spec, ref) => {
      spec.metadata.annotations!['argocd.argoproj.io/sync-wave'] = String(wave);
      ref.wave = wave;
    }),
  );
type ProjectSpec = RenderedEnvironment['projects'][number]['spec'];
/** The tree with one AppProject's spec changed. */
const changeProject = (
  tree: RenderedEnvironment,
  name: string,
  change: (spec: ProjectSpec) => ProjectSpec,
): RenderedEnvironment => ({
  ...tree,
  projects: tree.projects.map((project) =>
    project.metadata.name === name ? { ...project, spec: change(project.spec) } : project,
  ),
});
const violations = (
  tree: RenderedEnvironment,
  operationOf?: (app: ArgoApplication) => Record<string, unknown>,
) => simulateBootstrap(tree, { operationOf }).violations.map(describeViolation);

describe.each(envs.map((env) => [env.name, env] as const))('bootstrapping %s', (_name, env: EnvConfig) => {
  const tree = loadEnvironmentTree(DEPLOY, env);

  it('syncs in the order the operations commands use', () => {
    expect(tree.applications.map((entry) => entry.ref.name)).toEqual(
      syncOrder(readApplications(DEPLOY, env)).map((app) => app.name),
    );
  });

  it('meets every rule: 0 violations', () => {
    const result = simulateBootstrap(tree);
    expect(result.violations.map(describeViolation)).toEqual([]);
    expect(result.applications).toBeGreaterThan(20);
    console.info(
      `${env.name}: ${result.applications} applications, ${result.objects} objects, ${result.violations.length} violations (${Object.keys(RULES).length} rules, ${FOOTPRINT_ROWS} chart footprints)`,
    );
  });
});

describe('the bootstrap simulation fails, naming Application, object and rule', () => {
  const tree = loadEnvironmentTree(DEPLOY, prod);
  /** Before this change: no `namespaces` Application, charts created their namespace, folders theirs. */
  const legacy = (): RenderedEnvironment => {
    let t = withoutApp(tree, 'namespaces');
    for (const entry of t.applications.filter((e) => e.spec.spec.source.chart !== undefined)) {
      t = changeApp(t, entry.ref.name, (spec, ref) => {
        spec.spec.syncPolicy.syncOptions = ['CreateNamespace=true', 'ServerSideApply=true'];
        ref.syncOptions = spec.spec.syncPolicy.syncOptions;
      });
    }
    for (const folder of ['platform', 'observability', 'data-pipelines', 'support', 'api', 'frontend']) {
      t = changeApp(t, folder, (spec) => delete spec.spec.source.directory);
    }
    return t;
  };

  it('when a sync operation is patched in without the Application’s sync options (CreateNamespace not in effect)', () => {
    const bare = () => ({
      operation: { initiatedBy: { username: 'skillforge-ops' }, sync: { syncStrategy: { hook: {} } } },
    });
    expect(violations(legacy(), bare)).toContain(
      'cert-manager: Deployment.apps platform/cert-manager (Sync): namespace platform does not exist yet (CreateNamespace is not in effect) [namespace-exists]',
    );
    // With the operation bootstrap-cluster and deploy-app send now, the same tree gets its namespaces.
    expect(violations(legacy()).filter((v) => v.startsWith('cert-manager:'))).toEqual([]);
  });

  it('when support’s PreSync hooks run before the support namespace exists', () => {
    expect(violations(legacy())).toContain(
      'support: ServiceAccount support/db-migrations (PreSync wave -1): namespace support does not exist yet (CreateNamespace is not in effect) [namespace-exists]',
    );
  });

  it('when a chart renders into a namespace its project does not allow (kube-prometheus-stack’s control-plane exporters)', () => {
    const exporters = changeApp(tree, 'kube-prometheus-stack', (spec) => {
      delete spec.spec.source.helm!.valuesObject!.coreDns;
    });
    expect(violations(exporters)).toEqual([
      'kube-prometheus-stack: Service kube-system/kube-prometheus-stack-coredns (Sync): project "observability" does not allow namespace kube-system [project-destination]',
    ]);
  });

  it('when a project does not whitelist a cluster-scoped kind the Application creates', () => {
    const narrowed = changeProject(tree, 'platform', (spec) => ({
      ...spec,
      clusterResourceWhitelist: spec.clusterResourceWhitelist.filter((k) => k.kind !== 'APIService'),
    }));
    expect(violations(narrowed)).toEqual([
      'keda: APIService.apiregistration.k8s.io v1beta1.external.metrics.k8s.io (Sync): project "platform" does not whitelist cluster-scoped APIService.apiregistration.k8s.io [project-cluster-kind]',
      'metrics-server: APIService.apiregistration.k8s.io v1beta1.metrics.k8s.io (Sync): project "platform" does not whitelist cluster-scoped APIService.apiregistration.k8s.io [project-cluster-kind]',
    ]);
  });

  it('when custom resources arrive before their CRD (the prometheus-operator CRDs in the same wave as their users)', () => {
    const late = inWave(tree, 'prometheus-operator-crds', 2);
    expect(violations(late)).toContain(
      'cert-manager: ServiceMonitor.monitoring.coreos.com platform/cert-manager (Sync): no CRD for ServiceMonitor.monitoring.coreos.com is established before it [crd-established]',
    );
  });

  it('when the NodePool and EC2NodeClass sync before Karpenter’s chart brings their CRDs', () => {
    const late = inWave(tree, 'karpenter', 5);
    expect(violations(late)).toEqual([
      'platform: EC2NodeClass.karpenter.k8s.aws workloads (Sync): no CRD for EC2NodeClass.karpenter.k8s.aws is established before it [crd-established]',
      'platform: NodePool.karpenter.sh workloads (Sync): no CRD for NodePool.karpenter.sh is established before it [crd-established]',
    ]);
  });

  it('when the platform project does not allow the namespaces Karpenter’s chart writes to besides its own', () => {
    const narrowed = changeProject(tree, 'platform', (spec) => ({
      ...spec,
      destinations: spec.destinations.filter((d) => d.namespace !== 'kube-node-lease'),
    }));
    expect(violations(narrowed)).toEqual([
      'karpenter: Role.rbac.authorization.k8s.io kube-node-lease/karpenter-lease (Sync): project "platform" does not allow namespace kube-node-lease [project-destination]',
      'karpenter: RoleBinding.rbac.authorization.k8s.io kube-node-lease/karpenter-lease (Sync): project "platform" does not allow namespace kube-node-lease [project-destination]',
    ]);
  });

  it('when meshed workloads sync before the sidecar injector', () => {
    const late = inWave(tree, 'istiod', 7);
    expect(violations(late)).toContain(
      'api: Rollout.argoproj.io api/user-api (Sync): its pods would start without the istio-proxy sidecar: no injector webhook in an earlier wave [sidecar-injector-first]',
    );
  });

  it('when a field istiod rewrites is not ignored (istio-base’s istiod-default-validator, its failurePolicy)', () => {
    const strict = changeApp(tree, 'istio-base', (spec) => delete spec.spec.ignoreDifferences);
    expect(violations(strict)).toContain(
      'istio-base: ValidatingWebhookConfiguration.admissionregistration.k8s.io istiod-default-validator: .webhooks[]?.failurePolicy is rewritten by istiod (istio/istio#52785: failurePolicy Ignore → Fail once the webhook serves; CA written into caBundle) and not in ignoreDifferences: the Application would stay OutOfSync [rewritten-fields-ignored]',
    );
  });

  it('when the Load Balancer Controller generates its webhook certificate at render time instead of cert-manager', () => {
    const generated = changeApp(tree, 'aws-load-balancer-controller', (spec) => {
      spec.spec.source.helm!.valuesObject!.enableCertManager = false;
    });
    expect(violations(generated)).toEqual([
      'aws-load-balancer-controller: MutatingWebhookConfiguration.admissionregistration.k8s.io aws-load-balancer-webhook: .webhooks[]?.clientConfig.caBundle is rewritten by Helm genCA on every render (templates/_helpers.tpl) and not in ignoreDifferences: the Application would stay OutOfSync [rewritten-fields-ignored]',
    ]);
  });

  it('when an Application names a project that does not exist yet, or a repository its project does not allow', () => {
    const early = changeApp(tree, 'api', (spec) => {
      spec.spec.project = 'analytics';
    });
    expect(violations(early)).toEqual([
      'api: Application api: project "analytics" does not exist yet [project-exists]',
    ]);
    const fork = changeApp(tree, 'gateway-api', (spec) => {
      spec.spec.source.repoURL = 'https://github.com/someone/gateway-api';
    });
    expect(violations(fork)).toEqual([
      'gateway-api: Application gateway-api: project "platform" does not allow https://github.com/someone/gateway-api [project-source]',
    ]);
  });

  it('when a chart is pinned at a version whose templates nobody read (no footprint row)', () => {
    const unread = changeApp(tree, 'cert-manager', (spec) => {
      spec.spec.source.targetRevision = 'v1.99.0';
    });
    expect(() => simulateBootstrap(unread)).toThrow(
      "no footprint for cert-manager v1.99.0: read that version's templates and add a row to test/gitops/simulation/footprints-platform.ts, footprints-mesh.ts or footprints-observability.ts",
    );
  });

  it('encodes each rule once, with its source', () => {
    expect(Object.keys(RULES)).toHaveLength(9);
    for (const text of Object.values(RULES)) expect(text).toMatch(/https:\/\//);
  });
});
