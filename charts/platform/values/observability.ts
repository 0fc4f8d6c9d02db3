// Values of the observability stack (runbook §4): retention, the env label and remote write to the shared
// Prometheus (§4.4), PagerDuty key files for Alertmanager, Grafana on its own host, S3 storage for Loki and Tempo.
import type { EnvConfig } from '../../../environments';
import {
  blackboxExporter,
  bucketName,
  cacheHitSource,
  redisMemberClusterPattern,
  storeEndpoint,
  toolHost,
} from '../../../constructs/contracts';
import {
  componentPorts,
  components,
  INGRESS_CLASS,
  namespaceOf,
  PROMETHEUS_RELEASE,
} from '../../plan/components';
import { CLUSTER_ISSUER } from '../issuers';
import { alertmanagerSecretMounts } from '../observability-secrets';
import { chartNamespace, type HelmValues, irsaServiceAccount } from './shared';

const DAY_HOURS = 24;

export function kubePrometheusStackValues(env: EnvConfig): HelmValues {
  const o = env.observability;
  const namespace = chartNamespace(env, 'kube-prometheus-stack');
  const grafanaHost = toolHost(env, 'grafana');
  const everywhere = {};
  return {
    fullnameOverride: PROMETHEUS_RELEASE,
    prometheus: {
      prometheusSpec: {
        retention: `${o.prometheusRetentionDays}d`,
        scrapeInterval: `${o.scrapeIntervalSeconds}s`,
        evaluationInterval: `${o.scrapeIntervalSeconds}s`,
        // Every series leaves the cluster labelled with its environment (metric contract, runbook §4.4).
        externalLabels: { env: env.name },
        remoteWrite: [{ url: o.sharedPrometheusUrl }],
        // Pick up monitors and rules from every namespace, not only those labelled for this Helm release.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
        serviceMonitorNamespaceSelector: everywhere,
        podMonitorNamespaceSelector: everywhere,
        ruleNamespaceSelector: everywhere,
      },
    },
    alertmanager: {
      alertmanagerSpec: { secrets: alertmanagerSecretMounts(env).map((mount) => mount.secret) },
    },
    grafana: {
      // No admin password in values: the chart generates a random one into a Secret; people sign in through SSO.
      'grafana.ini': { server: { root_url: `https://${grafanaHost}` } },
      ingress: {
        enabled: true,
        ingressClassName: INGRESS_CLASS,
        annotations: { 'cert-manager.io/cluster-issuer': CLUSTER_ISSUER },
        hosts: [grafanaHost],
        tls: [{ hosts: [grafanaHost], secretName: 'grafana-tls' }],
      },
      additionalDataSources: [
        {
          name: 'Loki',
          type: 'loki',
          url: `http://loki.${namespace}.svc.cluster.local:${componentPorts.lokiHttp}`,
        },
        {
          name: 'Tempo',
          type: 'tempo',
          url: `http://tempo.${namespace}.svc.cluster.local:${componentPorts.tempoQuery}`,
        },
      ],
    },
  };
}

export function lokiValues(env: EnvConfig): HelmValues {
  const bucket = bucketName(env, 'telemetry');
  return {
    deploymentMode: 'SingleBinary',
    serviceAccount: irsaServiceAccount(env, 'loki', 'loki'),
    loki: {
      auth_enabled: false,
      commonConfig: { replication_factor: 1 },
      storage: {
        type: 's3',
        bucketNames: { chunks: bucket, ruler: bucket, admin: bucket },
        s3: { region: env.aws.region },
      },
      schemaConfig: {
        configs: [
          {
            from: '2024-01-01',
            store: 'tsdb',
            object_store: 's3',
            schema: 'v13',
            index: { prefix: 'loki_index_', period: `${DAY_HOURS}h` },
          },
        ],
      },
      // Loki deletes its own data after the model's retention; the bucket lifecycle rule is only a backstop.
      limits_config: { retention_period: `${env.observability.lokiRetentionDays * DAY_HOURS}h` },
      compactor: { retention_enabled: true, delete_request_store: 's3' },
    },
    singleBinary: { replicas: 1 },
    read: { replicas: 0 },
    write: { replicas: 0 },
    backend: { replicas: 0 },
    monitoring: { serviceMonitor: { enabled: true } },
  };
}

/** Promtail tails every node's pod logs into Loki, labelled with the environment like every metric. */
export function promtailValues(env: EnvConfig): HelmValues {
  const loki = `http://loki.${namespaceOf(env, components.loki)}.svc.cluster.local:${componentPorts.lokiHttp}`;
  return {
    config: { clients: [{ url: `${loki}/loki/api/v1/push`, external_labels: { env: env.name } }] },
    serviceMonitor: { enabled: true },
  };
}

