// Footprints of the observability charts with our values. Each object cites the repository path and commit its
// template was read at, and whether that is the pinned version (footprint-helpers.ts, cite). See footprints.ts.
import {
  ADMISSION,
  chartFiles,
  cite,
  LISTED,
  crds,
  disabled,
  monitor,
  object,
  otherCommit,
  rbac,
  type Row,
  value,
} from './footprint-helpers';
import { gk } from './model';

const COMMUNITY = 'prometheus-community/helm-charts';

export const OBSERVABILITY_ROWS: Readonly<Record<string, Row>> = {
  // The ten CRDs of the stored copy's charts/crds/templates/; whether operator v0.94 (chart 32) adds a kind was
  // not readable offline.
  'prometheus-operator-crds@32.0.0': () => ({
    objects: crds(
      cite(
        COMMUNITY,
        'charts/prometheus-operator-crds/charts/crds/templates/crd-servicemonitors.yaml',
        'c2f0f4aefd495789d30b091549f93fafc3272317',
        LISTED,
      ),
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
  // Templates read at commits of 81.x and earlier (the newest stored Chart.yaml is 81.4.5). What 89–91 changed, as far
  // as public evidence shows (release notes in AndreiGavriliu/homelab#7310 and ocf/kubernetes#166, the rendered diff
  // in linode/apl-core#3675): the operator's ClusterRole rules, the webhooks' matchConditions and the control-plane
  // ServiceMonitors' authentication; none of these names, namespaces or kinds.
  'kube-prometheus-stack@91.5.0': (values, ns) => {
    const old = otherCommit('81.x or earlier, not 91.5.0');
    const t = chartFiles(COMMUNITY, 'charts/kube-prometheus-stack/', old);
    // Services the exporters put into kube-system (templates/exporters/*/service.yaml), named like kube-etcd's.
    const exporters = {
      coreDns: 'coredns',
      kubeControllerManager: 'kube-controller-manager',
      kubeEtcd: 'kube-etcd',
      kubeScheduler: 'kube-scheduler',
      kubeProxy: 'kube-proxy',
    };
    const certManager = value(values, 'prometheusOperator.admissionWebhooks.certManager.enabled') === true;
    const webhook = (kind: string) => gk(ADMISSION, kind);
    const certs = t(
      'templates/prometheus-operator/certmanager.yaml',
      'fba8437f81bf3a50f61bd012b49852bf389782c0',
    );
    const grafanaRbac = cite(
      'grafana/helm-charts',
      'charts/grafana/templates/clusterrolebinding.yaml',
      '8a6426b4158007f6e20bb4263a18375ab0bd4939',
      otherCommit('the grafana subchart, version not determined'),
    );
    return {
      objects: [
        ...(disabled(values, 'crds.enabled')
          ? []
          : crds(
              t(
                'charts/crds/crds/crd-servicemonitors.yaml',
                '3e554083971e3161cc8c73e82fd25bcca7784584',
                false,
              ),
              'monitoring.coreos.com',
              ['ServiceMonitor', 'PrometheusRule', 'Prometheus', 'Alertmanager'],
            )),
        ...Object.entries(exporters)
          .filter(([key]) => !disabled(values, `${key}.enabled`))
          .map(([, name]) =>
            object(
              t('templates/exporters/kube-etcd/service.yaml', '10e391ff313338b40cce9804d400668c1530c48b'),
              gk('', 'Service'),
              `kube-prometheus-stack-${name}`,
              'kube-system',
            ),
          ),
        ...rbac(
          t(
            'templates/prometheus-operator/clusterrolebinding.yaml',
            '10e391ff313338b40cce9804d400668c1530c48b',
          ),
          'kube-prometheus-stack-operator',
        ),
        ...rbac(
          t('templates/prometheus/clusterrolebinding.yaml', '10ca862ce5f5dad3385699d5edf13a8eb6f7df53'),
          'kube-prometheus-stack-prometheus',
        ),
        // The subcharts' own cluster RBAC (release name + chart name).
        ...rbac(
          cite(
            COMMUNITY,
            'charts/kube-state-metrics/templates/clusterrolebinding.yaml',
            '6f20b7841a3ee38bb0afe8079a5a65837bd9d2f5',
            otherCommit('the kube-state-metrics subchart, version not determined'),
          ),
          'kube-prometheus-stack-kube-state-metrics',
        ),
        ...rbac(
          grafanaRbac,
          'kube-prometheus-stack-grafana-clusterrole',
          'kube-prometheus-stack-grafana-clusterrolebinding',
        ),
        object(
          t(
            'templates/prometheus-operator/admission-webhooks/mutatingWebhookConfiguration.yaml',
            'a102e4bc6a00686523d0f72d1fee26c91a67ea61',
          ),
          webhook('MutatingWebhookConfiguration'),
          'kube-prometheus-stack-admission',
        ),
        object(
          t(
            'templates/prometheus-operator/admission-webhooks/validatingWebhookConfiguration.yaml',
            'f7c693cc44a98c38d93742a4e41a1314184f7039',
            false,
          ),
          webhook('ValidatingWebhookConfiguration'),
          'kube-prometheus-stack-admission',
        ),
        ...(certManager
          ? [
              ['Issuer', 'self-signed-issuer'],
              ['Certificate', 'root-cert'],
              ['Issuer', 'root-issuer'],
              ['Certificate', 'admission'],
            ].map(([kind, suffix]) =>
              object(certs, gk('cert-manager.io', kind!), `kube-prometheus-stack-${suffix}`, ns),
            )
          : []),
        object(
          t('templates/prometheus/prometheus.yaml', '1514b96530e0e85ae1bf89eb256c029d0cf8ce03', false),
          gk('monitoring.coreos.com', 'Prometheus'),
          'kube-prometheus-stack-prometheus',
          ns,
        ),
        object(
          t('templates/alertmanager/alertmanager.yaml', '2e5da499d032a2fb0fe30bb54949d8c6be9fa3af', false),
          gk('monitoring.coreos.com', 'Alertmanager'),
          'kube-prometheus-stack-alertmanager',
          ns,
        ),
        object(
          t(
            'templates/prometheus/rules-1.14/general.rules.yaml',
            'a13fb8c496c8470e045cb9f791f1298bdfbf7f56',
            false,
          ),
          gk('monitoring.coreos.com', 'PrometheusRule'),
          'kube-prometheus-stack-general.rules',
          ns,
        ),
        monitor(
          t('templates/prometheus/servicemonitor.yaml', '314df8f782cde574ba1fca0b4b24dea0ed8671a3', false),
          'kube-prometheus-stack-prometheus',
          ns,
        ),
        // Named grafana.fullname, as the binding above; the subchart's deployment.yaml was not opened.
        object(grafanaRbac, gk('apps', 'Deployment'), 'kube-prometheus-stack-grafana', ns),
      ],
      // Without cert-manager the chart's patch Jobs rewrite the webhooks (templates/prometheus-operator/
      // admission-webhooks/job-patch/); with it the chart renders failurePolicy Fail and no caBundle.
      rewrites: certManager
        ? []
        : ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].map((kind) => ({
            kind: webhook(kind),
            name: 'kube-prometheus-stack-admission',
            jq: '.webhooks[]?.failurePolicy',
            by: 'the admission-patch Job (kube-webhook-certgen patch --patch-failure-policy)',
          })),
    };
  },
  // Only the self-monitor renders a ServiceMonitor for the exporter itself; templates/servicemonitor.yaml renders one
  // per serviceMonitor.targets entry, and we list none (probes are Probe objects of the observability layer).
  'blackbox-exporter@11.18.0': (_values, ns) => ({
    objects: [
      monitor(
        cite(
          COMMUNITY,
          'charts/prometheus-blackbox-exporter/templates/selfservicemonitor.yaml',
          '0c8bcd7dd55eb1707b2630ac9b97aacd66f89c93',
          otherCommit('11.x after the config-reloader self-monitor endpoint, version not determined'),
        ),
        'blackbox-exporter',
        ns,
      ),
    ],
  }),
  // Release name "redis-exporter" does not contain the chart name, so fullname is release-chart (_helpers.tpl).
  'redis-exporter@6.30.1': (_values, ns) => ({
    objects: [
      monitor(
        cite(
          COMMUNITY,
          'charts/prometheus-redis-exporter/templates/servicemonitor.yaml',
          '10e391ff313338b40cce9804d400668c1530c48b',
          otherCommit('6.x, version not determined'),
        ),
        'redis-exporter-prometheus-redis-exporter',
        ns,
      ),
    ],
  }),
  'cloudwatch-exporter@0.28.2': (_values, ns) => {
    const at = (path: string, commit: string) =>
      cite(
        COMMUNITY,
        `charts/prometheus-cloudwatch-exporter/${path}`,
        commit,
        otherCommit('version not determined, the stored Chart.yaml is 0.28.1'),
      );
    const fullname = 'cloudwatch-exporter-prometheus-cloudwatch-exporter';
    return {
      objects: [
        ...rbac(at('templates/clusterrolebinding.yaml', '6bc0b6e'), fullname),
        monitor(at('templates/servicemonitor.yaml', 'c6d863a'), fullname, ns),
      ],
    };
  },
  // The community fork's templates at 17.1.1 and 18.x (monolithic/workload.yaml, monitoring/servicemonitor.yaml).
  // Its ClusterRole templates are not in the stored copy: the pair the rules sidecar uses is read from grafana/loki
  // (production/helm/loki, chart 6.x, before the fork) and assumed unchanged, since the fork's rolebinding.yaml
  // @86ff427 keeps their rbac.namespaced alternative.
  'loki@18.13.3': (_values, ns) => {
    const fork = (path: string, commit: string, version: string) =>
      cite('grafana-community/helm-charts', `charts/loki/templates/${path}`, commit, otherCommit(version));
    const before = (path: string, commit: string) =>
      cite(
        'grafana/loki',
        `production/helm/loki/templates/${path}`,
        commit,
        otherCommit('6.x, before the fork'),
      );
    return {
      objects: [
        object(
          before('backend/clusterrole.yaml', '1d39760'),
          gk('rbac.authorization.k8s.io', 'ClusterRole'),
          'loki-clusterrole',
        ),
        object(
          before('backend/clusterrolebinding.yaml', 'c8b5aa5'),
          gk('rbac.authorization.k8s.io', 'ClusterRoleBinding'),
          'loki-clusterrolebinding',
        ),
        object(
          fork('monolithic/workload.yaml', 'a1f3e4c6732cf78f53fa7559534feabc2d6a40cd', '17.1.1'),
          gk('apps', 'StatefulSet'),
          'loki',
          ns,
        ),
        monitor(
          fork(
            'monitoring/servicemonitor.yaml',
            'b4b71023a7c39f83bb0c40c9a5226c07c5634ac4',
            '18.x after the monitoring refactor',
          ),
          'loki',
          ns,
        ),
      ],
    };
  },
  'alloy@1.12.1': (_values, ns) => {
    const at = chartFiles(
      'grafana/alloy',
      'operations/helm/charts/alloy/',
      otherCommit('1.x, version not determined'),
    );
    return {
      objects: [
        ...crds(
          at(
            'charts/crds/crds/monitoring.grafana.com_podlogs.yaml',
            '5e97fd3567e77948462b2a33f407ab2664dfb2ca',
            false,
          ),
          'monitoring.grafana.com',
          [{ kind: 'PodLogs', plural: 'podlogs' }],
        ),
        ...rbac(at('templates/rbac.yaml', '417f9a7'), 'alloy'),
        object(
          at('templates/controllers/deployment.yaml', '5e97fd3567e77948462b2a33f407ab2664dfb2ca', false),
          gk('apps', 'Deployment'),
          'alloy',
          ns,
        ),
        monitor(at('templates/servicemonitor.yaml', '3079a2b'), 'alloy', ns),
      ],
    };
  },
  // Tempo 3's chart (grafana-community, moved from grafana/helm-charts in January 2026): the StatefulSet and the
  // ServiceMonitor, both in the release namespace, read before the move and confirmed by the fork's unit tests.
  'tempo@3.0.0': (_values, ns) => ({
    objects: [
      object(
        cite(
          'grafana/helm-charts',
          'charts/tempo/templates/statefulset.yaml',
          'e8d3b33',
          otherCommit(
            '1.x, before the move; grafana-community tests/statefulset_test.yaml @eb9a5c1 is Tempo 3',
          ),
        ),
        gk('apps', 'StatefulSet'),
        'tempo',
        ns,
      ),
      monitor(
        cite(
          'grafana/helm-charts',
          'charts/tempo/templates/servicemonitor.yaml',
          '8494d57',
          otherCommit('1.x, before the move; grafana-community tests/servicemonitor_test.yaml @52dab08'),
        ),
        'tempo',
        ns,
      ),
    ],
  }),
};
