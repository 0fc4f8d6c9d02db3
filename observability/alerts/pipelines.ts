// Runbook §4.2, data pipelines: an ETL job more than alerts.etlDelay.maxLateHours past its expectedIntervalHours,
// and a dataset older than alerts.dataFreshness.maxAgeHours, one rule per job and per dataset of the model.
import { jobsOf, label, metric, type NamedJob } from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { selector } from '../promql';
import type { AlertDefinition, AlertScenario, Labels } from '../rules';
import { datasetAge, etlAge } from '../signals';
import { gauge } from '../tests/series';

export function pipelineAlerts(ctx: RuleContext): AlertDefinition[] {
  const etl = jobsOf(ctx.env).filter((job) => job.expectedIntervalHours !== undefined);
  const refreshing = jobsOf(ctx.env).filter((job) => job.refreshesDataset !== undefined);
  return [...etl.map((job) => late(ctx, job)), ...refreshing.map((job) => stale(ctx, job))];
}

/**
 * A timestamp series whose age crosses `limit` seconds just after a few scrapes. promtool starts at Unix time 0,
 * so "last success `limit` seconds ago" is a negative timestamp: the age is time() − timestamp. Quiet is one
 * interval younger, so it sits exactly on the threshold (not above it) when breach fires.
 */
function ageScenario(ctx: RuleContext, metricName: string, labels: Labels, limit: number): AlertScenario {
  const crossing = 10 * ctx.interval;
  const count = Math.ceil(crossing / ctx.interval) + 4;
  const lastSuccess = crossing - limit;
  return {
    quiet: [gauge(metricName, { ...ctx.scope, ...labels }, lastSuccess + ctx.interval, count)],
    breach: [gauge(metricName, { ...ctx.scope, ...labels }, lastSuccess, count)],
    breachFrom: crossing + ctx.interval,
    resultLabels: { ...ctx.scope, ...labels },
  };
}

function late(ctx: RuleContext, job: NamedJob): AlertDefinition {
  const rule = ctx.env.alerts.etlDelay;
  const hours = (job.expectedIntervalHours ?? 0) + rule.maxLateHours;
  const limit = hours * 3600;
  const who = { [label.job]: job.name };
  return {
    alert: 'EtlJobLate',
    expr: `${etlAge({ ...ctx.scope, ...who }, [label.env])} > ${limit}`,
    severity: rule.severity,
    component: 'pipelines',
    nfr: ['alert-etl-delay'],
    identity: who,
    summary: `${job.name} has not succeeded for more than ${hours} h`,
    description:
      `In ${ctx.env.name}, ${job.name} should succeed every ${job.expectedIntervalHours} h ` +
      `(jobs.${job.name}.expectedIntervalHours) and is now more than ${rule.maxLateHours} h past that ` +
      `(schedule "${job.schedule ?? ''}" UTC).`,
    baseline: selector(baselineOf(signal.etlAge), { ...ctx.scope, ...who }),
    scenario: ageScenario(ctx, metric.etlLastSuccess, who, limit),
  };
}

function stale(ctx: RuleContext, job: NamedJob): AlertDefinition {
  const rule = ctx.env.alerts.dataFreshness;
  const dataset = job.refreshesDataset ?? '';
  const limit = rule.maxAgeHours * 3600;
  const which = { [label.dataset]: dataset };
  return {
    alert: 'DatasetStale',
    expr: `${datasetAge({ ...ctx.scope, ...which }, [label.env])} > ${limit}`,
    severity: rule.severity,
    component: 'pipelines',
    nfr: ['alert-data-freshness'],
    // The refreshing job is part of the identity: a stale dataset (P1) inhibits its own job's lateness (P2).
    identity: { ...which, [label.job]: job.name },
    summary: `Dataset ${dataset} is older than ${rule.maxAgeHours} h`,
    description:
      `In ${ctx.env.name}, ${dataset} was last refreshed more than ${rule.maxAgeHours} h ago; ${job.name} ` +
      'refreshes it. Users are being served stale occupation data.',
    baseline: selector(baselineOf(signal.datasetAge), { ...ctx.scope, ...which }),
    scenario: ageScenario(ctx, metric.dataLastRefresh, which, limit),
  };
}
