// Names of the signals production is compared with, `level:metric:operations` (prometheus.io "Recording rules").
// Each is recorded as `<name>_staging_baseline`; production panels and alerts compute the same signal from raw
// series (or, where the source differs between environments, read the series recorded under `<name>` itself), so a
// baseline is always the staging twin of something a responder can see.
import { recorded, stagingBaselineSuffix } from '../../constructs/contracts';

export const signal = {
  serviceLatencyP95: 'service:http_server_request_duration_seconds:p95',
  serviceRequestRate: 'service:http_server_requests:rate',
  serviceErrorRatio: 'service:http_server_request_errors:ratio',
  queueDepth: 'queue:skillforge_queue_depth:max',
  /** Recorded per environment in front of its source (observability/recording.ts); the baseline copies it. */
  redisHitRatio: recorded.redisCacheHitRatio,
  rdsReplicaLag: 'rds:replica_lag_seconds:max',
  rdsStorageUsed: 'rds:storage_used:ratio',
  rdsConnections: 'rds:database_connections:max',
  probeSuccess: 'service:probe_success:avg_over_time',
  frontendTti: 'frontend:tti_seconds:max',
  frontendCls: 'frontend:cls_score:avg',
  etlAge: 'job:etl_job_last_success:age_seconds',
  datasetAge: 'dataset:data_last_refresh:age_seconds',
  jobFailures: 'namespace:kube_job_status_failed:sum',
  ingestRate: 'analytics:events_ingested:rate',
  consumerLag: 'analytics:consumer_lag_seconds:max',
  syncFailures: 'argocd:app_sync_failures:sum_increase',
  nodesReady: 'cluster:kube_node_ready:count',
  podRestarts: 'namespace:kube_pod_container_status_restarts:rate_per_hour',
  hpaSaturation: 'horizontalpodautoscaler:replicas:ratio_max',
  cpuRequested: 'cluster:cpu_requests:ratio_allocatable',
  memoryRequested: 'cluster:memory_requests:ratio_allocatable',
  namespaceCpu: 'namespace:container_cpu_usage_seconds:sum_rate',
  namespaceMemory: 'namespace:container_memory_working_set_bytes:sum',
  deploymentAvailable: 'deployment:kube_deployment_status_replicas_available:sum',
} as const;

export type Signal = (typeof signal)[keyof typeof signal];

export const baselineOf = (name: Signal): string => `${name}${stagingBaselineSuffix}`;
