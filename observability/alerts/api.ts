// Runbook §4.2, API: error rate above alerts.apiErrorRate.maxPercent, each service's P95 above its own
// latencyP95Ms (severity latencyAlertSeverity), and work queue depth above alerts.queueDepth.maxJobs.
import { label, metric, servicesOf, type NamedService, type NfrId } from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { num, ratio, selector } from '../promql';
import type { AlertDefinition } from '../rules';
import { errorRatio, latencyQuantile, queueDepth } from '../signals';
import { gauge, steps } from '../tests/series';
import { P95 } from '../thresholds';
import { afterTwoSamples, aroundShare, scenarioSamples } from './define';

const BY = [label.env, label.namespace, label.service];
/** Requests per scrape interval in the error-rate tests: fine enough to land within 0.01 % of any threshold. */
const REQUESTS = 10_000;

export function apiAlerts(ctx: RuleContext): AlertDefinition[] {
  const http = servicesOf(ctx.env).filter((service) => service.kind === 'http');
  return [errorRate(ctx, http), ...http.flatMap((service) => latency(ctx, service)), queue(ctx)];
}

function errorRate(ctx: RuleContext, http: readonly NamedService[]): AlertDefinition {
  const rule = ctx.env.alerts.apiErrorRate;
  const share = ratio(rule.maxPercent);
  const sample = http[0];
  if (!sample) throw new Error(`${ctx.env.name} has no http service`);
  const who = { [label.namespace]: sample.namespace, [label.service]: sample.name };
  const breachFrom = afterTwoSamples(ctx);
  const count = scenarioSamples(ctx, breachFrom, rule.for);
  const errors = aroundShare(share, REQUESTS);
  const traffic = (serverErrors: number) => [
    steps(
      `${metric.httpServerDuration}_count`,
      { ...ctx.scope, ...who, [label.status]: '200' },
      REQUESTS - serverErrors,
      count,
    ),
    steps(
      `${metric.httpServerDuration}_count`,
      { ...ctx.scope, ...who, [label.status]: '503' },
      serverErrors,
      count,
    ),
  ];
  return {
    alert: 'ApiErrorRateHigh',
    expr: `${errorRatio(ctx.scope, BY, ctx.rateWindow)} > ${num(share)}`,
    for: rule.for,
    severity: rule.severity,
    component: 'api',
    nfr: ['alert-api-error-rate'],
    summary: `{{ $labels.service }} answers more than ${rule.maxPercent}% of requests with a server error`,
    description:
      `In ${ctx.env.name}, more than ${rule.maxPercent}% of the requests to {{ $labels.service }} (namespace ` +
      `{{ $labels.namespace }}) have ended in a 5xx for ${rule.for}. Compare with the staging baseline, then ` +
      'look at the latest rollout and the dependencies of the service.',
    baseline: selector(baselineOf(signal.serviceErrorRatio), {
      ...ctx.scope,
      [label.service]: '{{ $labels.service }}',
    }),
    scenario: {
      quiet: traffic(errors.under),
      breach: traffic(errors.over),
      breachFrom,
      resultLabels: { ...ctx.scope, ...who },
    },
  };
}

function latency(ctx: RuleContext, service: NamedService): AlertDefinition[] {
  if (service.latencyP95Ms === undefined) return [];
  const rule = ctx.env.alerts.latency;
  const target = service.latencyP95Ms / 1000;
  const who = { [label.namespace]: service.namespace, [label.service]: service.name };
  const breachFrom = afterTwoSamples(ctx);
  const count = scenarioSamples(ctx, breachFrom, rule.for);
  // Buckets at 90 %, 100 % and 110 % of the target. Quiet: every request in (0.9, 1.0] × target, P95 = 99.5 %
  // of it. Breach: every request in (1.0, 1.1] × target, P95 = 109.5 % of it.
  const bounds = [0.9, 1, 1.1].map((factor) => num(factor * target));
  const buckets = (slowestBucket: number) =>
    [...bounds, '+Inf'].map((le, index) =>
      steps(
        `${metric.httpServerDuration}_bucket`,
        { ...ctx.scope, ...who, [label.bucket]: le },
        index >= slowestBucket ? 100 : 0,
        count,
      ),
    );
  const isSearch = service.name === ctx.env.playbooks.searchLatencySurge.service;
  const nfr: NfrId[] = isSearch ? ['alert-latency', 'search-latency-p95'] : ['alert-latency'];
  return [
    {
      alert: 'ServiceLatencyP95AboveTarget',
      expr: `${latencyQuantile(P95, { ...ctx.scope, [label.service]: service.name }, BY, ctx.rateWindow)} > ${num(target)}`,
      for: rule.for,
      severity: service.latencyAlertSeverity,
      component: 'api',
      nfr,
      identity: { [label.service]: service.name },
      summary: `${service.name} P95 latency is above its ${service.latencyP95Ms} ms objective`,
      description:
        `In ${ctx.env.name}, the 95th percentile of ${service.name}'s request duration has been above ` +
        `${service.latencyP95Ms} ms (services.${service.name}.latencyP95Ms) for ${rule.for}.` +
        (isSearch ? ' Runbook §4.5 has the search latency surge playbook.' : ''),
      baseline: selector(baselineOf(signal.serviceLatencyP95), {
        ...ctx.scope,
        [label.service]: service.name,
      }),
      scenario: { quiet: buckets(1), breach: buckets(2), breachFrom, resultLabels: { ...ctx.scope, ...who } },
    },
  ];
}

function queue(ctx: RuleContext): AlertDefinition {
  const rule = ctx.env.alerts.queueDepth;
  const which = { [label.queue]: 'enrichment' };
  const count = scenarioSamples(ctx, 0, rule.for);
  return {
    alert: 'QueueDepthHigh',
    expr: `${queueDepth(ctx.scope, [label.env])} > ${rule.maxJobs}`,
    for: rule.for,
    severity: rule.severity,
    component: 'api',
    nfr: ['alert-queue-depth'],
    summary: `Work queue {{ $labels.queue }} holds more than ${rule.maxJobs} jobs`,
    description:
      `In ${ctx.env.name}, queue {{ $labels.queue }} has held more than ${rule.maxJobs} jobs for ${rule.for}: ` +
      'its consumers are not keeping up.',
    baseline: selector(baselineOf(signal.queueDepth), { ...ctx.scope, [label.queue]: '{{ $labels.queue }}' }),
    scenario: {
      // Exactly at the threshold is still quiet: the runbook says "> 500".
      quiet: [gauge(metric.queueDepth, { ...ctx.scope, ...which }, rule.maxJobs, count)],
      breach: [gauge(metric.queueDepth, { ...ctx.scope, ...which }, rule.maxJobs + 1, count)],
      breachFrom: 0,
      resultLabels: { ...ctx.scope, ...which },
    },
  };
}
