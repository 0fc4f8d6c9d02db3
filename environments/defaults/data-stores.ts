// Defaults for the managed data stores, buckets, registry and secrets (runbook §1.2, §3.2, §3.3).
import type { EnvironmentLayer } from '../layer';

export const dataStoreDefaults = {
  postgres: {
    engineVersion: '16',
    instanceClass: 'db.r6g.large',
    allocatedStorageGb: 100,
    maxAllocatedStorageGb: 500,
    multiAz: true,
    backupRetentionDays: 7,
    backupWindow: '02:00-03:00',
    maintenanceWindow: 'sun:04:00-sun:05:00',
    // Runbook §1.2: read replicas sized for ≥ 3x read capacity.
    readCapacityFactor: 3,
    replicaInstanceClass: 'db.r6g.large',
    performanceInsightsRetentionDays: 7,
    enhancedMonitoringIntervalSeconds: 60,
    slowQueryLogMs: 500,
    // Schema changes are audit evidence; logging every statement would log application data (GDPR).
    logStatement: 'ddl',
    logRetentionDays: 365,
  },
  redis: {
    mode: 'managed',
    engineVersion: '7.1',
    nodeType: 'cache.r7g.large',
    replicasPerShard: 2,
    snapshotRetentionDays: 7,
    snapshotWindow: '03:00-04:00',
    inCluster: {
      storageGiB: 5,
      resources: { cpuMillicores: 250, memoryMiB: 512, cpuLimitMillicores: 1000, memoryLimitMiB: 512 },
    },
  },
  opensearch: {
    mode: 'managed',
    engineVersion: 'OpenSearch_2.13',
    dataNodes: { instanceType: 'r6g.large.search', count: 3, volumeSizeGb: 100 },
    dedicatedMasters: { enabled: false, instanceType: 'm6g.large.search', count: 0 },
    ultrawarm: { enabled: false, instanceType: 'ultrawarm1.medium.search', count: 0 },
    // One node is enough for a development index; the JVM heap is half the memory limit.
    inCluster: {
      replicas: 1,
      storageGiB: 20,
      resources: { cpuMillicores: 500, memoryMiB: 2048, cpuLimitMillicores: 2000, memoryLimitMiB: 2048 },
    },
    logRetentionDays: 365,
  },
  kafka: {
    mode: 'msk',
    kafkaVersion: '3.6.0',
    brokerInstanceType: 'kafka.m5.large',
    brokersPerAz: 1,
    volumeSizeGb: 100,
    logRetentionDays: 365,
  },
  storage: {
    // Retention per the GDPR/CCPA register (runbook §1.2). EXAMPLE VALUES until compliance confirms them.
    buckets: {
      assets: { expireAfterDays: null, noncurrentVersionRetentionDays: 30, replicate: true },
      backups: { expireAfterDays: 35, noncurrentVersionRetentionDays: 35, replicate: true },
      'analytics-exports': { expireAfterDays: 395, noncurrentVersionRetentionDays: 30, replicate: true },
      'access-logs': { expireAfterDays: 365, noncurrentVersionRetentionDays: 30, replicate: false },
      'audit-logs': { expireAfterDays: 400, noncurrentVersionRetentionDays: 30, replicate: false },
      // Backstop only: Loki and Tempo delete their own data after observability.*RetentionDays.
      telemetry: { expireAfterDays: 35, noncurrentVersionRetentionDays: 1, replicate: false },
    },
    crossRegionReplication: false,
    abortIncompleteUploadDays: 7,
  },
  // Runbook §1.2: registry retention 90 days non-prod, 365 days prod.
  registry: { imageRetentionDays: 90 },
  // Runbook §3.2: auto-rotation for DB/Redis every 30 days.
  secrets: { rotationDays: 30, recoveryWindowDays: 7, refreshMinutes: 15 },
  backups: { restoreDrillInstanceClass: 'db.t4g.medium' },
} satisfies EnvironmentLayer;
