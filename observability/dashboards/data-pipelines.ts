// Runbook §4.1 "Data Pipelines": time since each ETL job last succeeded against its schedule plus grace, data age
// per dataset, backlog and failed job pods.
import { Seconds, Short } from '@grafana/grafana-foundation-sdk/units';
import { jobsOf, label } from '../../constructs/contracts';
import { signal } from '../baselines/names';
import { datasetAge, etlAge, jobFailures, queueDepth } from '../signals';
import {
  above,
  baselineTarget,
  type ComparisonPanel,
  type DashboardContext,
  type DashboardSpec,
  productionTarget,
  reference,
} from './spec';

export function dataPipelines(ctx: DashboardContext): DashboardSpec {
  const { env } = ctx;
  const late = env.alerts.etlDelay;
  const etlPanels = jobsOf(env).flatMap((job): ComparisonPanel[] => {
    if (job.expectedIntervalHours === undefined) return [];
    const hours = job.expectedIntervalHours + late.maxLateHours;
    const who = { [label.job]: job.name };
    return [
      {
        title: `${job.name}: time since last success`,
        description: `Expected every ${job.expectedIntervalHours} h; the ${late.severity} alert fires ${late.maxLateHours} h after that.`,
        unit: Seconds,
        production: productionTarget(ctx, etlAge({ ...ctx.scope, ...who }, []), job.name),
        baseline: baselineTarget(ctx, signal.etlAge, job.name, who),
        thresholds: above(hours * 3600),
        min: 0,
      },
    ];
  });
  const freshness = env.alerts.dataFreshness;
  return {
    uid: 'skillforge-data-pipelines',
    title: 'Data Pipelines',
    description: `ETL schedules, data freshness, backlog and job failures of ${env.name}, each next to its staging baseline.`,
    nfr: ['alert-etl-delay', 'alert-data-freshness', 'alert-queue-depth'],
    panels: [
      ...etlPanels,
      {
        title: 'Data age by dataset',
        description: `Time since each dataset was refreshed; the ${freshness.severity} alert fires after ${freshness.maxAgeHours} h.`,
        unit: Seconds,
        production: productionTarget(ctx, datasetAge(ctx.scope, []), '{{dataset}}'),
        baseline: baselineTarget(ctx, signal.datasetAge, '{{dataset}}'),
        thresholds: above(freshness.maxAgeHours * 3600),
        min: 0,
      },
      {
        title: 'Backlog: work queue depth',
        description: `Jobs waiting per queue; the ${env.alerts.queueDepth.severity} alert fires above ${env.alerts.queueDepth.maxJobs}.`,
        unit: Short,
        production: productionTarget(ctx, queueDepth(ctx.scope, []), '{{queue}}'),
        baseline: baselineTarget(ctx, signal.queueDepth, '{{queue}}'),
        thresholds: above(env.alerts.queueDepth.maxJobs),
        min: 0,
      },
      {
        title: 'Failed job pods by namespace',
        description:
          'Pods of retained Jobs (CronJob runs, hooks) that failed, as kube-state-metrics counts them.',
        unit: Short,
        production: productionTarget(ctx, jobFailures(ctx.scope, []), '{{namespace}}'),
        baseline: baselineTarget(ctx, signal.jobFailures, '{{namespace}}'),
        thresholds: reference(),
        min: 0,
      },
    ],
  };
}
