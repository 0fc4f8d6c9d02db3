// Promises the AWS services can actually keep (docs/decisions): S3 Replication Time Control replicates within a
// fixed 15 minutes, so cross-region replication only meets an RPO of at least that.
import { type EnvironmentRule, violation } from './types';

/** AWS fixes S3 RTC's threshold at 15 minutes (not configurable). */
const S3_RTC_MINUTES = 15;

export const replicationMeetsRpo: EnvironmentRule = {
  id: 'replication-meets-rpo',
  description:
    'with cross-region replication on, slo.rpoMinutes is at least the 15 minutes S3 RTC guarantees',
  check: (env) =>
    env.storage.crossRegionReplication && env.slo.rpoMinutes < S3_RTC_MINUTES
      ? [
          violation(
            'slo.rpoMinutes',
            env.slo.rpoMinutes,
            `expected ≥ ${S3_RTC_MINUTES} (S3 Replication Time Control replicates within ${S3_RTC_MINUTES} minutes)`,
          ),
        ]
      : [],
};

export const recoveryRules = [replicationMeetsRpo];
