// Rules about data stores: workloads only depend on stores that exist, retention covers the RPO, search topology.
import type { EnvConfig } from '../schema';
import { type EnvironmentRule, violation } from './types';

/** Point-in-time restore must reach back at least a week (issue #3); the RPO needs PITR switched on at all. */
const MIN_PITR_DAYS = 7;

export const storesEnabled: EnvironmentRule = {
  id: 'stores-enabled',
  description: 'services and jobs only depend on data stores the environment runs',
  check: (env) => {
    const disabled = disabledStores(env);
    const dependants = [
      ...Object.entries(env.services).map(([name, w]) => [`services.${name}`, w] as const),
      ...Object.entries(env.jobs).map(([name, w]) => [`jobs.${name}`, w] as const),
    ];
    return dependants.flatMap(([path, workload]) =>
      'enabled' in workload && workload.enabled === false
        ? []
        : workload.dependsOn.flatMap((store, index) =>
            disabled.includes(store)
              ? [
                  violation(
                    `${path}.dependsOn[${index}]`,
                    store,
                    `expected a store this environment runs (${store} is disabled)`,
                  ),
                ]
              : [],
          ),
    );
  },
};

function disabledStores(env: EnvConfig): string[] {
  return [
    ...(env.opensearch.mode === 'disabled' ? ['opensearch'] : []),
    ...(env.kafka.mode === 'disabled' ? ['kafka'] : []),
  ];
}

export const retentionCoversRpo: EnvironmentRule = {
  id: 'retention-covers-rpo',
  description: 'backup retention is long enough for point-in-time restore and backups outlive the RDS window',
  check: (env) => {
    const problems = [];
    if (env.postgres.backupRetentionDays < MIN_PITR_DAYS) {
      problems.push(
        violation(
          'postgres.backupRetentionDays',
          env.postgres.backupRetentionDays,
          `expected ≥ ${MIN_PITR_DAYS} days of point-in-time restore (RPO ${env.slo.rpoMinutes} min)`,
        ),
      );
    }
    const backups = env.storage.buckets.backups;
    if (backups.expireAfterDays !== null && backups.expireAfterDays < env.postgres.backupRetentionDays) {
      problems.push(
        violation(
          'storage.buckets.backups.expireAfterDays',
          backups.expireAfterDays,
          `expected ≥ postgres.backupRetentionDays (${env.postgres.backupRetentionDays}) so exported backups outlive the RDS window`,
        ),
      );
    }
    const telemetry = env.storage.buckets.telemetry;
    const longest = Math.max(env.observability.lokiRetentionDays, env.observability.tempoRetentionDays);
    if (telemetry.expireAfterDays !== null && telemetry.expireAfterDays < longest) {
      problems.push(
        violation(
          'storage.buckets.telemetry.expireAfterDays',
          telemetry.expireAfterDays,
          `expected ≥ the longest Loki/Tempo retention (${longest} days)`,
        ),
      );
    }
    return problems;
  },
};

export const searchTopology: EnvironmentRule = {
  id: 'search-topology',
  description:
    'OpenSearch masters are an odd quorum of 3+, UltraWarm has dedicated masters, data nodes span zones',
  check: (env) => {
    const search = env.opensearch;
    if (search.mode !== 'managed') return [];
    const problems = [];
    const masters = search.dedicatedMasters;
    if (masters.enabled && (masters.count < 3 || masters.count % 2 === 0)) {
      problems.push(
        violation(
          'opensearch.dedicatedMasters.count',
          masters.count,
          'expected an odd number ≥ 3 (a quorum)',
        ),
      );
    }
    if (search.ultrawarm.enabled && !masters.enabled) {
      problems.push(
        violation(
          'opensearch.ultrawarm.enabled',
          true,
          'expected dedicatedMasters.enabled (UltraWarm requires them)',
        ),
      );
    }
    const zones = Math.min(env.aws.availabilityZones.length, 3);
    if (search.dataNodes.count % zones !== 0) {
      problems.push(
        violation(
          'opensearch.dataNodes.count',
          search.dataNodes.count,
          `expected a multiple of ${zones} (zone awareness)`,
        ),
      );
    }
    return problems;
  },
};

/**
 * RDS storage autoscaling refuses a maximum storage threshold less than 10 % above the allocated storage: AWS,
 * "Managing capacity automatically with Amazon RDS storage autoscaling"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html, the limitations of the
 * maximum storage threshold).
 */
export const storageAutoscalingHeadroom: EnvironmentRule = {
  id: 'storage-autoscaling-headroom',
  description: 'postgres.maxAllocatedStorageGb is at least 10 % above postgres.allocatedStorageGb',
  check: (env) => {
    const { allocatedStorageGb, maxAllocatedStorageGb } = env.postgres;
    const least = Math.ceil((allocatedStorageGb * 11) / 10);
    return maxAllocatedStorageGb >= least
      ? []
      : [
          violation(
            'postgres.maxAllocatedStorageGb',
            maxAllocatedStorageGb,
            `expected ≥ ${least}: RDS storage autoscaling needs a maximum at least 10 % above postgres.allocatedStorageGb (${allocatedStorageGb})`,
          ),
        ];
  },
};

export const dataStoreRules = [storesEnabled, retentionCoversRpo, searchTopology, storageAutoscalingHeadroom];
