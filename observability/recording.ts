// Recording rules in front of raw series whose source differs between environments. The cache hit ratio of runbook
// §4.2 comes from redis_exporter where Redis runs in-cluster and from ElastiCache's CloudWatch metrics where it is
// managed (docs/decisions/cache-hit-ratio-source.md): each environment records it from its own source under one
// name, and the alert, its staging baseline, the panel and the §4.5 playbook read only that name.
import {
  type CacheHitSource,
  cacheHitSource,
  label,
  metric,
  recorded,
  redisReplicationGroupId,
} from '../constructs/contracts';
import { fullWindow, sampleCount } from './baselines/record';
import type { RuleContext } from './context';
import type { Matchers } from './promql';
import type { InputSeries, RecordingDefinition } from './rules';
import { redisHitRatio } from './signals';
import { counter, gauge, steps } from './tests/series';

const BY = [label.env];

export function recordingRules(ctx: RuleContext): RecordingDefinition[] {
  return [cacheHitRatio(ctx)];
}

/** The CloudWatch exporter's series of one member cluster of the environment's replication group. */
const member = (scope: Matchers, cluster: string): Matchers => ({
  ...scope,
  [label.cacheCluster]: cluster,
});

/** Member cluster `index` (1-based) of the replication group, as ElastiCache names it: `<group>-001`. */
export const memberCluster = (ctx: RuleContext, index: number): string =>
  `${redisReplicationGroupId(ctx.env)}-${String(index).padStart(3, '0')}`;

/**
 * `hits` and `misses` lookups per scrape interval, as the given source reports them: redis_exporter's counters
 * growing by that much, or CloudWatch's per-period sums split over the primary and one replica (together the given
 * numbers, so the group's ratio is hits / (hits + misses) however the split falls).
 */
export function cacheLookups(
  ctx: RuleContext,
  source: CacheHitSource,
  scope: Matchers,
  lookups: { readonly hits: number; readonly misses: number },
  count: number,
): InputSeries[] {
  if (source === 'redis-exporter') {
    return [
      steps(metric.redisKeyspaceHits, scope, lookups.hits, count),
      steps(metric.redisKeyspaceMisses, scope, lookups.misses, count),
    ];
  }
  const half = (total: number) => [Math.ceil(total / 2), Math.floor(total / 2)] as const;
  const [primaryHits, replicaHits] = half(lookups.hits);
  const [primaryMisses, replicaMisses] = half(lookups.misses);
  const primary = member(scope, memberCluster(ctx, 1));
  const replica = member(scope, memberCluster(ctx, 2));
  return [
    gauge(metric.elasticacheCacheHits, primary, primaryHits, count),
    gauge(metric.elasticacheCacheMisses, primary, primaryMisses, count),
    gauge(metric.elasticacheCacheHits, replica, replicaHits, count),
    gauge(metric.elasticacheCacheMisses, replica, replicaMisses, count),
  ];
}

export const otherSource = (source: CacheHitSource): CacheHitSource =>
  source === 'redis-exporter' ? 'cloudwatch' : 'redis-exporter';

function cacheHitRatio(ctx: RuleContext): RecordingDefinition {
  const source = cacheHitSource(ctx.env);
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const elsewhere = { env: `not-${ctx.env.name}` };
  // Three hits for every miss from the environment's own source: 0.75. The decoys would each pull it down: another
  // environment, the source this environment does not use, and (CloudWatch) a cluster outside the group whose id
  // starts like the group's.
  const input =
    source === 'redis-exporter'
      ? [
          counter(metric.redisKeyspaceHits, ctx.scope, 3, ctx.interval, count),
          counter(metric.redisKeyspaceMisses, ctx.scope, 1, ctx.interval, count),
          counter(metric.redisKeyspaceMisses, elsewhere, 100, ctx.interval, count),
        ]
      : [
          // The primary answers 800 hits and no miss per period, the replica 100 hits and 300 misses: the group's
          // ratio is 900 / 1200 = 0.75, where an average of the members' ratios would say 0.625.
          gauge(metric.elasticacheCacheHits, member(ctx.scope, memberCluster(ctx, 1)), 800, count),
          gauge(metric.elasticacheCacheMisses, member(ctx.scope, memberCluster(ctx, 1)), 0, count),
          gauge(metric.elasticacheCacheHits, member(ctx.scope, memberCluster(ctx, 2)), 100, count),
          gauge(metric.elasticacheCacheMisses, member(ctx.scope, memberCluster(ctx, 2)), 300, count),
          gauge(
            metric.elasticacheCacheMisses,
            member(ctx.scope, `${redisReplicationGroupId(ctx.env)}-blue-001`),
            5000,
            count,
          ),
          gauge(metric.elasticacheCacheMisses, member(elsewhere, memberCluster(ctx, 1)), 5000, count),
        ];
  return {
    record: recorded.redisCacheHitRatio,
    expr: redisHitRatio(ctx.env, ctx.scope, BY, ctx.rateWindow),
    nfr: ['alert-cache-hit-ratio'],
    test: {
      input: [
        ...input,
        ...cacheLookups(ctx, otherSource(source), ctx.scope, { hits: 0, misses: 1000 }, count),
      ],
      evalTime,
      expected: [{ labels: ctx.scope, value: 3 / (3 + 1) }],
    },
  };
}
