// Runbook §4.5, analytics pipeline: consumer lag above alerts.consumerLag.maxSeconds, and ingestion more than
// alerts.ingestionBehindBaseline.maxMinutes behind the staging baseline (defined in docs/metrics.md).
import { label, metric } from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { num, seconds, selector } from '../promql';
import type { AlertDefinition } from '../rules';
import { consumerLag, ingestRate } from '../signals';
import { gauge, steps } from '../tests/series';
import { afterTwoSamples, scenarioSamples } from './define';

/** Events per scrape interval the baseline ingests in the ingestion tests. */
const BASELINE_EVENTS = 10_000;

export function analyticsAlerts(ctx: RuleContext): AlertDefinition[] {
  if (ctx.env.kafka.mode === 'disabled') return [];
  // The baseline environment compared with itself is never behind: the alert exists everywhere else.
  const compared = ctx.env.name !== ctx.baselineEnv.name;
  return [lag(ctx), ...(compared ? [ingestionBehind(ctx)] : [])];
}

function lag(ctx: RuleContext): AlertDefinition {
  const rule = ctx.env.alerts.consumerLag;
  const count = scenarioSamples(ctx, 0, rule.for);
  const partition = { ...ctx.scope, partition: '0' };
  const router = ctx.env.playbooks.analyticsBacklog.service;
  return {
    alert: 'AnalyticsConsumerLagHigh',
    expr: `${consumerLag(ctx.scope, [label.env])} > ${rule.maxSeconds}`,
    for: rule.for,
    severity: rule.severity,
    component: 'analytics',
    nfr: ['alert-consumer-lag'],
    summary: `Analytics consumers are more than ${rule.maxSeconds} s behind the event stream`,
    description:
      `In ${ctx.env.name}, ${router} has been more than ${rule.maxSeconds} s behind the head of the analytics ` +
      `stream for ${rule.for}: the consumers are saturated (runbook §4.5 analytics backlog).`,
    baseline: selector(baselineOf(signal.consumerLag), ctx.scope),
    scenario: {
      quiet: [gauge(metric.analyticsConsumerLag, partition, rule.maxSeconds, count)],
      breach: [gauge(metric.analyticsConsumerLag, partition, rule.maxSeconds + 1, count)],
      breachFrom: 0,
      resultLabels: ctx.scope,
    },
  };
}

function ingestionBehind(ctx: RuleContext): AlertDefinition {
  const rule = ctx.env.alerts.ingestionBehindBaseline;
  const windowMinutes = seconds(rule.window) / 60;
  const baseline = selector(baselineOf(signal.ingestRate), ctx.scope);
  const production = ingestRate(ctx.scope, [label.env], rule.window);
  const breachFrom = afterTwoSamples(ctx);
  const count = scenarioSamples(ctx, breachFrom, rule.for);
  // A minute either side of the threshold, or half the room the window leaves above it.
  const margin = Math.min(1, (windowMinutes - rule.maxMinutes) / 2);
  const behindBy = (minutes: number) => [
    steps(metric.analyticsEventsIngested, ctx.baselineScope, BASELINE_EVENTS, count),
    steps(
      metric.analyticsEventsIngested,
      ctx.scope,
      Number(num(BASELINE_EVENTS * (1 - minutes / windowMinutes))),
      count,
    ),
  ];
  return {
    alert: 'AnalyticsIngestionBehindBaseline',
    // Minutes of baseline-pace ingestion missing over the window: window × (1 − production / baseline).
    expr: `(${baseline} - ${production}) / ${baseline} * ${num(windowMinutes)} > ${rule.maxMinutes}`,
    for: rule.for,
    severity: rule.severity,
    component: 'analytics',
    nfr: ['analytics-ingestion-lag'],
    summary: `Analytics ingestion is more than ${rule.maxMinutes} minutes behind the staging baseline`,
    description:
      `Over the last ${rule.window}, ${ctx.env.name} ingested analytics events more than ${rule.maxMinutes} ` +
      `minutes' worth of the staging baseline's pace short of it, for ${rule.for}. Check the consumer lag and ` +
      'the router replicas (runbook §4.5 analytics backlog).',
    baseline,
    scenario: {
      quiet: behindBy(rule.maxMinutes - margin),
      breach: behindBy(rule.maxMinutes + margin),
      breachFrom,
      resultLabels: ctx.scope,
    },
  };
}
