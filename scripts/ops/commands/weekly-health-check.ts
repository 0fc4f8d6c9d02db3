// weekly-health-check: the runbook §4.3 list as one report. Reads only. Each section records its own result (a
// section that cannot be read is reported as an error, not a crash), then the report is printed; the exit code
// is 2 when anything needs attention, so a scheduled run can page or open a ticket.
import type { EnvConfig } from '../../../environments';
import {
  jobsOf,
  kubernetesSupport,
  managedSecrets,
  postgresIdentifier,
  secretName,
} from '../../../constructs/contracts';
import { aws, awsValue } from '../aws/cli';
import { readApplications } from '../gitops/rendered-tree';
import { kubectl } from '../kubernetes/kubectl';
import { prometheusUrl, queryLine, instantQuery, prometheusUrlOption } from '../observability/prometheus';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { stringOption } from '../runner/options';
import { GateRefusedError, type Step, type StepContext } from '../runner/procedure';
import { comment } from '../runner/shell';
import {
  type Finding,
  argocdFindings,
  backupFindings,
  chartLifecycleFindings,
  drillFindings,
  releaseFindings,
  secretFindings,
} from '../health/findings';

const BACKUP_VERIFICATION_JOB = 'backup-verification';

export const weeklyHealthCheckDefinition: OpsCommandDefinition = {
  name: 'weekly-health-check',
  options: {
    ...prometheusUrlOption,
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    const apps = readApplications(deps.deployDir(), env);
    const baseUrl = prometheusUrl(env, stringOption(values, 'prometheus-url'));
    const alerts = `ALERTS{alertstate="firing",env="${env.name}"}`;
    const drillJob = jobsOf(env).find((job) => job.name === BACKUP_VERIFICATION_JOB);
    const secrets = managedSecrets(env);
    const findings: { section: string; items: Finding[] }[] = [];
    const section = (
      name: string,
      title: string,
      lines: Step['lines'],
      read: (ctx: StepContext) => Promise<Finding[]>,
    ): Step => ({
      name,
      changes: false,
      lines,
      async run(ctx) {
        try {
          findings.push({ section: title, items: await read(ctx) });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          findings.push({ section: title, items: [{ status: 'error', text: message }] });
          ctx.log('health.section_failed', { section: title, error: message }, 'warn');
        }
      },
    });
    // Through the cluster API (the Application objects): no Argo CD server address is exposed.
    const argocdList = kubectl(
      env,
      env.gitops.argoCdNamespace,
      'get',
      'applications.argoproj.io',
      '-o',
      'json',
    );
    const snapshotTime = awsValue(
      env,
      'LATEST_SNAPSHOT_TIME',
      'rds',
      'describe-db-snapshots',
      ['--db-instance-identifier', postgresIdentifier(env), '--snapshot-type', 'automated'],
      'reverse(sort_by(DBSnapshots, &SnapshotCreateTime))[0].SnapshotCreateTime',
    );
    const secretLines = secrets.map((secret) =>
      aws(
        env,
        'secretsmanager',
        'describe-secret',
        '--secret-id',
        secretName(env, secret.path),
        '--output',
        'json',
      ),
    );
    const steps: Step[] = [
      section('argocd-sync-status', 'Argo CD sync status and chart versions', [argocdList], async (ctx) =>
        argocdFindings(env, apps, applicationItems(await ctx.exec(argocdList))),
      ),
      section(
        'chart-end-of-life',
        'Helm charts and manifest bundles past their end of life (docs/charts.md)',
        [comment('from the model: platformCharts and platformManifests endOfLife')],
        async (ctx) => chartLifecycleFindings(env, ctx.deps.now()),
      ),
      section(
        'release-versions',
        'Release versions (running images vs the model)',
        releaseLines(env),
        async (ctx) => releaseFindings(env, await ctx.kube()),
      ),
      section(
        'backups',
        'Backups and restore drill',
        [snapshotTime, ...(drillJob === undefined ? [] : [drillLine(env, drillJob.namespace)])],
        async (ctx) => [
          ...backupFindings(await ctx.exec(snapshotTime), ctx.deps.now()),
          ...(drillJob === undefined
            ? [
                {
                  status: 'attention' as const,
                  text: `no ${BACKUP_VERIFICATION_JOB} job in the model of ${env.name}`,
                },
              ]
            : await drillFindings(
                await ctx.kube(),
                drillJob.namespace,
                BACKUP_VERIFICATION_JOB,
                drillJob.schedule,
                ctx.deps.now(),
              )),
        ],
      ),
      section('secrets', 'Secret rotation', secretLines, async (ctx) => {
        const described = [];
        for (const [index, secret] of secrets.entries()) {
          described.push({
            secret,
            description: JSON.parse(await ctx.exec(secretLines[index]!)) as Record<string, unknown>,
          });
        }
        return secretFindings(env, described, ctx.deps.now());
      }),
      section(
        'kubernetes-support',
        'EKS Kubernetes version support',
        [comment(`lifecycle of Kubernetes ${env.cluster.kubernetesVersion} from the model`)],
        async (ctx) => {
          const support = kubernetesSupport(
            env.cluster.kubernetesVersion,
            ctx.deps.now().toISOString().slice(0, 10),
          );
          return [{ status: support.status === 'ok' ? 'ok' : 'attention', text: support.text }];
        },
      ),
      section('open-alerts', 'Open alerts', [queryLine(baseUrl, alerts)], async (ctx) => {
        const firing = await instantQuery(ctx.deps.fetch, baseUrl, alerts);
        if (firing.length === 0) return [{ status: 'ok', text: 'no alert firing' }];
        return firing.map((sample) => ({
          status: 'attention' as const,
          text: `${sample.labels.alertname ?? '(unnamed)'} ${sample.labels.severity ?? ''} firing`.trim(),
        }));
      }),
      {
        name: 'report',
        changes: false,
        lines: manualChecks(env).map((text) => comment(`by hand: ${text}`)),
        async run(ctx) {
          const items = findings.flatMap((entry) => entry.items);
          ctx.print(renderReport(env, findings, manualChecks(env)));
          const attention = items.filter((item) => item.status !== 'ok').length;
          ctx.log('health.report', { attention, sections: findings.length });
          if (attention > 0)
            throw new GateRefusedError(`${attention} item(s) need attention (see the report above)`);
        },
      },
    ];
    return { steps };
  },
};

