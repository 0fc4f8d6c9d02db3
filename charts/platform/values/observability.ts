// Values of the observability stack (runbook §4): retention, the env label and remote write to the shared
// Prometheus (§4.4), PagerDuty key files for Alertmanager, Grafana under the app host, S3 storage for Loki and Tempo.
import type { EnvConfig } from '../../../environments';
import {
  blackboxExporter,
  bucketName,
  cacheHitSource,
  redisMemberClusterPattern,
  storeEndpoint,
  grafanaUrl,
} from '../../../constructs/contracts';
import { alertmanagerConfig } from '../../../observability/alertmanager';
import { RULE_EVALUATOR_LABEL } from '../../../observability/kubernetes/objects';
import { componentPorts, PROMETHEUS_RELEASE } from '../../plan/components';
import { alertmanagerSecretMounts } from '../observability-secrets';
import { STORAGE_CLASS } from '../storage';
import { CHART_PODS, chartResources } from './chart-pods';
import { chartNamespace, type HelmValues, irsaServiceAccount } from './shared';

/** Requests and limits of one container of a chart's pod (CHART_PODS). */
export function containerResources(chart: string, component: string, container: string): HelmValues {
  const size = CHART_PODS[chart]?.find((pod) => pod.component === component)?.containers[container];
  if (size === undefined) throw new Error(`CHART_PODS has no ${chart} ${component} container ${container}`);
  return chartResources(size);
}

/** A prometheus-operator storageSpec: one ReadWriteOnce volume of the StorageClass. */
function volumeClaim(storageClassName: string, gib: number): HelmValues {
  return {
    volumeClaimTemplate: {
      spec: {
        storageClassName,
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: `${gib}Gi` } },
      },
    },
  };
}

const DAY_HOURS = 24;

export function kubePrometheusStackValues(env: EnvConfig): HelmValues {
  const o = env.observability;
  const namespace = chartNamespace(env, 'kube-prometheus-stack');
  const everywhere = {};
  const resources = (component: string, container: string) =>
    containerResources('kube-prometheus-stack', component, container);
  return {
    fullnameOverride: PROMETHEUS_RELEASE,
    // The CRDs come from the prometheus-operator-crds chart a wave earlier: every other chart's ServiceMonitors
    // need them before this chart is installed.
    crds: { enabled: false },
    // EKS runs the control plane and exposes no etcd, scheduler or controller-manager metrics, and these
    // exporters would put Services into kube-system (templates/exporters/*/service.yaml), a namespace no project
    // deploys to. CoreDNS and kube-proxy are EKS add-ons.
    kubeEtcd: { enabled: false },
    kubeScheduler: { enabled: false },
    kubeControllerManager: { enabled: false },
    kubeProxy: { enabled: false },
    coreDns: { enabled: false },
    prometheusOperator: {
      resources: resources('prometheusOperator', 'kube-prometheus-stack'),
      prometheusConfigReloader: { resources: resources('prometheus', 'config-reloader') },
      // cert-manager issues the admission webhook's certificate once; the chart's default patch Jobs rewrite the
      // webhooks' caBundle and failurePolicy after every sync, which Argo CD would report as OutOfSync.
      admissionWebhooks: { certManager: { enabled: true }, patch: { enabled: false } },
    },
    prometheus: {
      prometheusSpec: {
        retention: `${o.prometheusRetentionDays}d`,
        scrapeInterval: `${o.scrapeIntervalSeconds}s`,
        evaluationInterval: `${o.scrapeIntervalSeconds}s`,
        // Every series leaves the cluster labelled with its environment (metric contract, runbook §4.4).
        externalLabels: { env: env.name },
        remoteWrite: [{ url: o.sharedPrometheusUrl }],
        // Pick up monitors from every namespace, not only those labelled for this Helm release.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
        serviceMonitorNamespaceSelector: everywhere,
        podMonitorNamespaceSelector: everywhere,
        // Only rules meant for this Prometheus: SkillForge's alert and baseline rules are the shared Prometheus's
        // (docs/decisions/observability-rule-evaluation.md) and match nothing here.
        ruleSelector: {
          matchExpressions: Object.entries(RULE_EVALUATOR_LABEL).map(([key, value]) => ({
            key,
            operator: 'NotIn',
            values: [value],
          })),
        },
        ruleNamespaceSelector: everywhere,
        resources: resources('prometheus', 'prometheus'),
        storageSpec: volumeClaim(STORAGE_CLASS, o.prometheusVolumeGiB),
      },
    },
    alertmanager: {
      // The cluster's own alerts (the chart's default rules) reach the same PagerDuty services as the shared
      // Prometheus's, through the environment's routing (observability/alertmanager.ts).
      config: alertmanagerConfig(env),
      alertmanagerSpec: {
        secrets: alertmanagerSecretMounts(env).map((mount) => mount.secret),
        resources: resources('alertmanager', 'alertmanager'),
      },
    },
    'kube-state-metrics': { resources: resources('kube-state-metrics', 'kube-state-metrics') },
    'prometheus-node-exporter': { resources: resources('prometheus-node-exporter', 'node-exporter') },
    grafana: {
      // No admin password in values: the chart generates a random one into a Secret; people sign in through SSO.
      // Served under /grafana/ of the app host through CloudFront; the HTTPRoute strips the prefix, so Grafana serves
      // from / and only builds its links and redirects with it (root_url with the sub path, serve_from_sub_path
      // false: https://grafana.com/tutorials/run-grafana-behind-a-proxy/).
      'grafana.ini': { server: { root_url: `${grafanaUrl(env)}/`, serve_from_sub_path: false } },
      // Reached through the ingress gateway (an HTTPRoute in k8s/observability), not an Ingress of its own.
      ingress: { enabled: false },
      resources: resources('grafana', 'grafana'),
      sidecar: { resources: resources('grafana', 'grafana-sc-dashboard') },
      additionalDataSources: [
        {
          name: 'Loki',
          type: 'loki',
          url: `http://loki.${namespace}.svc.cluster.local:${componentPorts.lokiHttp}`,
        },
        {
          name: 'Tempo',
          type: 'tempo',
          // The port tempoValues gives Tempo's HTTP server (the chart's own default, tempo.server.http_listen_port).
          url: `http://tempo.${namespace}.svc.cluster.local:${componentPorts.tempoHttp}`,
        },
      ],
    },
  };
}

