// --dry-run of the cluster procedures, for every environment: bootstrap, deploy and annotate-baseline-sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argoCdInstallValues } from '../../charts/argocd/install-values';
import { clusterName, kubeContext, servicesIn } from '../../constructs/contracts';
import type { EnvConfig } from '../../environments';
import { annotateBaselineSyncDefinition } from '../../scripts/ops/commands/annotate-baseline-sync';
import { bootstrapClusterDefinition } from '../../scripts/ops/commands/bootstrap-cluster';
import { deployAppDefinition } from '../../scripts/ops/commands/deploy-app';
import { dryRun, environments, header, kc, plugin } from './support/expected';
import { FIXED_SHA, testDeps } from './support/ops-harness';
import { fixtureApps, writeRenderedTree } from './support/rendered-tree';

let tree: { dir: string; remove(): void };
beforeAll(() => {
  tree = writeRenderedTree();
});
afterAll(() => tree.remove());

// The operation carries the Application's own sync options and retry, as `argocd app sync` would: the controller
// applies the operation's, never spec.syncPolicy's (scripts/ops/gitops/sync.ts).
const SYNC =
  `'{"operation":{"initiatedBy":{"username":"skillforge-ops"},"sync":{"syncStrategy":{"hook":{}},` +
  `"syncOptions":["CreateNamespace=false","FailOnSharedResource=true","PruneLast=true"]},` +
  `"retry":{"limit":10,"backoff":{"duration":"15s","factor":2,"maxDuration":"5m"}}}}'`;
const PAUSE = `'{"spec":{"syncPolicy":{"automated":null}}}'`;

function waveLines(
  env: EnvConfig,
  wave: number,
  index: number,
  total: number,
  requestAll = !env.gitops.automatedSync,
): string[] {
  const apps = fixtureApps(env).filter((app) => app.wave === wave);
  const refs = apps.map((app) => `applications.argoproj.io/${app.name}`).join(' ');
  const argocd = kc(env, 'argocd');
  return [
    `# step ${index}/${total}: ${wave < 0 ? `wave-minus-${-wave}` : `wave-${wave}`}`,
    `${argocd} wait --for=create --timeout=1200s ${refs}`,
    // Production gates sync by hand: each wave's syncs are requested once the earlier waves are healthy.
    ...(requestAll
      ? apps.map((app) => `${argocd} patch applications.argoproj.io ${app.name} --type merge -p ${SYNC}`)
      : []),
    `${argocd} wait '--for=jsonpath={.status.sync.status}=Synced' --timeout=1200s ${refs}`,
    `${argocd} wait '--for=jsonpath={.status.health.status}=Healthy' --timeout=1200s ${refs}`,
  ];
}

describe.each(environments())('dry runs of the cluster procedures in $name', (env) => {
  it('bootstrap-cluster installs Argo CD, applies the root application and waits wave by wave', async () => {
    const waves = [...new Set(fixtureApps(env).map((app) => app.wave))].sort((a, b) => a - b);
    // One --set-json per top-level key; the JSON holds no single quote, so one pair of quotes is the shell word.
    expect(Object.keys(argoCdInstallValues())).toEqual(['configs']);
    expect(JSON.stringify(argoCdInstallValues())).not.toContain("'");
    const first = env.gitops.automatedSync ? 4 : 5;
    const total = first - 1 + waves.length;
    expect(await dryRun(bootstrapClusterDefinition, env, testDeps(tree.dir))).toEqual([
      header('bootstrap-cluster', env),
      `# step 1/${total}: update-kubeconfig`,
      `aws eks update-kubeconfig --region ${env.aws.region} --name ${clusterName(env)}`,
      `# step 2/${total}: install-argocd`,
      `helm upgrade --install argocd argo-cd --repo https://argoproj.github.io/argo-helm --version ${env.gitops.argoCdChartVersion} --namespace ${env.gitops.argoCdNamespace} --create-namespace --kube-context ${kubeContext(env)} --set-json 'configs=${JSON.stringify(argoCdInstallValues().configs)}' --wait --timeout 10m`,
      `# step 3/${total}: apply-root-application`,
      `${kc(env)} apply --server-side --field-manager=skillforge-ops -f ${tree.dir}/${env.name}/argocd/root.yaml`,
      ...(env.gitops.automatedSync
        ? []
        : [
            `# step 4/${total}: sync-root`,
            `${kc(env, 'argocd')} patch applications.argoproj.io root --type merge -p ${SYNC}`,
          ]),
      ...waves.flatMap((wave, index) => waveLines(env, wave, first + index, total)),
    ]);
  });

  it('deploy-app syncs the root and then every application wave by wave through the cluster API, rolling canaries back only after a failure', async () => {
    const waves = [...new Set(fixtureApps(env).map((app) => app.wave))].sort((a, b) => a - b);
    const releases = ['data-pipelines', 'support', 'api', 'frontend'] as const;
    const withCanaries = releases.filter((ns) => servicesIn(env, ns).some((s) => s.delivery === 'canary'));
    const pauseSteps = env.gitops.automatedSync ? withCanaries.length : 0;
    const total = 2 + waves.length + withCanaries.length + pauseSteps;
    let step = 2 + waves.length;
    const heading = (name: string, note = '') => `# step ${++step}/${total}: ${name}${note}`;
    const waveOf = (ns: string) => fixtureApps(env).find((app) => app.name === ns)!.wave;
    const expected = [
      header('deploy-app', env),
      `# step 1/${total}: update-kubeconfig`,
      `aws eks update-kubeconfig --region ${env.aws.region} --name ${clusterName(env)}`,
      `# step 2/${total}: sync-root`,
      `${kc(env, 'argocd')} patch applications.argoproj.io root --type merge -p ${SYNC}`,
      ...waves.flatMap((wave, index) =>
        waveLines(env, wave, 3 + index, total, true).map((line) =>
          line.replace('--timeout=1200s', '--timeout=1800s'),
        ),
      ),
      ...withCanaries.flatMap((ns) => {
        const note = ` (runs only after a failure, if wave-${waveOf(ns)} failed)`;
        return [
          ...(env.gitops.automatedSync
            ? [
                heading(`pause-auto-sync-${ns}`, note),
                `${kc(env, 'argocd')} patch applications.argoproj.io root --type merge -p ${PAUSE}`,
                `${kc(env, 'argocd')} patch applications.argoproj.io ${ns} --type merge -p ${PAUSE}`,
              ]
            : []),
          heading(`rollback-${ns}`, note),
          ...servicesIn(env, ns)
            .filter((s) => s.delivery === 'canary')
            .flatMap((s) => [
              `kubectl argo rollouts undo ${s.name} ${plugin(env, ns)}`,
              `kubectl argo rollouts status ${s.name} --timeout 1800s ${plugin(env, ns)}`,
            ]),
        ];
      }),
    ];
    const lines = await dryRun(deployAppDefinition, env, testDeps(tree.dir));
    expect(lines).toEqual(expected);
    expect(withCanaries).toEqual(['api', 'frontend']);
    expect(lines.join('\n')).not.toContain('argocd app');
  });

  it('annotate-baseline-sync records the git commit on the grafana-dashboards ConfigMap', async () => {
    expect(await dryRun(annotateBaselineSyncDefinition, env, testDeps(tree.dir))).toEqual([
      header('annotate-baseline-sync', env),
      '# step 1/1: annotate-dashboards',
      `${kc(env, 'observability')} annotate configmap grafana-dashboards skillforge.io/baseline-sync=${FIXED_SHA} --overwrite`,
    ]);
  });
});
