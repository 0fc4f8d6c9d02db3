// bootstrap-cluster: runbook §3.1 on a new cluster. Installs Argo CD (the chart version from the model) and the
// environment's root application from the rendered tree; Argo CD then installs everything else (ingress,
// cert-manager, CSI drivers, observability, the workloads) in sync-wave order, and this command reports each wave
// until it is synced and healthy. Where the model gates sync by hand (production), it requests each wave's syncs
// only after the previous wave is healthy, which is the order the waves promise.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { argoCdInstallValues } from '../../../charts/argocd/install-values';
import type { EnvConfig } from '../../../environments';
import { clusterName, kubeContext } from '../../../constructs/contracts';
import { aws } from '../aws/cli';
import { applicationRef } from '../gitops/auto-sync';
import { type ArgoApplication, readApplications } from '../gitops/rendered-tree';
import { applicationState, isReady, SYNC_OPERATION, syncRequestLine, waitLines } from '../gitops/sync';
import type { JsonObject } from '../kubernetes/client';
import { FIELD_MANAGER } from '../kubernetes/client';
import { kubectl } from '../kubernetes/kubectl';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { positiveIntegerOption } from '../runner/options';
import type { Step, StepContext } from '../runner/procedure';
import { command, displayPath } from '../runner/shell';

/** Argo CD's official chart repository; the version is gitops.argoCdChartVersion in the model. */
export const ARGO_CD_CHART_REPO = 'https://argoproj.github.io/argo-helm';

export const bootstrapClusterDefinition: OpsCommandDefinition = {
  name: 'bootstrap-cluster',
  options: {
    'timeout-minutes': { type: 'string', value: '<n>', description: 'per sync wave (default 20)' },
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const timeout = positiveIntegerOption('bootstrap-cluster', values, 'timeout-minutes', 20) * 60;
    const apps = readApplications(deps.deployDir(), env);
    const shownRoot = displayPath(deps.repoRoot(), apps.rootFile);
    const waves = [...new Set(apps.children.map((app) => app.wave))].sort((a, b) => a - b);
    const steps: Step[] = [
      {
        name: 'update-kubeconfig',
        changes: false,
        lines: [aws(env, 'eks', 'update-kubeconfig', '--name', clusterName(env))],
      },
      {
        name: 'install-argocd',
        changes: true,
        lines: [
          command([
            'helm',
            'upgrade',
            '--install',
            'argocd',
            'argo-cd',
            '--repo',
            ARGO_CD_CHART_REPO,
            '--version',
            env.gitops.argoCdChartVersion,
            '--namespace',
            env.gitops.argoCdNamespace,
            '--create-namespace',
            '--kube-context',
            kubeContext(env),
            // The values deploy/<env>/argocd relies on (Application health, annotation tracking), one key each.
            ...Object.entries(argoCdInstallValues()).flatMap(([key, value]) => [
              '--set-json',
              `${key}=${JSON.stringify(value)}`,
            ]),
            '--wait',
            '--timeout',
            '10m',
          ]),
        ],
      },
      {
        name: 'apply-root-application',
        changes: true,
        lines: [
          kubectl(
            env,
            undefined,
            'apply',
            '--server-side',
            `--field-manager=${FIELD_MANAGER}`,
            '-f',
            shownRoot,
          ),
        ],
        async run(ctx) {
          const kube = await ctx.kube();
          for (const object of rootObjects(apps.rootFile)) await kube.applyServerSide(object);
          ctx.log('argocd.root_applied', { file: shownRoot, application: apps.root.name });
        },
      },
      ...(apps.root.automated === undefined ? [syncStep(env, 'sync-root', apps.root)] : []),
      ...waves.map((wave) =>
        waveStep(
          env,
          wave,
          apps.children.filter((app) => app.wave === wave),
          timeout,
        ),
      ),
    ];
    return { steps };
  },
};

export const bootstrapCluster = opsCommand(bootstrapClusterDefinition);

function syncStep(env: EnvConfig, name: string, app: ArgoApplication): Step {
  return {
    name,
    changes: true,
    lines: [syncRequestLine(env, app)],
    async run(ctx) {
      await (await ctx.kube()).mergePatch(applicationRef(app), SYNC_OPERATION);
      ctx.log('argocd.sync_requested', { application: app.name });
    },
  };
}

function waveStep(
  env: EnvConfig,
  wave: number,
  apps: readonly ArgoApplication[],
  timeoutSeconds: number,
): Step {
  const manual = apps.filter((app) => app.automated === undefined);
  const [created, ...rest] = waitLines(env, apps, timeoutSeconds);
  return {
    name: wave < 0 ? `wave-minus-${-wave}` : `wave-${wave}`,
    changes: manual.length > 0,
    lines: [created!, ...manual.map((app) => syncRequestLine(env, app)), ...rest],
    run: (ctx) => watchWave(ctx, wave, apps, manual, timeoutSeconds),
  };
}

async function watchWave(
  ctx: StepContext,
  wave: number,
  apps: readonly ArgoApplication[],
  manual: readonly ArgoApplication[],
  timeoutSeconds: number,
): Promise<void> {
  const kube = await ctx.kube();
  const requested = new Set<string>();
  let last = '';
  await ctx.waitFor(
    `sync wave ${wave} (${apps.map((app) => app.name).join(', ')}) to be synced and healthy`,
    async () => {
      const states = await Promise.all(
        apps.map(async (app) => ({ app, state: applicationState(await kube.read(applicationRef(app))) })),
      );
      for (const { app, state } of states) {
        if (state !== undefined && manual.includes(app) && !requested.has(app.name)) {
          await kube.mergePatch(applicationRef(app), SYNC_OPERATION);
          requested.add(app.name);
          ctx.log('argocd.sync_requested', { application: app.name, wave });
        }
      }
      const ready = states.filter(({ state }) => isReady(state)).length;
      const pending = states
        .filter(({ state }) => !isReady(state))
        .map(
          ({ app, state }) =>
            `${app.name}: ${state === undefined ? 'not created' : `${state.sync}/${state.health}`}`,
        );
      const progress = `wave ${wave}: ${ready}/${apps.length} synced and healthy${pending.length > 0 ? `; waiting for ${pending.join(', ')}` : ''}`;
      // Report changes only: a wave can take many polls.
      if (progress !== last) {
        ctx.log('argocd.wave_progress', { wave, ready, total: apps.length, pending });
        ctx.print(progress);
        last = progress;
      }
      return ready === apps.length ? true : undefined;
    },
    timeoutSeconds * 1000,
    10_000,
  );
}

function rootObjects(file: string): JsonObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as unknown)
    .filter((doc): doc is JsonObject => typeof doc === 'object' && doc !== null);
}