export function lokiValues(env: EnvConfig): HelmValues {
  const bucket = bucketName(env, 'telemetry');
  return {
    // The community chart's name for one binary (upgrade-to-community guide, 12.0); it still accepts "SingleBinary"
    // (templates/_helpers.tpl, loki.deployment.isMonolithic). The values keep the singleBinary key.
    deploymentMode: 'Monolithic',
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
    singleBinary: {
      replicas: 1,
      resources: containerResources('loki', 'singleBinary', 'loki'),
      persistence: { storageClass: STORAGE_CLASS },
    },
    read: { replicas: 0 },
    write: { replicas: 0 },
    backend: { replicas: 0 },
    // One binary serves reads and writes: no nginx gateway, no memcached caches (8 GiB requests by default), no
    // canary DaemonSet or test pod.
    sidecar: { resources: containerResources('loki', 'singleBinary', 'loki-sc-rules') },
    gateway: { enabled: false },
    chunksCache: { enabled: false },
    resultsCache: { enabled: false },
    lokiCanary: { enabled: false },
    test: { enabled: false },
    // Only the ServiceMonitor, as with the 6.x chart pinned before: 18.0 reworked the chart's dashboards
    // (ConfigMaps), rules and alerts (PrometheusRules), and their new defaults could not be read offline. Loki's own
    // alerts would be a change of the alerting contract, not of the chart version.
    monitoring: {
      serviceMonitor: { enabled: true },
      dashboards: { enabled: false },
      rules: { enabled: false },
      alerts: { enabled: false },
    },
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
      // The chart's own default (charts/tempo/values.yaml: tempo.server.http_listen_port 3200, which its probes
      // use too), stated so Grafana's data source and this server cannot drift apart.
      server: { http_listen_port: componentPorts.tempoHttp },
      resources: containerResources('tempo', 'tempo', 'tempo'),
    },
    serviceMonitor: { enabled: true },
  };
}

/** The exporter the observability layer's Probe objects address (blackboxExporter in the metric contract). */
export function blackboxExporterValues(): HelmValues {
  return {
    fullnameOverride: blackboxExporter.service,
    // The exporter's own metrics: serviceMonitor.enabled alone renders one ServiceMonitor per serviceMonitor.targets
    // entry, and there are none (the Probes are the observability layer's); selfMonitor scrapes the exporter
    // (templates/selfservicemonitor.yaml).
    serviceMonitor: { selfMonitor: { enabled: true } },
    resources: containerResources('blackbox-exporter', 'exporter', 'blackbox-exporter'),
  };
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
  return {
    redisAddress: `redis://${endpoint.host}:${endpoint.port}`,
    serviceMonitor: { enabled: true },
    resources: containerResources('redis-exporter', 'exporter', 'redis-exporter'),
  };
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
    resources: containerResources('cloudwatch-exporter', 'exporter', 'cloudwatch-exporter'),
  };
}
