// The metric contract (docs/metrics.md): the only series names alerts, baselines and dashboards may read.
// Exporters and services emit exactly these; every series carries an `env` external label.

export const metric = {
  /** OpenTelemetry HTTP server duration histogram (seconds) with _bucket/_count/_sum. */
  httpServerDuration: 'http_server_request_duration_seconds',
  queueDepth: 'skillforge_queue_depth',
  redisKeyspaceHits: 'redis_keyspace_hits_total',
  redisKeyspaceMisses: 'redis_keyspace_misses_total',
  /** CloudWatch exporter, seconds. */
  rdsReplicaLag: 'aws_rds_replica_lag_maximum',
  /** CloudWatch exporter, bytes. */
  rdsFreeStorage: 'aws_rds_free_storage_space_minimum',
  probeSuccess: 'probe_success',
  etlLastSuccess: 'etl_job_last_success_timestamp_seconds',
  dataLastRefresh: 'data_last_refresh_timestamp_seconds',
  analyticsEventsIngested: 'analytics_events_ingested_total',
  analyticsConsumerLag: 'analytics_consumer_lag_seconds',
  frontendTti: 'frontend_tti_seconds',
  frontendCls: 'frontend_cls_score',
  argocdAppSync: 'argocd_app_sync_total',
} as const;

export const label = {
  env: 'env',
  namespace: 'namespace',
  service: 'service',
  route: 'http_route',
  method: 'http_request_method',
  status: 'http_response_status_code',
  queue: 'queue',
  job: 'job',
  dataset: 'dataset',
  argocdApp: 'name',
  argocdPhase: 'phase',
} as const;

/** Suffix of the recording rules that carry staging's values into the shared Prometheus (runbook §4.4). */
export const stagingBaselineSuffix = '_staging_baseline';
