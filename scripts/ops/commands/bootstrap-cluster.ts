// bootstrap-cluster: runbook §3.1 on a new cluster. Installs Argo CD (the chart version from the model) and the
// environment's root application from the rendered tree; Argo CD then installs everything else (ingress,
// cert-manager, CSI drivers, observability, the workloads) in sync-wave order, and this command reports each wave
// until it is synced and healthy. Where the model gates sync by hand (production), it requests each wave's syncs
// only after the previous wave is healthy, which is the order the waves promise.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { argoCdInstallValues } from '../../../charts/argocd/install-values';
import { clusterName, kubeContext } from '../../../constructs/contracts';
import { aws } from '../aws/cli';
import { readApplications } from '../gitops/rendered-tree';
import { syncStages } from '../gitops/sync-order';
import { syncStep, waveStep } from '../gitops/wave-steps';
import type { JsonObject } from '../kubernetes/client';
import { FIELD_MANAGER } from '../kubernetes/client';
import { kubectl } from '../kubernetes/kubectl';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { positiveIntegerOption } from '../runner/options';
import type { Step } from '../runner/procedure';
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
      // Where the model gates sync by hand (production) each wave's syncs are requested once the earlier waves
      // are healthy; elsewhere the applications sync themselves and the step only watches.
      ...syncStages(apps).map((stage) =>
        waveStep(
          env,
          stage,
          stage.applications.filter((app) => app.automated === undefined),
          timeout,
        ),
      ),
    ];
    return { steps };
  },
};

export const bootstrapCluster = opsCommand(bootstrapClusterDefinition);

function rootObjects(file: string): JsonObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as unknown)
    .filter((doc): doc is JsonObject => typeof doc === 'object' && doc !== null);
}
