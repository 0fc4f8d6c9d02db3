// deploy-app: runbook §3.1 "trigger the releases for frontend, API, workers and CronJobs", through Argo CD: sync
// each application-namespace application in sync-wave order and wait until it is synced and healthy. If one fails,
// its canary services are rolled back with Argo Rollouts undo (§6 rollback drill), after pausing automated sync so
// self-heal does not re-apply the failed revision; the release commit must then be reverted in git.
import type { EnvConfig } from '../../../environments';
import { servicesIn, toolHost } from '../../../constructs/contracts';
import { pauseAutoSync } from '../gitops/auto-sync';
import {
  applicationForNamespace,
  type ArgoApplication,
  readApplications,
  type RenderedApplications,
} from '../gitops/rendered-tree';
import { rolloutsPlugin } from '../kubernetes/kubectl';
import { patchStep } from '../kubernetes/steps';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { positiveIntegerOption } from '../runner/options';
import { failedIn, type Step } from '../runner/procedure';
import { command, type CommandLine } from '../runner/shell';

/** The namespaces whose workloads are SkillForge's own releases: workers and CronJobs, then API, then frontend. */
export const RELEASE_NAMESPACES = ['data-pipelines', 'support', 'api', 'frontend'] as const;

export const deployAppDefinition: OpsCommandDefinition = {
  name: 'deploy-app',
  options: {
    'timeout-minutes': {
      type: 'string',
      value: '<n>',
      description: 'per application, sync and health (default 30)',
    },
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const timeout = positiveIntegerOption('deploy-app', values, 'timeout-minutes', 30) * 60;
    const apps = readApplications(deps.deployDir(), env);
    const releases = RELEASE_NAMESPACES.map((namespace) => ({
      namespace,
      app: applicationForNamespace(apps, env, namespace),
    })).sort((a, b) => a.app.wave - b.app.wave || a.app.name.localeCompare(b.app.name));
    const steps: Step[] = releases.flatMap(({ namespace, app }) => [
      {
        name: `sync-${namespace}`,
        changes: true,
        lines: [argocd(env, 'sync', app.name, '--timeout', String(timeout))],
      },
      {
        name: `wait-${namespace}`,
        changes: false,
        lines: [argocd(env, 'wait', app.name, '--sync', '--health', '--timeout', String(timeout))],
      },
    ]);
    const rollbacks = releases.flatMap(({ namespace, app }) =>
      rollbackSteps(env, apps, namespace, app, timeout),
    );
    return { steps: [...steps, ...rollbacks] };
  },
};

export const deployApp = opsCommand(deployAppDefinition);

/** The Argo CD CLI against the environment's Argo CD (log in first: argocd login <host> --sso --grpc-web). */
function argocd(env: EnvConfig, verb: string, ...args: string[]): CommandLine {
  return command(['argocd', 'app', verb, ...args, '--server', toolHost(env, 'argocd'), '--grpc-web']);
}

function rollbackSteps(
  env: EnvConfig,
  apps: RenderedApplications,
  namespace: (typeof RELEASE_NAMESPACES)[number],
  app: ArgoApplication,
  timeout: number,
): Step[] {
  const canaries = servicesIn(env, namespace).filter((service) => service.delivery === 'canary');
  if (canaries.length === 0) return [];
  const condition = failedIn([`sync-${namespace}`, `wait-${namespace}`]);
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
