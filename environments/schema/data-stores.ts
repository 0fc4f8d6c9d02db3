// Managed data stores, buckets, registry and secrets: sizing and retention for runbook §1.2 and §3.3.
import { z } from 'zod';
import { nonNegativeInt, positiveInt } from './primitives';
import { resourcesSchema } from './workloads';

/** Sizing of a store when it runs as a StatefulSet in namespace `platform` (mode in-cluster, e.g. dev). */
const inClusterSchema = z.strictObject({
  /** Volume per pod (a PersistentVolumeClaim template on the cluster's default StorageClass). */
  storageGiB: positiveInt,
  resources: resourcesSchema,
});

export const postgresSchema = z.strictObject({
  /**
   * Major version only: RDS applies minor versions itself (auto_minor_version_upgrade), so a pinned minor would
   * make the next plan try to downgrade. AWS provider docs, db_instance `engine_version`.
   */
  engineVersion: z
    .string()
    .regex(/^\d+$/, 'expected a PostgreSQL major version such as 16 (RDS applies minor versions itself)'),
  instanceClass: z
    .string()
    .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'expected an RDS instance class such as db.r6g.large'),
  allocatedStorageGb: z.number().int().min(20),
  maxAllocatedStorageGb: z.number().int().min(20),
  multiAz: z.boolean(),
  /** Automated backups + WAL archiving; the point-in-time restore window. */
  backupRetentionDays: z.number().int().min(1).max(35, 'expected ≤ 35 days (the RDS maximum)'),
  /** Nightly automated snapshot window (UTC), runbook §3.3. */
  backupWindow: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'expected hh:mm-hh:mm'),
  maintenanceWindow: z
    .string()
    .regex(/^[a-z]{3}:\d{2}:\d{2}-[a-z]{3}:\d{2}:\d{2}$/, 'expected ddd:hh:mm-ddd:hh:mm'),
  /** Read replicas together must serve this multiple of the primary's read capacity (runbook §1.2: ≥ 3×). */
  readCapacityFactor: nonNegativeInt,
  /** Replica class; the replica count is derived from it (see constructs/contracts/postgres-replicas.ts). */
  replicaInstanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/),
  performanceInsightsRetentionDays: z.union([z.literal(7), z.literal(731)]),
  enhancedMonitoringIntervalSeconds: z.union([
    z.literal(1),
    z.literal(5),
    z.literal(10),
    z.literal(15),
    z.literal(30),
    z.literal(60),
  ]),
  /** Statements slower than this are logged (log_min_duration_statement). */
  slowQueryLogMs: positiveInt,
  /** Statements logged regardless of duration (log_statement): ddl keeps schema changes auditable (SOC 2). */
  logStatement: z.enum(['none', 'ddl', 'mod', 'all']),
  logRetentionDays: positiveInt,
});

export const redisSchema = z.strictObject({
  /** managed = ElastiCache replication group; in-cluster = a StatefulSet (cheaper dev environments). */
  mode: z.enum(['managed', 'in-cluster']),
  engineVersion: z.string().regex(/^\d+\.\d+$/),
  nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, 'expected an ElastiCache node type'),
  replicasPerShard: nonNegativeInt,
  /** Daily automatic backups kept this long (ElastiCache cannot snapshot every 15 minutes, see docs/decisions). */
  snapshotRetentionDays: positiveInt,
  snapshotWindow: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/),
  /** Used when mode is in-cluster: one pod (no Sentinel, so a second pod could not take over as primary). */
  inCluster: inClusterSchema,
});

export const opensearchSchema = z.strictObject({
  /** managed = Amazon OpenSearch domain; in-cluster = an OpenSearch StatefulSet; disabled = no search store. */
  mode: z.enum(['managed', 'in-cluster', 'disabled']),
  engineVersion: z.string().regex(/^OpenSearch_\d+\.\d+$/, 'expected a version such as OpenSearch_2.13'),
  dataNodes: z.strictObject({ instanceType: z.string(), count: positiveInt, volumeSizeGb: positiveInt }),
  dedicatedMasters: z.strictObject({ enabled: z.boolean(), instanceType: z.string(), count: nonNegativeInt }),
  ultrawarm: z.strictObject({ enabled: z.boolean(), instanceType: z.string(), count: nonNegativeInt }),
  /** Used when mode is in-cluster: `replicas` pods forming one cluster (1, or an odd quorum of 3+). */
  inCluster: inClusterSchema.extend({ replicas: positiveInt }),
  logRetentionDays: positiveInt,
});

export const kafkaSchema = z.strictObject({
  mode: z.enum(['msk', 'disabled']),
  kafkaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  brokerInstanceType: z.string().regex(/^kafka\.[a-z0-9]+\.[a-z0-9]+$/),
  /** Brokers per availability zone; MSK needs the broker count to be a multiple of the AZ count. */
  brokersPerAz: positiveInt,
  volumeSizeGb: positiveInt,
  logRetentionDays: positiveInt,
});

/** audit-logs: CloudTrail/EKS audit exports kept for SOC 2; telemetry: Loki chunks and Tempo traces. */
export const bucketPurpose = z.enum([
  'assets',
  'backups',
  'analytics-exports',
  'access-logs',
  'audit-logs',
  'telemetry',
]);

export const bucketSchema = z.strictObject({
  /** Current objects expire after this many days; null keeps them (static assets). GDPR/CCPA register values. */
  expireAfterDays: positiveInt.nullable(),
  /** Old versions kept this long so an object-version rollback is possible (runbook §3.3). */
  noncurrentVersionRetentionDays: positiveInt,
  /** Replicated to the DR region with S3 Replication Time Control when the environment enables replication. */
  replicate: z.boolean(),
});

export const storageSchema = z.strictObject({
  buckets: z.record(bucketPurpose, bucketSchema),
  crossRegionReplication: z.boolean(),
  abortIncompleteUploadDays: positiveInt,
});

export const registrySchema = z.strictObject({
  /** Images older than this are expired by the ECR lifecycle policy (runbook §1.2: 90 non-prod, 365 prod). */
  imageRetentionDays: positiveInt,
});

export const secretsSchema = z.strictObject({
  /** Automatic rotation interval for DB/Redis credentials (runbook §3.2: every 30 days). */
  rotationDays: z.number().int().min(1).max(1000),
  recoveryWindowDays: z.number().int().min(7).max(30),
  /** External Secrets refresh interval: how soon pods see a rotated value. */
  refreshMinutes: positiveInt,
});

export type PostgresConfig = z.infer<typeof postgresSchema>;
export type RedisConfig = z.infer<typeof redisSchema>;
export type OpenSearchConfig = z.infer<typeof opensearchSchema>;
export type KafkaConfig = z.infer<typeof kafkaSchema>;
export type BucketPurpose = z.infer<typeof bucketPurpose>;
export type BucketConfig = z.infer<typeof bucketSchema>;
