// The provenance reader on fixtures of every format the layers record: Kubernetes annotations, Prometheus rule
// labels (plain files and PrometheusRule objects) and nfr-provenance.json lists; and the problems it reports.
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../scripts/nfr/artifact-kind';
import { readProvenance } from '../../scripts/nfr/provenance';
import { jsonFile, textFile, yamlFile } from '../../constructs/contracts/rendered-file';

const deployment = yamlFile('k8s/api/Deployment.search-api.yaml', {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'search-api',
    namespace: 'api',
    annotations: { 'skillforge.io/nfr': 'search-min-replicas, eu-peak-min-replicas' },
  },
  spec: { template: { metadata: { annotations: { 'skillforge.io/nfr': 'ignored-on-pod-templates' } } } },
});
const ruleGroups = {
  groups: [
    {
      name: 'api',
      rules: [
        {
          alert: 'SearchApiLatencyHigh',
          expr: 'x > 0.35',
          labels: { nfr: 'search-latency-p95,alert-latency' },
        },
        { record: 'api:error_ratio:rate5m', expr: 'y', labels: { nfr: 'alert-api-error-rate' } },
        { alert: 'Untagged', expr: 'z', labels: { severity: 'P2' } },
      ],
    },
  ],
};

describe('provenance reader', () => {
  it('reads the annotation of a Kubernetes object, not of its pod template', () => {
    expect(readProvenance([deployment])).toEqual({
      evidence: [
        { nfr: 'eu-peak-min-replicas', file: deployment.path, object: 'Deployment api/search-api' },
        { nfr: 'search-min-replicas', file: deployment.path, object: 'Deployment api/search-api' },
      ],
      problems: [],
    });
  });

  it('names cluster-scoped objects without a namespace', () => {
    const role = yamlFile('k8s/platform/ClusterRole.reader.yaml', {
      kind: 'ClusterRole',
      metadata: { name: 'reader', annotations: { 'skillforge.io/nfr': 'tls-minimum' } },
    });
    expect(readProvenance([role]).evidence).toEqual([
      { nfr: 'tls-minimum', file: role.path, object: 'ClusterRole reader' },
    ]);
  });

  it('reads the nfr label of alerting and recording rules in a rule file and in a PrometheusRule', () => {
    const file = yamlFile('observability/prometheus-alerts.yaml', ruleGroups);
    const crd = yamlFile('k8s/observability/PrometheusRule.alerts.yaml', {
      kind: 'PrometheusRule',
      metadata: { name: 'alerts', namespace: 'observability' },
      spec: ruleGroups,
    });
    const objects = readProvenance([file, crd]).evidence.map((e) => `${e.nfr} ${e.file} ${e.object}`);
    expect(objects).toEqual([
      'alert-api-error-rate k8s/observability/PrometheusRule.alerts.yaml record api:error_ratio:rate5m',
      'alert-api-error-rate observability/prometheus-alerts.yaml record api:error_ratio:rate5m',
      'alert-latency k8s/observability/PrometheusRule.alerts.yaml alert SearchApiLatencyHigh',
      'alert-latency observability/prometheus-alerts.yaml alert SearchApiLatencyHigh',
      'search-latency-p95 k8s/observability/PrometheusRule.alerts.yaml alert SearchApiLatencyHigh',
      'search-latency-p95 observability/prometheus-alerts.yaml alert SearchApiLatencyHigh',
    ]);
  });

  it('reads nfr-provenance.json lists, with files relative to deploy/<env>/ or to the list', () => {
    const stack = jsonFile('terraform/prod-data/cdk.tf.json', { resource: {} });
    const dashboard = jsonFile('observability/dashboards/api.json', { uid: 'api' });
    const terraform = jsonFile('terraform/nfr-provenance.json', [
      { nfr: 'rpo', file: 'prod-data/cdk.tf.json', object: 'aws_db_instance.postgres_primary' },
      { nfr: 'rto', file: 'terraform/prod-data/cdk.tf.json', object: 'aws_db_instance.postgres_primary' },
    ]);
    const observability = jsonFile('observability/nfr-provenance.json', [
      {
        nfr: ['search-surge-watch', 'search-recovery-latency'],
        file: 'dashboards/api.json',
        object: 'panel p95',
      },
    ]);
    expect(readProvenance([stack, dashboard, terraform, observability]).evidence).toEqual([
      { nfr: 'rpo', file: stack.path, object: 'aws_db_instance.postgres_primary' },
      { nfr: 'rto', file: stack.path, object: 'aws_db_instance.postgres_primary' },
      { nfr: 'search-recovery-latency', file: dashboard.path, object: 'panel p95' },
      { nfr: 'search-surge-watch', file: dashboard.path, object: 'panel p95' },
    ]);
  });

  it('reads the same tag once, however often it is recorded', () => {
    expect(readProvenance([deployment, deployment]).evidence).toHaveLength(2);
  });

  it('fails (reports a problem) on malformed lists, dangling files and unparsable YAML', () => {
    const { problems } = readProvenance([
      jsonFile('terraform/nfr-provenance.json', [
        { nfr: 'rpo', file: 'prod-data/cdk.tf.json', object: 'aws_db_instance.x' },
        { nfr: 'rpo', object: 'aws_db_instance.x' },
      ]),
      jsonFile('observability/nfr-provenance.json', { nfr: 'rpo' }),
      textFile('k8s/api/Broken.yaml', 'metadata: { annotations: { skillforge.io/nfr: rpo'),
    ]);
    expect(problems.map((problem) => `${problem.file}: ${problem.message.split('\n')[0]}`)).toEqual([
      'terraform/nfr-provenance.json: entry 0: prod-data/cdk.tf.json was not rendered',
      'terraform/nfr-provenance.json: entry 1: expected { nfr: string, file: string, object: string }, got {"nfr":"rpo","object":"aws_db_instance.x"}',
      'observability/nfr-provenance.json: expected a JSON list of { nfr, file, object }',
      expect.stringMatching(/^k8s\/api\/Broken\.yaml: does not parse as YAML: /),
    ]);
  });

  it('finds nothing in untagged files', () => {
    expect(
      readProvenance([
        yamlFile('k8s/api/Service.search-api.yaml', { kind: 'Service', metadata: { name: 'nfr' } }),
      ]),
    ).toEqual({
      evidence: [],
      problems: [],
    });
  });
});

