// Staging baselines of the data stores (runbook §4.1 "Database", §4.2 cache): Redis hit ratio, RDS replication
// lag, storage in use and connections.
import { label, metric, recorded } from '../../constructs/contracts';
import type { RuleContext } from '../context';
import type { BaselineDefinition } from '../rules';
import { cacheHitRatio, connections, replicaLag, storageUsed } from '../signals';
import { gauge } from '../tests/series';
import { gibibytes } from '../thresholds';
import { signal } from './names';
import { baselineRule, decoyScope, fullWindow, sampleCount } from './record';

export function storeBaselines(ctx: RuleContext): BaselineDefinition[] {
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const decoy = decoyScope(ctx);
  const instance = (scope: Record<string, string>, id: string) => ({ ...scope, [label.rdsInstance]: id });
  // The baseline environment's own disk: its usage share is measured against its own allocation.
  const allocated = gibibytes(ctx.baselineEnv.postgres.allocatedStorageGb);
  return [
    // The baseline environment records its own ratio from its own source (observability/recording.ts); the
    // baseline copies that series, so it reads the same number whichever source the baseline environment has.
    baselineRule(ctx, signal.redisHitRatio, cacheHitRatio(ctx.baselineScope), {
      input: [
        gauge(recorded.redisCacheHitRatio, ctx.baselineScope, 0.75, count),
        gauge(recorded.redisCacheHitRatio, decoy, 0.25, count),
      ],
      evalTime,
      expected: [{ labels: {}, value: 0.75 }],
    }),
    baselineRule(ctx, signal.rdsReplicaLag, replicaLag(ctx.baselineScope, []), {
      input: [
        gauge(metric.rdsReplicaLag, instance(ctx.baselineScope, 'replica-1'), 12, count),
        gauge(metric.rdsReplicaLag, instance(ctx.baselineScope, 'replica-2'), 40, count),
        gauge(metric.rdsReplicaLag, instance(decoy, 'replica-1'), 900, count),
      ],
      evalTime,
      expected: [{ labels: {}, value: 40 }],
    }),
    baselineRule(ctx, signal.rdsStorageUsed, storageUsed(ctx.baselineScope, [], allocated), {
      // The fuller instance (a quarter free) decides: three quarters used.
      input: [
        gauge(metric.rdsFreeStorage, instance(ctx.baselineScope, 'primary'), allocated / 4, count),
        gauge(metric.rdsFreeStorage, instance(ctx.baselineScope, 'replica-1'), allocated / 2, count),
        gauge(metric.rdsFreeStorage, instance(decoy, 'primary'), 1, count),
      ],
      evalTime,
      expected: [{ labels: {}, value: 1 - allocated / 4 / allocated }],
    }),
    baselineRule(ctx, signal.rdsConnections, connections(ctx.baselineScope, []), {
      input: [
        gauge(metric.rdsConnections, instance(ctx.baselineScope, 'primary'), 120, count),
        gauge(metric.rdsConnections, instance(ctx.baselineScope, 'replica-1'), 80, count),
        gauge(metric.rdsConnections, instance(decoy, 'primary'), 5000, count),
      ],
      evalTime,
      expected: [{ labels: {}, value: 120 }],
    }),
  ];
}
