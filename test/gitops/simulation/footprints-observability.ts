// Footprints of the observability charts with our values; each row cites the templates it was read from. See
// footprints.ts.
import { ADMISSION, crds, disabled, monitor, object, rbac, type Row, value } from './footprint-helpers';
import { gk } from './model';

export const OBSERVABILITY_ROWS: Readonly<Record<string, Row>> = {
  // prometheus-community/helm-charts charts/prometheus-operator-crds/charts/crds/templates/crd-*.yaml.
  'prometheus-operator-crds@31.0.1': () => ({
    objects: crds(
      'prometheus-operator-crds 31.0.1 charts/crds/templates/crd-*.yaml',
      'monitoring.coreos.com',
      [
        'Alertmanager',
        'AlertmanagerConfig',
        'PodMonitor',
        'Probe',
        'Prometheus',
        'PrometheusAgent',
        'PrometheusRule',
        'ScrapeConfig',
        'ServiceMonitor',
        'ThanosRuler',
      ],
    ),
  }),
  // cert-manager/cert-manager deploy/charts/cert-manager/templates: crd-*.yaml (crds.enabled), rbac.yaml (the
  // leader-election Role and RoleBinding go to global.leaderElection.namespace, default kube-system),
  'kube-prometheus-stack@88.2.0': (values, ns) => {
    const s = 'kube-prometheus-stack 88.2.0 charts/kube-prometheus-stack/templates';
    const exporters = ['coreDns', 'kubeControllerManager', 'kubeEtcd', 'kubeScheduler', 'kubeProxy'].filter(
      (exporter) => !disabled(values, `${exporter}.enabled`),
    );
    const certManager = value(values, 'prometheusOperator.admissionWebhooks.certManager.enabled') === true;
    const webhook = (kind: string) => gk(ADMISSION, kind);
    return {
      objects: [
        ...(disabled(values, 'crds.enabled')
          ? []
          : crds(`${s}/../charts/crds/`, 'monitoring.coreos.com', [
              'ServiceMonitor',
              'PrometheusRule',
              'Prometheus',
              'Alertmanager',
            ])),
        ...exporters.map((exporter) =>
          object(
            `${s}/exporters/${exporter}/service.yaml`,
            gk('', 'Service'),
            `kube-prometheus-stack-${exporter}`,
            'kube-system',
          ),
        ),
        ...rbac(`${s}/prometheus-operator/clusterrole.yaml`, 'kube-prometheus-stack-operator'),
        ...rbac(`${s}/prometheus/clusterrole.yaml`, 'kube-prometheus-stack-prometheus'),
        object(
          `${s}/prometheus-operator/admission-webhooks/mutatingWebhookConfiguration.yaml`,
          webhook('MutatingWebhookConfiguration'),
          'kube-prometheus-stack-admission',
        ),
        object(
          `${s}/prometheus-operator/admission-webhooks/validatingWebhookConfiguration.yaml`,
          webhook('ValidatingWebhookConfiguration'),
          'kube-prometheus-stack-admission',
        ),
        ...(certManager
          ? [
              object(
                `${s}/prometheus-operator/certmanager.yaml`,
                gk('cert-manager.io', 'Issuer'),
                'kube-prometheus-stack-root-issuer',
                ns,
              ),
              object(
                `${s}/prometheus-operator/certmanager.yaml`,
                gk('cert-manager.io', 'Certificate'),
                'kube-prometheus-stack-admission',
                ns,
              ),
            ]
          : []),
        object(
          `${s}/prometheus/prometheus.yaml`,
          gk('monitoring.coreos.com', 'Prometheus'),
          'kube-prometheus-stack-prometheus',
          ns,
        ),
        object(
          `${s}/alertmanager/alertmanager.yaml`,
          gk('monitoring.coreos.com', 'Alertmanager'),
          'kube-prometheus-stack-alertmanager',
          ns,
        ),
        object(
          `${s}/prometheus/rules-1.14/`,
          gk('monitoring.coreos.com', 'PrometheusRule'),
          'kube-prometheus-stack-general.rules',
          ns,
        ),
        monitor(`${s}/prometheus/servicemonitor.yaml`, 'kube-prometheus-stack-prometheus', ns),
        object(
          `${s}/../charts/grafana/templates/deployment.yaml`,
          gk('apps', 'Deployment'),
          'kube-prometheus-stack-grafana',
          ns,
        ),
      ],
      rewrites: certManager
        ? []
        : ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].flatMap((kind) => [
            {
              kind: webhook(kind),
              name: 'kube-prometheus-stack-admission',
              jq: '.webhooks[]?.failurePolicy',
              by: 'the admission-patch Job (kube-webhook-certgen patch --patch-failure-policy)',
            },
          ]),
    };
  },
  'blackbox-exporter@11.4.1': (_values, ns) => ({
    objects: [
      monitor('prometheus-blackbox-exporter 11.4.1 templates/servicemonitor.yaml', 'blackbox-exporter', ns),
    ],
  }),
  'redis-exporter@6.16.0': (_values, ns) => ({
    objects: [
      monitor('prometheus-redis-exporter 6.16.0 templates/servicemonitor.yaml', 'redis-exporter', ns),
    ],
  }),
  'cloudwatch-exporter@0.28.1': (_values, ns) => ({
    objects: [
      ...rbac('prometheus-cloudwatch-exporter 0.28.1 templates/clusterrole.yaml', 'cloudwatch-exporter'),
      monitor(
        'prometheus-cloudwatch-exporter 0.28.1 templates/servicemonitor.yaml',
        'cloudwatch-exporter',
        ns,
      ),
    ],
  }),
  // grafana/loki production/helm/loki/templates: single-binary/statefulset.yaml, monitoring/servicemonitor.yaml,
  // backend/clusterrole.yaml (the rules sidecar).
  'loki@6.46.0': (_values, ns) => ({
    objects: [
      ...rbac('loki 6.46.0 production/helm/loki/templates/backend/clusterrole.yaml', 'loki-clusterrole'),
      object(
        'loki 6.46.0 production/helm/loki/templates/single-binary/statefulset.yaml',
        gk('apps', 'StatefulSet'),
        'loki',
        ns,
      ),
      monitor('loki 6.46.0 production/helm/loki/templates/monitoring/servicemonitor.yaml', 'loki', ns),
    ],
  }),
  // grafana/alloy operations/helm/charts/alloy: charts/crds (podlogs.monitoring.grafana.com), templates/rbac.yaml,
  // templates/controllers/deployment.yaml, templates/servicemonitor.yaml.
  'alloy@1.10.1': (_values, ns) => ({
    objects: [
      ...crds('alloy 1.10.1 operations/helm/charts/alloy/charts/crds/crds/', 'monitoring.grafana.com', [
        'PodLogs',
      ]),
      ...rbac('alloy 1.10.1 operations/helm/charts/alloy/templates/rbac.yaml', 'alloy'),
      object(
        'alloy 1.10.1 operations/helm/charts/alloy/templates/controllers/deployment.yaml',
        gk('apps', 'Deployment'),
        'alloy',
        ns,
      ),
      monitor('alloy 1.10.1 operations/helm/charts/alloy/templates/servicemonitor.yaml', 'alloy', ns),
    ],
  }),
  // grafana/helm-charts charts/tempo/templates: statefulset.yaml, servicemonitor.yaml.
  'tempo@1.24.1': (_values, ns) => ({
    objects: [
      object('tempo 1.24.1 charts/tempo/templates/statefulset.yaml', gk('apps', 'StatefulSet'), 'tempo', ns),
      monitor('tempo 1.24.1 charts/tempo/templates/servicemonitor.yaml', 'tempo', ns),
    ],
  }),
  // kubernetes-sigs/gateway-api config/crd/standard/*.yaml at the tag.
};
