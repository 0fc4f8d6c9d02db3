// What makes an environment production-grade: the runbook's multi-AZ, failover, DR and approval promises.
import { type EnvironmentRule, violation } from './types';

const expectations: readonly {
  path: string;
  read: (env: Parameters<EnvironmentRule['check']>[0]) => unknown;
  holds: (value: unknown) => boolean;
  expected: string;
}[] = [
  {
    path: 'postgres.multiAz',
    read: (e) => e.postgres.multiAz,
    holds: (v) => v === true,
    expected: 'expected true (runbook §1.2 multi-zone HA)',
  },
  {
    path: 'network.natGateways',
    read: (e) => e.network.natGateways,
    holds: (v) => v === 'one-per-az',
    expected: 'expected "one-per-az" so one zone failing keeps egress',
  },
  {
    path: 'redis.mode',
    read: (e) => e.redis.mode,
    holds: (v) => v === 'managed',
    expected: 'expected "managed" (ElastiCache with automatic failover)',
  },
  {
    path: 'redis.replicasPerShard',
    read: (e) => e.redis.replicasPerShard,
    holds: (v) => Number(v) >= 1,
    expected: 'expected ≥ 1 replica for automatic failover',
  },
  {
    path: 'storage.crossRegionReplication',
    read: (e) => e.storage.crossRegionReplication,
    holds: (v) => v === true,
    expected: 'expected true (restore via cross-region replication, runbook §3.3)',
  },
  {
    path: 'gitops.automatedSync',
    read: (e) => e.gitops.automatedSync,
    holds: (v) => v === false,
    expected: 'expected false: production syncs after manual approval (runbook §2.1)',
  },
];

export const productionGrade: EnvironmentRule = {
  id: 'production-grade',
  description: 'production environments keep multi-AZ data, failover, DR replication and a manual sync gate',
  check: (env) =>
    env.tier !== 'production'
      ? []
      : expectations.flatMap(({ path, read, holds, expected }) => {
          const value = read(env);
          return holds(value) ? [] : [violation(path, value, expected)];
        }),
};

export const productionRules = [productionGrade];
