// Runbook §4.2, data stores: Redis hit ratio (the recorded redis:cache_hit_ratio:ratio, from the source the
// environment's redis.mode has) under alerts.cacheHitRatio.minPercent, RDS replication lag above
// alerts.replicationLag.maxSeconds (where the model has replicas) and storage above alerts.storageUsed.maxPercent
// of postgres.allocatedStorageGb.
import {
  cacheHitSource,
  label,
  metric,
  postgresReplicaCount,
  redisReplicationGroupId,
} from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { num, ratio, selector } from '../promql';
import type { AlertDefinition } from '../rules';
import { cacheLookups, otherSource } from '../recording';
import { cacheHitRatio as cacheHitRatioSeries, replicaLag, storageUsed } from '../signals';
import { gauge } from '../tests/series';
import { gibibytes } from '../thresholds';
import { afterTwoSamples, aroundShare, scenarioSamples } from './define';

const BY = [label.env];
/** Redis lookups per scrape interval (redis_exporter) or per CloudWatch period in the hit-ratio tests. */
const LOOKUPS = 10_000;

export function storeAlerts(ctx: RuleContext): AlertDefinition[] {
  return [
    cacheHitRatio(ctx),
    ...(postgresReplicaCount(ctx.env) > 0 ? [replicationLag(ctx)] : []),
    storage(ctx),
  ];
}

function cacheHitRatio(ctx: RuleContext): AlertDefinition {
  const rule = ctx.env.alerts.cacheHitRatio;
  const share = ratio(rule.minPercent);
  const source = cacheHitSource(ctx.env);
  // Counters need two samples for a rate; CloudWatch's per-period sums give a ratio from the first one.
  const breachFrom = source === 'redis-exporter' ? afterTwoSamples(ctx) : 0;
  const count = scenarioSamples(ctx, breachFrom, rule.for);
  const hits = aroundShare(share, LOOKUPS);
  const lookups = (hitCount: number) =>
    cacheLookups(ctx, source, ctx.scope, { hits: hitCount, misses: LOOKUPS - hitCount }, count);
  // Quiet also holds a breach in the source this environment does not use: the record must not read it.
  const unused = cacheLookups(
    ctx,
    otherSource(source),
    ctx.scope,
    { hits: hits.under, misses: LOOKUPS - hits.under },
    count,
  );
  const from =
    source === 'redis-exporter'
      ? 'redis_exporter'
      : `ElastiCache's CacheHits and CacheMisses of ${redisReplicationGroupId(ctx.env)} (CloudWatch)`;
  return {
    alert: 'RedisCacheHitRatioLow',
    expr: `${cacheHitRatioSeries(ctx.scope)} < ${num(share)}`,
    for: rule.for,
    severity: rule.severity,
    component: 'cache',
    nfr: ['alert-cache-hit-ratio'],
    summary: `Redis cache hit ratio is below ${rule.minPercent}%`,
    description:
      `In ${ctx.env.name}, fewer than ${rule.minPercent}% of Redis lookups have been hits for ${rule.for} ` +
      `(${from}): the cache is cold or evicting, and PostgreSQL and OpenSearch take the misses.`,
    baseline: selector(baselineOf(signal.redisHitRatio), ctx.scope),
    scenario: {
      quiet: [...lookups(hits.over), ...unused],
      breach: lookups(hits.under),
      breachFrom,
      resultLabels: ctx.scope,
    },
  };
}

function replicationLag(ctx: RuleContext): AlertDefinition {
  const rule = ctx.env.alerts.replicationLag;
  const count = scenarioSamples(ctx, 0, rule.for);
  const replica = { ...ctx.scope, [label.rdsInstance]: 'replica-1' };
  return {
    alert: 'PostgresReplicationLagHigh',
    expr: `${replicaLag(ctx.scope, BY)} > ${rule.maxSeconds}`,
    for: rule.for,
    severity: rule.severity,
    component: 'database',
    nfr: ['alert-replication-lag'],
    summary: `A PostgreSQL read replica is more than ${rule.maxSeconds} s behind the primary`,
    description:
      `In ${ctx.env.name}, the most lagging read replica has been more than ${rule.maxSeconds} s behind for ` +
      `${rule.for}: reads served from it are stale and a failover to it would lose those seconds.`,
    baseline: selector(baselineOf(signal.rdsReplicaLag), ctx.scope),
    scenario: {
      quiet: [gauge(metric.rdsReplicaLag, replica, rule.maxSeconds, count)],
      breach: [gauge(metric.rdsReplicaLag, replica, rule.maxSeconds + 1, count)],
      breachFrom: 0,
      resultLabels: ctx.scope,
    },
  };
}

function storage(ctx: RuleContext): AlertDefinition {
  const rule = ctx.env.alerts.storageUsed;
  const share = ratio(rule.maxPercent);
  const allocated = gibibytes(ctx.env.postgres.allocatedStorageGb);
  const count = scenarioSamples(ctx, 0, rule.for);
  // A tenth of a percent of the disk either side of the threshold.
  const margin = Math.round(allocated / 1000);
  const free = Math.round(allocated * (1 - share));
  const primary = { ...ctx.scope, [label.rdsInstance]: 'primary' };
  return {
    alert: 'PostgresStorageUsageHigh',
    expr: `${storageUsed(ctx.scope, BY, allocated)} > ${num(share)}`,
    for: rule.for,
    severity: rule.severity,
    component: 'database',
    nfr: ['alert-storage-used'],
    summary: `PostgreSQL storage is more than ${rule.maxPercent}% used`,
    description:
      `In ${ctx.env.name}, more than ${rule.maxPercent}% of the ${ctx.env.postgres.allocatedStorageGb} GiB ` +
      `allocated to PostgreSQL (postgres.allocatedStorageGb) has been in use for ${rule.for}.`,
    baseline: selector(baselineOf(signal.rdsStorageUsed), ctx.scope),
    scenario: {
      quiet: [gauge(metric.rdsFreeStorage, primary, free + margin, count)],
      breach: [gauge(metric.rdsFreeStorage, primary, free - margin, count)],
      breachFrom: 0,
      resultLabels: ctx.scope,
    },
  };
}
