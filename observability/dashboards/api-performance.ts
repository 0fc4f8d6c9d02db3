// Runbook §4.1 "API Performance": P95 latency per service against its objective (search_latency_p95 with the
// §4.5 recovery line), throughput, server errors, queue depth, cache_hit_ratio and search replicas.
import { PercentUnit, RequestsPerSecond, Seconds, Short } from '@grafana/grafana-foundation-sdk/units';
import { cacheHitSource, label, recorded, servicesOf } from '../../constructs/contracts';
import { signal } from '../baselines/names';
import { ratio } from '../promql';
import {
  cacheHitRatio,
  deploymentAvailable,
  errorRatio,
  latencyQuantile,
  queueDepth,
  requestRate,
} from '../signals';
import { P95 } from '../thresholds';
import {
  above,
  baselineTarget,
  below,
  type ComparisonPanel,
  type DashboardContext,
  type DashboardSpec,
  productionTarget,
  recovery,
  reference,
  replicaBands,
} from './spec';

export function apiPerformance(ctx: DashboardContext): DashboardSpec {
  const { env } = ctx;
  const search = env.playbooks.searchLatencySurge;
  const latencyPanels = servicesOf(env).flatMap((service): ComparisonPanel[] => {
    if (service.latencyP95Ms === undefined) return [];
    const target = service.latencyP95Ms / 1000;
    const isSearch = service.name === search.service;
    const who = { [label.service]: service.name };
    return [
      {
        // Runbook §4.5 names this panel: "monitor search_latency_p95 … confirm return to < 340 ms".
        title: isSearch ? 'search_latency_p95' : `${service.name} P95 latency`,
        description: isSearch
          ? `P95 of ${service.name}: red from its ${service.latencyP95Ms} ms objective, orange from the ` +
            `${search.recoveredBelowMs} ms the §4.5 playbook must get back under.`
          : `P95 of ${service.name} against its ${service.latencyP95Ms} ms objective (services.${service.name}.latencyP95Ms).`,
        unit: Seconds,
        production: productionTarget(
          ctx,
          latencyQuantile(P95, { ...ctx.scope, ...who }, [], ctx.rate),
          service.name,
        ),
        baseline: baselineTarget(ctx, signal.serviceLatencyP95, service.name, who),
        thresholds: isSearch ? recovery(search.recoveredBelowMs / 1000, target) : above(target),
        min: 0,
      },
    ];
  });
  const searchFloor = env.services[search.service]?.replicas.min ?? 0;
  return {
    uid: 'skillforge-api-performance',
    title: 'API Performance',
    description: `Latency, throughput, errors, queue depth and cache hit ratio of ${env.name}, each next to its staging baseline.`,
    nfr: [
      'alert-latency',
      'search-latency-p95',
      'search-recovery-latency',
      'alert-api-error-rate',
      'alert-queue-depth',
      'alert-cache-hit-ratio',
      'search-surge-replicas',
      'search-min-replicas',
    ],
    panels: [
      ...latencyPanels,
      {
        title: 'Requests per second by service',
        description: 'Throughput of every HTTP service.',
        unit: RequestsPerSecond,
        production: productionTarget(ctx, requestRate(ctx.scope, [label.service], ctx.rate), '{{service}}'),
        baseline: baselineTarget(ctx, signal.serviceRequestRate, '{{service}}'),
        thresholds: reference(),
        min: 0,
      },
      {
        title: 'Server error ratio by service',
        description: `Share of requests answered with a 5xx; the ${env.alerts.apiErrorRate.severity} alert fires above ${env.alerts.apiErrorRate.maxPercent}% for ${env.alerts.apiErrorRate.for}.`,
        unit: PercentUnit,
        production: productionTarget(ctx, errorRatio(ctx.scope, [label.service], ctx.rate), '{{service}}'),
        baseline: baselineTarget(ctx, signal.serviceErrorRatio, '{{service}}'),
        thresholds: above(ratio(env.alerts.apiErrorRate.maxPercent)),
        min: 0,
      },
      {
        title: 'Work queue depth',
        description: `Jobs waiting per queue; the ${env.alerts.queueDepth.severity} alert fires above ${env.alerts.queueDepth.maxJobs} for ${env.alerts.queueDepth.for}.`,
        unit: Short,
        production: productionTarget(ctx, queueDepth(ctx.scope, []), '{{queue}}'),
        baseline: baselineTarget(ctx, signal.queueDepth, '{{queue}}'),
        thresholds: above(env.alerts.queueDepth.maxJobs),
        min: 0,
      },
      {
        // Runbook §4.5 names this panel next to search_latency_p95.
        title: 'cache_hit_ratio',
        description:
          `Share of Redis lookups that were hits (${recorded.redisCacheHitRatio}, recorded from ` +
          `${cacheHitSource(env) === 'redis-exporter' ? 'redis_exporter' : "ElastiCache's CloudWatch metrics"}); ` +
          `the ${env.alerts.cacheHitRatio.severity} alert fires under ${env.alerts.cacheHitRatio.minPercent}% for ${env.alerts.cacheHitRatio.for}.`,
        unit: PercentUnit,
        production: productionTarget(ctx, cacheHitRatio(ctx.scope), 'hit ratio'),
        baseline: baselineTarget(ctx, signal.redisHitRatio, 'hit ratio'),
        thresholds: below(ratio(env.alerts.cacheHitRatio.minPercent)),
        min: 0,
        max: 1,
      },
      {
        title: `${search.service} available replicas`,
        description:
          `Red under the ${searchFloor}-replica HPA floor, orange from the ${search.surgeReplicas} replicas ` +
          'the §4.5 playbook scales to.',
        unit: Short,
        production: productionTarget(
          ctx,
          deploymentAvailable({ ...ctx.scope, [label.deployment]: search.service }, []),
          search.service,
        ),
        baseline: baselineTarget(ctx, signal.deploymentAvailable, search.service, {
          [label.deployment]: search.service,
        }),
        thresholds: replicaBands(searchFloor, search.surgeReplicas),
        min: 0,
      },
    ],
  };
}
