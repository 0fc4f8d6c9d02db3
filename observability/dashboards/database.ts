// Runbook §4.1 "Database": replication lag, storage in use of the model's allocation, connections. Slow queries
// are logged (postgres.slowQueryLogMs) and read in Loki; buffer cache ratios have no series in the contract.
import { PercentUnit, Seconds, Short } from '@grafana/grafana-foundation-sdk/units';
import { signal } from '../baselines/names';
import { ratio } from '../promql';
import { connections, replicaLag, storageUsed } from '../signals';
import { gibibytes } from '../thresholds';
import {
  above,
  baselineTarget,
  type DashboardContext,
  type DashboardSpec,
  productionTarget,
  reference,
} from './spec';

export function database(ctx: DashboardContext): DashboardSpec {
  const { env } = ctx;
  const lag = env.alerts.replicationLag;
  const used = env.alerts.storageUsed;
  return {
    uid: 'skillforge-database',
    title: 'Database',
    description: `PostgreSQL (RDS) of ${env.name}: replication, storage and connections, each next to its staging baseline.`,
    nfr: ['alert-replication-lag', 'alert-storage-used'],
    panels: [
      {
        title: 'Replication lag, slowest replica',
        description: `The ${lag.severity} alert fires above ${lag.maxSeconds} s for ${lag.for}.`,
        unit: Seconds,
        production: productionTarget(ctx, replicaLag(ctx.scope, []), 'lag'),
        baseline: baselineTarget(ctx, signal.rdsReplicaLag, 'lag'),
        thresholds: above(lag.maxSeconds),
        min: 0,
      },
      {
        title: 'Storage used',
        description:
          `Share of the ${env.postgres.allocatedStorageGb} GiB allocated (postgres.allocatedStorageGb) in use on ` +
          `the fullest instance; the ${used.severity} alert fires above ${used.maxPercent}%.`,
        unit: PercentUnit,
        production: productionTarget(
          ctx,
          storageUsed(ctx.scope, [], gibibytes(env.postgres.allocatedStorageGb)),
          'storage used',
        ),
        baseline: baselineTarget(ctx, signal.rdsStorageUsed, 'storage used'),
        thresholds: above(ratio(used.maxPercent)),
        min: 0,
        max: 1,
      },
      {
        title: 'Connections, busiest instance',
        description: 'DatabaseConnections (CloudWatch average) of the busiest instance.',
        unit: Short,
        production: productionTarget(ctx, connections(ctx.scope, []), 'connections'),
        baseline: baselineTarget(ctx, signal.rdsConnections, 'connections'),
        thresholds: reference(),
        min: 0,
      },
    ],
  };
}
