// deploy-app: runbook §3.1 "trigger the releases for frontend, API, workers and CronJobs", through Argo CD: sync
// the root application, then every Application it renders (namespaces, CRD bundles, charts, namespace folders) wave
// by wave, in the order Argo CD itself would (scripts/ops/gitops/sync-order.ts), each with the sync options and
// retry it declares, and wait until each wave is synced and healthy. Argo CD is reached through the cluster API
// (the Application objects), the way `argocd app sync --core` does: no Argo CD server address is exposed. If a
// wave holding canary services fails, those canaries are rolled back with Argo Rollouts undo (§6 rollback drill),
// after pausing automated sync so self-heal does not re-apply the failed revision; the release commit must then
// be reverted in git.
import type { EnvConfig } from '../../../environments';
import { clusterName, servicesIn } from '../../../constructs/contracts';
import { aws } from '../aws/cli';
import { pauseAutoSync } from '../gitops/auto-sync';
import {
  applicationForNamespace,
  type ArgoApplication,
  readApplications,
  type RenderedApplications,
} from '../gitops/rendered-tree';
import { stageName, syncStages } from '../gitops/sync-order';
import { syncStep, waveStep } from '../gitops/wave-steps';
import { rolloutsPlugin } from '../kubernetes/kubectl';
import { patchStep } from '../kubernetes/steps';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { positiveIntegerOption } from '../runner/options';
import { failedIn, type Step } from '../runner/procedure';

/** The namespaces whose workloads are SkillForge's own releases, where a failed wave rolls canaries back. */
export const RELEASE_NAMESPACES = ['data-pipelines', 'support', 'api', 'frontend'] as const;

export const deployAppDefinition: OpsCommandDefinition = {
  name: 'deploy-app',
  options: {
    'timeout-minutes': {
      type: 'string',
      value: '<n>',
      description: 'per sync wave, sync and health (default 30)',
    },
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const timeout = positiveIntegerOption('deploy-app', values, 'timeout-minutes', 30) * 60;
    const apps = readApplications(deps.deployDir(), env);
    const stages = syncStages(apps);
    const steps: Step[] = [
      // The kubeconfig context every later step uses (CI starts without one).
      {
        name: 'update-kubeconfig',
        changes: false,
        lines: [aws(env, 'eks', 'update-kubeconfig', '--name', clusterName(env))],
      },
      syncStep(env, 'sync-root', apps.root),
      ...stages.map((stage) => waveStep(env, stage, stage.applications, timeout)),
    ];
    const rollbacks = RELEASE_NAMESPACES.map((namespace) => ({
      namespace,
      app: applicationForNamespace(apps, env, namespace),
    }))
      .sort((a, b) => a.app.wave - b.app.wave || a.app.name.localeCompare(b.app.name))
      .flatMap(({ namespace, app }) => rollbackSteps(env, apps, namespace, app, timeout));
    return { steps: [...steps, ...rollbacks] };
  },
};

export const deployApp = opsCommand(deployAppDefinition);

function rollbackSteps(
  env: EnvConfig,
  apps: RenderedApplications,
  namespace: (typeof RELEASE_NAMESPACES)[number],
  app: ArgoApplication,
  timeout: number,
): Step[] {
  const canaries = servicesIn(env, namespace).filter((service) => service.delivery === 'canary');
  if (canaries.length === 0) return [];
  const condition = failedIn([stageName(app.wave)]);
  const pause = pauseAutoSync(apps, app);
  const undo: Step = {
    name: `rollback-${namespace}`,
    changes: true,
    when: 'on-failure',
    condition,
    lines: canaries.flatMap((service) => [
      rolloutsPlugin(env, namespace, 'undo', service.name),
      rolloutsPlugin(env, namespace, 'status', service.name, '--timeout', `${timeout}s`),
    ]),
  };
  const pauseStep =
    pause.length > 0
      ? [{ ...patchStep(`pause-auto-sync-${namespace}`, env, pause), when: 'on-failure' as const, condition }]
      : [];
  return [...pauseStep, undo];
}