export const weeklyHealthCheck = opsCommand(weeklyHealthCheckDefinition);

/** The items of `kubectl get applications -o json` (a List). */
function applicationItems(json: string): unknown[] {
  const list = JSON.parse(json) as { items?: unknown };
  if (!Array.isArray(list.items)) throw new Error('kubectl get applications returned no items list');
  return list.items;
}

function releaseLines(env: EnvConfig): Step['lines'] {
  return Object.entries(env.services)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, service]) =>
      kubectl(
        env,
        service.namespace,
        'get',
        service.delivery === 'canary' ? 'rollouts.argoproj.io' : 'deployment',
        name,
        '-o',
        'jsonpath={.spec.template.spec.containers[*].image}',
      ),
    );
}

const drillLine = (env: EnvConfig, namespace: string) =>
  kubectl(
    env,
    namespace,
    'get',
    'cronjob',
    BACKUP_VERIFICATION_JOB,
    '-o',
    'jsonpath={.status.lastSuccessfulTime}',
  );

/** The §4.3 items that need a person; listed so the report is the whole checklist. */
function manualChecks(env: EnvConfig): string[] {
  return [
    'review dashboard baselines against the runbook thresholds (npm run annotate-baseline-sync after a dashboard sync)',
    `audit access logs for anomalies; RBAC roles are reviewed every ${env.access.accessReviewIntervalDays} days`,
    'run the smoke load test and update the capacity model',
    'review open incidents, postmortem action items and the change backlog',
  ];
}

function renderReport(
  env: EnvConfig,
  sections: readonly { section: string; items: Finding[] }[],
  manual: string[],
): string {
  const marks = { ok: 'ok       ', attention: 'ATTENTION', error: 'ERROR    ' } as const;
  return [
    `# weekly health check: ${env.name}`,
    ...sections.flatMap(({ section, items }) => [
      '',
      `## ${section}`,
      ...items.map((item) => `${marks[item.status]} ${item.text}`),
    ]),
    '',
    '## By hand',
    ...manual.map((text) => `- ${text}`),
  ].join('\n');
}
