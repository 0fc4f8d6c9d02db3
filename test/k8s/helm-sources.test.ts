// The platform's Helm sources: one per platformCharts entry, pinned, with values computed from the model (IRSA
// role ARNs from the same contract as IAM, retention, the env label, PagerDuty key files, the domain).
import { describe, expect, it } from 'vitest';
import { type EnvConfig, loadEnvironment } from '../../environments';
import {
  publicZone,
  redisMemberClusterPattern,
  redisReplicationGroupId,
  roleArnFor,
} from '../../constructs/contracts';
import { platformHelmSources } from '../../charts/platform/helm-sources';
import { CHART_PODS } from '../../charts/platform/values/chart-pods';
import { redisExporterValues } from '../../charts/platform/values/observability';
import { at, envWith } from './support';

const prod = loadEnvironment('prod');
const sources = platformHelmSources(prod);
const valuesOf = (name: string) => sources.find((source) => source.name === name)!.values;

describe('platformHelmSources', () => {
  it('returns every platformCharts entry the environment installs with its repository, chart, pinned version and namespace', () => {
    expect(sources.map(({ values: _values, ...source }) => source)).toEqual(
      Object.entries(prod.platformCharts)
        .filter(([name]) => name !== 'redis-exporter')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, chart]) => ({
          name,
          ...chart,
          alsoWritesTo:
            name === 'keda' || name === 'metrics-server'
              ? ['kube-system']
              : name === 'karpenter'
                ? ['kube-system', 'kube-node-lease']
                : [],
        })),
    );
    expect(sources.every((source) => /^v?\d+\.\d+\.\d+$/.test(source.version))).toBe(true);
  });

  it('runs Karpenter on the managed node group, never on a node it launched', () => {
    expect(
      at(valuesOf('karpenter'), 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution'),
    ).toEqual({
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'DoesNotExist' }] }],
    });
  });

  it('installs redis-exporter only next to an in-cluster Redis, the only one it can log in to', () => {
    const installed = (env: EnvConfig) => platformHelmSources(env).map((source) => source.name);
    expect(prod.redis.mode).toBe('managed');
    expect(installed(prod)).not.toContain('redis-exporter');
    expect(installed(loadEnvironment('staging'))).not.toContain('redis-exporter');
    const dev = loadEnvironment('dev');
    expect(dev.redis.mode).toBe('in-cluster');
    const exporter = platformHelmSources(dev).find((source) => source.name === 'redis-exporter');
    expect(exporter?.values).toEqual({
      redisAddress: 'redis://redis.platform.svc.cluster.local:6379',
      serviceMonitor: { enabled: true },
      resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } },
    });
    // The model decides, not the environment's name.
    expect(installed(envWith('dev', { redis: { mode: 'managed' } }))).not.toContain('redis-exporter');
    expect(() => redisExporterValues(prod)).toThrow(
      'prod: redis-exporter cannot authenticate to managed Redis (IAM only); the cache hit ratio comes from CloudWatch there',
    );
  });

  it('exports the RDS metrics the alerts and the Database dashboard read, readable now by the rules', () => {
    const config = JSON.parse(String(valuesOf('cloudwatch-exporter').config)) as {
      metrics: Record<string, unknown>[];
    };
    expect(config.metrics.filter((entry) => entry.aws_namespace === 'AWS/RDS')).toEqual(
      [
        ['ReplicaLag', 'Maximum'],
        ['FreeStorageSpace', 'Minimum'],
        ['DatabaseConnections', 'Average'],
      ].map(([name, statistic]) => ({
        aws_namespace: 'AWS/RDS',
        aws_metric_name: name,
        aws_dimensions: ['DBInstanceIdentifier'],
        aws_statistics: [statistic],
        // GetMetricData is all the exporter's role may call; scrape-time stamps keep samples inside rule windows.
        use_get_metric_data: true,
        set_timestamp: false,
      })),
    );
  });

  it("exports ElastiCache's CacheHits and CacheMisses of the replication group's members where Redis is managed", () => {
    const config = (env: EnvConfig) =>
      JSON.parse(
        String(
          platformHelmSources(env).find((source) => source.name === 'cloudwatch-exporter')?.values.config,
        ),
      ) as { metrics: { aws_namespace: string; aws_metric_name: string }[] };
    const elasticache = config(prod).metrics.filter((entry) => entry.aws_namespace === 'AWS/ElastiCache');
    expect(elasticache).toEqual(
      ['CacheHits', 'CacheMisses'].map((name) => ({
        aws_namespace: 'AWS/ElastiCache',
        aws_metric_name: name,
        aws_dimensions: ['CacheClusterId'],
        aws_dimension_select_regex: { CacheClusterId: [`${redisReplicationGroupId(prod)}-[0-9]{3}`] },
        aws_statistics: ['Sum'],
        use_get_metric_data: true,
        set_timestamp: false,
      })),
    );
    // The member clusters the pattern must select, named as ElastiCache names a cluster-mode-disabled group's.
    const pattern = new RegExp(`^${redisMemberClusterPattern(prod)}$`);
    expect(['skillforge-prod-001', 'skillforge-prod-003'].every((id) => pattern.test(id))).toBe(true);
    expect(
      ['skillforge-prod-blue-001', 'skillforge-prod', 'skillforge-prod-0001'].some((id) => pattern.test(id)),
    ).toBe(false);
    // dev's Redis is in-cluster: no ElastiCache to ask about.
    expect(
      config(loadEnvironment('dev')).metrics.filter((entry) => entry.aws_namespace === 'AWS/ElastiCache'),
    ).toEqual([]);
  });

  it('ships every pod log to the Loki of the same cluster with Alloy, labelled with the environment', () => {
    const config = String(at(valuesOf('alloy'), 'alloy.configMap.content'));
    expect(config).toContain('url = "http://loki.observability.svc.cluster.local:3100/loki/api/v1/push"');
    expect(config).toContain('external_labels = { env = "prod" }');
    expect(config).toContain('loki.source.kubernetes "pods" {');
    expect(prod.platformCharts.promtail).toBeUndefined();
  });

  it('points Grafana at Tempo on the port the Tempo chart serves its API on', () => {
    const tempoPort = at(valuesOf('tempo'), 'tempo.server.http_listen_port');
    // The tempo chart's own default since 1.21.1 (grafana-community/helm-charts charts/tempo/values.yaml @d1e8f02:
    // tempo.server.http_listen_port 3200, and the liveness and readiness probes on 3200).
    expect(tempoPort).toBe(3200);
    const sources = at(valuesOf('kube-prometheus-stack'), 'grafana.additionalDataSources') as {
      name: string;
      url: string;
    }[];
    expect(sources.find((source) => source.name === 'Tempo')?.url).toBe(
      `http://tempo.observability.svc.cluster.local:${tempoPort}`,
    );
  });

  it('keeps every chart out of kube-system except the authentication-reader RoleBindings and Karpenter’s DNS and lease Roles', () => {
    const kps = valuesOf('kube-prometheus-stack');
    for (const exporter of ['kubeEtcd', 'kubeScheduler', 'kubeControllerManager', 'kubeProxy', 'coreDns']) {
      expect(at(kps, `${exporter}.enabled`), exporter).toBe(false);
    }
    expect(at(valuesOf('cert-manager'), 'global.leaderElection.namespace')).toBe('platform');
    expect(
      Object.fromEntries(
        sources
          .filter((source) => source.alsoWritesTo.length > 0)
          .map((source) => [source.name, source.alsoWritesTo]),
      ),
    ).toEqual({
      karpenter: ['kube-system', 'kube-node-lease'],
      keda: ['kube-system'],
      'metrics-server': ['kube-system'],
    });
  });

  it('makes the in-cluster Prometheus skip the shared one’s rules and routes its Alertmanager', () => {
    const spec = at(valuesOf('kube-prometheus-stack'), 'prometheus.prometheusSpec');
    expect(at(spec, 'ruleSelector')).toEqual({
      matchExpressions: [
        { key: 'skillforge.io/rule-evaluator', operator: 'NotIn', values: ['shared-prometheus'] },
      ],
    });
    expect(at(spec, 'ruleSelectorNilUsesHelmValues')).toBeUndefined();
    expect(at(valuesOf('kube-prometheus-stack'), 'alertmanager.config.route.receiver')).toBe('pagerduty-p2');
  });

  it('installs metrics-server, whose resource metrics every CPU and memory autoscaler reads', () => {
    const server = sources.find((source) => source.name === 'metrics-server');
    expect(server?.namespace).toBe('platform');
    expect(at(server!.values, 'replicas')).toBe(2);
  });

  it('gives Prometheus and Loki volumes of the default gp3 StorageClass', () => {
    expect(
      at(valuesOf('kube-prometheus-stack'), 'prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec'),
    ).toEqual({
      storageClassName: 'gp3',
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '50Gi' } },
    });
    expect(at(valuesOf('loki'), 'singleBinary.persistence.storageClass')).toBe('gp3');
  });

  it('gives every container of every chart explicit requests and limits', () => {
    const missing = (values: unknown, path: string): string[] => {
      if (typeof values !== 'object' || values === null || Array.isArray(values)) return [];
      return Object.entries(values).flatMap(([key, value]) =>
        key === 'resources' && typeof value === 'object' && value !== null
          ? 'requests' in value || 'operator' in value
            ? []
            : [`${path}.${key}`]
          : missing(value, `${path}.${key}`),
      );
    };
    for (const source of sources.filter(
      (candidate) => !['prometheus-operator-crds', 'istio-base'].includes(candidate.name),
    )) {
      expect(JSON.stringify(source.values), source.name).toContain('"requests":{"cpu"');
      expect(missing(source.values, source.name)).toEqual([]);
    }
  });

  it('states the pods of every chart, so the capacity proof counts them (an empty list for CRD-only charts)', () => {
    expect(sources.map((source) => source.name).filter((name) => !(name in CHART_PODS))).toEqual([]);
  });

  it('annotates controller service accounts with the roles the IAM side creates for them', () => {
    for (const [chart, namespace, account] of [
      ['cert-manager', 'platform', 'cert-manager'],
      ['external-dns', 'platform', 'external-dns'],
      ['external-secrets', 'platform', 'external-secrets'],
      ['aws-load-balancer-controller', 'platform', 'aws-load-balancer-controller'],
      ['loki', 'observability', 'loki'],
      ['tempo', 'observability', 'tempo'],
      ['cloudwatch-exporter', 'observability', 'cloudwatch-exporter'],
    ] as const) {
      expect(at(valuesOf(chart), 'serviceAccount'), chart).toEqual({
        create: true,
        name: account,
        annotations: { 'eks.amazonaws.com/role-arn': roleArnFor(prod, namespace, account) },
      });
    }
  });

  it('keeps metrics, logs and traces as long as the model says and labels every series with the environment', () => {
    const prometheus = at(valuesOf('kube-prometheus-stack'), 'prometheus.prometheusSpec');
    expect(prometheus).toMatchObject({
      retention: '15d',
      scrapeInterval: '30s',
      externalLabels: { env: 'prod' },
      remoteWrite: [{ url: prod.observability.sharedPrometheusUrl }],
    });
    expect(at(valuesOf('loki'), 'loki.limits_config.retention_period')).toBe('720h');
    expect(at(valuesOf('tempo'), 'tempo.retention')).toBe('336h');
    const changed = platformHelmSources(envWith('prod', { observability: { lokiRetentionDays: 21 } }));
    expect(at(changed.find((s) => s.name === 'loki')!.values, 'loki.limits_config.retention_period')).toBe(
      '504h',
    );
  });

  it('mounts the PagerDuty key secrets where the model says Alertmanager reads them', () => {
    expect(at(valuesOf('kube-prometheus-stack'), 'alertmanager.alertmanagerSpec.secrets')).toEqual([
      'pagerduty-p1',
      'pagerduty-p2',
    ]);
    expect(prod.observability.pagerDuty.p1RoutingKeyFile).toBe(
      '/etc/alertmanager/secrets/pagerduty-p1/routing-key',
    );
  });

  it('scopes DNS and TLS to the environment domain and minimum TLS version', () => {
    expect(at(valuesOf('external-dns'), 'domainFilters')).toEqual([publicZone(prod)]);
    expect(at(valuesOf('istiod'), 'meshConfig.meshMTLS.minProtocolVersion')).toBe('TLSV1_2');
    const strict = platformHelmSources(
      envWith('dev', {
        slo: { minimumTlsVersion: '1.3' },
        edge: { cdn: { minimumProtocolVersion: 'TLSv1.3_2025' } },
      }),
    );
    expect(
      at(strict.find((s) => s.name === 'istiod')!.values, 'meshConfig.meshMTLS.minProtocolVersion'),
    ).toBe('TLSV1_3');
  });

  it('fails for a chart that has no values builder, naming the chart', () => {
    const env = envWith('dev', {
      platformCharts: {
        reloader: {
          repoURL: 'https://stakater.github.io/stakater-charts',
          chart: 'reloader',
          version: '1.2.0',
          namespace: 'platform',
        },
      },
    });
    expect(() => platformHelmSources(env)).toThrow(
      'dev: platformCharts.reloader has no values builder; add one to charts/platform/helm-sources.ts',
    );
  });
});
