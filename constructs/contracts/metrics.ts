// The metric contract (docs/metrics.md): the only series names alerts, baselines and dashboards may read.
// Exporters and services emit exactly these; every series carries an `env` external label.
import type { EnvConfig } from '../../environments';
import { storePlacement } from './endpoints';

export const metric = {
  /** OpenTelemetry HTTP server duration histogram (seconds) with _bucket/_count/_sum. */
  httpServerDuration: 'http_server_request_duration_seconds',
  queueDepth: 'skillforge_queue_depth',
  /** redis_exporter counters: only where Redis runs in-cluster (redis.mode in-cluster), the exporter's only home. */
  redisKeyspaceHits: 'redis_keyspace_hits_total',
  redisKeyspaceMisses: 'redis_keyspace_misses_total',
  /**
   * CloudWatch exporter (AWS/ElastiCache CacheHits and CacheMisses, Sum, one per CacheClusterId): lookups of one
   * member cluster in one CloudWatch period, where Redis is managed. Gauges, exported without CloudWatch's timestamp.
   */
  elasticacheCacheHits: 'aws_elasticache_cache_hits_sum',
  elasticacheCacheMisses: 'aws_elasticache_cache_misses_sum',
  /** CloudWatch exporter, seconds. */
  rdsReplicaLag: 'aws_rds_replica_lag_maximum',
  /** CloudWatch exporter, bytes. */
  rdsFreeStorage: 'aws_rds_free_storage_space_minimum',
  /** CloudWatch exporter (DatabaseConnections, Average), connections. */
  rdsConnections: 'aws_rds_database_connections_average',
  probeSuccess: 'probe_success',
  etlLastSuccess: 'etl_job_last_success_timestamp_seconds',
  dataLastRefresh: 'data_last_refresh_timestamp_seconds',
  analyticsEventsIngested: 'analytics_events_ingested_total',
  analyticsConsumerLag: 'analytics_consumer_lag_seconds',
  /** Real-user monitoring histograms (seconds, unitless score) with _bucket/_count/_sum. */
  frontendTti: 'frontend_tti_seconds',
  frontendCls: 'frontend_cls_score',
  argocdAppSync: 'argocd_app_sync_total',
  // Kubernetes capacity: kube-state-metrics and cAdvisor (kubelet) series, exactly as those exporters name them.
  kubeNodeCondition: 'kube_node_status_condition',
  kubeNodeAllocatable: 'kube_node_status_allocatable',
  kubePodResourceRequests: 'kube_pod_container_resource_requests',
  kubePodRestarts: 'kube_pod_container_status_restarts_total',
  kubeHpaCurrentReplicas: 'kube_horizontalpodautoscaler_status_current_replicas',
  kubeHpaMaxReplicas: 'kube_horizontalpodautoscaler_spec_max_replicas',
  kubeDeploymentAvailableReplicas: 'kube_deployment_status_replicas_available',
  kubeJobFailed: 'kube_job_status_failed',
  containerCpuUsage: 'container_cpu_usage_seconds_total',
  containerMemoryWorkingSet: 'container_memory_working_set_bytes',
} as const;

export type MetricName = (typeof metric)[keyof typeof metric];

/** Contract metrics that are histograms: Prometheus stores them as <name>_bucket, <name>_count and <name>_sum. */
export const histogramMetrics: readonly MetricName[] = [
  metric.httpServerDuration,
  metric.frontendTti,
  metric.frontendCls,
];

/** Every series name a query may select: plain metrics, and the three series of each histogram. */
export function contractSeries(): string[] {
  const names = Object.values(metric).flatMap((name) =>
    histogramMetrics.includes(name) ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
  );
  return [...new Set(names)].sort();
}

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
  /** Histogram bucket upper bound. */
  bucket: 'le',
  /** RUM segment of the frontend histograms: mobile, desktop, tablet. */
  deviceClass: 'device_class',
  /** CloudWatch exporter dimension of the RDS series: one series per DB instance. */
  rdsInstance: 'dbinstance_identifier',
  /** CloudWatch exporter dimension of the ElastiCache series: one series per member cluster of the group. */
  cacheCluster: 'cache_cluster_id',
  /** The probed URL on probe_success (set by the blackbox exporter scrape). */
  probeTarget: 'instance',
  // kube-state-metrics / cAdvisor labels.
  node: 'node',
  condition: 'condition',
  conditionStatus: 'status',
  resource: 'resource',
  container: 'container',
  deployment: 'deployment',
  hpa: 'horizontalpodautoscaler',
} as const;

/**
 * Series the shared Prometheus records in front of the raw ones (observability/recording), `level:metric:operations`
 * with the `env` label of the environment they describe. Alerts, baselines, dashboards and playbooks read these, never
 * the sources behind them, so a source that differs between environments is chosen in one place.
 */
export const recorded = {
  /** Share of Redis lookups that were hits (0–1), from redis_exporter or ElastiCache's CloudWatch metrics by redis.mode. */
  redisCacheHitRatio: 'redis:cache_hit_ratio:ratio',
} as const;

export type RecordedName = (typeof recorded)[keyof typeof recorded];

/** Every recorded series name, sorted. */
export const recordedSeries = (): RecordedName[] => Object.values(recorded).sort();

/**
 * Where an environment's cache hit ratio comes from, by redis.mode: redis_exporter next to an in-cluster Redis, or
 * ElastiCache's own CacheHits/CacheMisses through the CloudWatch exporter, because managed Redis accepts IAM tokens
 * only and redis_exporter cannot present one (docs/decisions/cache-hit-ratio-source.md). The recording rule, the
 * exporters' installation and the CloudWatch exporter's configuration all follow this one answer.
 */
export type CacheHitSource = 'redis-exporter' | 'cloudwatch';

export const cacheHitSource = (env: EnvConfig): CacheHitSource =>
  storePlacement(env, 'redis') === 'in-cluster' ? 'redis-exporter' : 'cloudwatch';

/** Suffix of the recording rules that carry staging's values into the shared Prometheus (runbook §4.4). */
export const stagingBaselineSuffix = '_staging_baseline';

/**
 * The blackbox exporter the Probe objects send their scrapes to: the `prometheus-blackbox-exporter` chart
 * (platformCharts `blackbox-exporter`) installed with `fullnameOverride: blackbox-exporter`, its default port and
 * the `http_2xx` module of its default configuration.
 */
export const blackboxExporter = {
  namespace: 'observability',
  service: 'blackbox-exporter',
  port: 9115,
  module: 'http_2xx',
} as const;