describe('artifact kinds', () => {
  it.each([
    ['terraform/prod-ci/cdk.tf.json', 'aws_ecr_lifecycle_policy.registry_web-lifecycle', 'terraform'],
    ['observability/prometheus-alerts.yaml', 'alert ApiErrorRateHigh', 'alert-rule'],
    [
      'k8s/observability/PrometheusRule.skillforge-alerts.yaml',
      'PrometheusRule observability/skillforge-alerts',
      'alert-rule',
    ],
    [
      'observability/prometheus-baselines.yaml',
      'record frontend:tti_seconds:max_staging_baseline',
      'recording-rule',
    ],
    [
      'observability/dashboards/skillforge-api-performance.json',
      'dashboard skillforge-api-performance',
      'dashboard',
    ],
    [
      'k8s/observability/ConfigMap.grafana-dashboards.yaml',
      'ConfigMap observability/grafana-dashboards',
      'dashboard',
    ],
    ['k8s/observability/Probe.web.yaml', 'Probe observability/web', 'probe'],
    ['observability/alertmanager.yaml', 'route severity="P1" repeat_interval 15m', 'alertmanager'],
    [
      'k8s/api/HorizontalPodAutoscaler.search-api.yaml',
      'HorizontalPodAutoscaler api/search-api',
      'kubernetes',
    ],
    ['argocd/Application.api.yaml', 'Application argocd/api', 'kubernetes'],
    ['nfr-provenance.json', 'something', 'other'],
  ])('classifies %s %s as %s', (file, object, kind) => {
    expect(kindOf({ nfr: 'rpo', file, object })).toBe(kind);
  });
});