export function tempoValues(env: EnvConfig): HelmValues {
  return {
    serviceAccount: irsaServiceAccount(env, 'tempo', 'tempo'),
    tempo: {
      retention: `${env.observability.tempoRetentionDays * DAY_HOURS}h`,
      storage: {
        trace: {
          backend: 's3',
          s3: {
            bucket: bucketName(env, 'telemetry'),
            prefix: 'tempo',
            region: env.aws.region,
            endpoint: `s3.${env.aws.region}.amazonaws.com`,
          },
        },
      },
      receivers: { otlp: { protocols: { http: { endpoint: `0.0.0.0:${componentPorts.tempoOtlpHttp}` } } } },
    },
    serviceMonitor: { enabled: true },
  };
}

/** The exporter the observability layer's Probe objects address (blackboxExporter in the metric contract). */
export function blackboxExporterValues(): HelmValues {
  return { fullnameOverride: blackboxExporter.service, serviceMonitor: { enabled: true } };
}

/**
 * Cache hit ratio (runbook §4.2) of an in-cluster Redis, the only one redis_exporter can log in to: managed Redis
 * takes IAM tokens only, so there the ratio comes from CloudWatch (docs/decisions/cache-hit-ratio-source.md) and
 * charts/plan/components.ts does not install this chart.
 */
export function redisExporterValues(env: EnvConfig): HelmValues {
  if (cacheHitSource(env) !== 'redis-exporter') {
    throw new Error(
      `${env.name}: redis-exporter cannot authenticate to managed Redis (IAM only); the cache hit ratio comes from CloudWatch there`,
    );
  }
  const endpoint = storeEndpoint(env, 'redis');
  if (endpoint.kind !== 'named') throw new Error(`${env.name}: redis-exporter needs an in-cluster Redis`);
  return { redisAddress: `redis://${endpoint.host}:${endpoint.port}`, serviceMonitor: { enabled: true } };
}

/**
 * ElastiCache's CacheHits and CacheMisses of the environment's replication group, where Redis is managed: the
 * source of the cache hit ratio there (docs/decisions/cache-hit-ratio-source.md). The two metrics exist per node and
 * per member cluster (CacheClusterId), never per replication group, so the group is selected by its members' ids;
 * the recording rule adds the members up. Sums per period, exported as aws_elasticache_cache_{hits,misses}_sum.
 */
/**
 * Settings every CloudWatch metric needs here. The exporter's role may call GetMetricData, not
 * GetMetricStatistics (constructs/aws/grant-policies.ts). Samples are stamped when scraped: CloudWatch's own
 * timestamp is older than the exporter's delay (ten minutes by default), and a sample that old is outside every
 * window the rules evaluate now and beyond Prometheus's lookback, so an alert on it could never fire.
 */
const CLOUDWATCH_READ = { use_get_metric_data: true, set_timestamp: false } as const;

function elasticacheMetrics(env: EnvConfig): Record<string, unknown>[] {
  if (cacheHitSource(env) !== 'cloudwatch') return [];
  return ['CacheHits', 'CacheMisses'].map((name) => ({
    aws_namespace: 'AWS/ElastiCache',
    aws_metric_name: name,
    aws_dimensions: ['CacheClusterId'],
    aws_dimension_select_regex: { CacheClusterId: [redisMemberClusterPattern(env)] },
    aws_statistics: ['Sum'],
    ...CLOUDWATCH_READ,
  }));
}

/**
 * RDS replica lag, free storage (runbook §4.2) and connections (the Database dashboard), and ElastiCache lookups
 * where Redis is managed, from CloudWatch under the metric contract's names.
 */
export function cloudwatchExporterValues(env: EnvConfig): HelmValues {
  const rds = (name: string, statistic: string) => ({
    aws_namespace: 'AWS/RDS',
    aws_metric_name: name,
    aws_dimensions: ['DBInstanceIdentifier'],
    aws_statistics: [statistic],
    ...CLOUDWATCH_READ,
  });
  const config = {
    region: env.aws.region,
    metrics: [
      rds('ReplicaLag', 'Maximum'),
      rds('FreeStorageSpace', 'Minimum'),
      rds('DatabaseConnections', 'Average'),
      ...elasticacheMetrics(env),
    ],
  };
  return {
    serviceAccount: irsaServiceAccount(env, 'cloudwatch-exporter', 'cloudwatch-exporter'),
    // The chart takes the exporter's configuration as one YAML (JSON is YAML) document.
    config: JSON.stringify(config),
    serviceMonitor: { enabled: true, interval: `${env.observability.scrapeIntervalSeconds}s` },
  };
}
