// Values of Grafana Alloy, which replaced Promtail (end of life 2026-03-02) as the log shipper.
import type { EnvConfig } from '../../../environments';
import { componentPorts, components, namespaceOf } from '../../plan/components';
import { containerResources } from './observability';
import type { HelmValues } from './shared';

/**
 * Grafana Alloy reads every pod's logs through the Kubernetes API (loki.source.kubernetes: no host paths, so it
 * runs as a small clustered Deployment) and pushes them to Loki, labelled with the environment like every metric.
 */
export function alloyValues(env: EnvConfig): HelmValues {
  const loki = `http://loki.${namespaceOf(env, components.loki)}.svc.cluster.local:${componentPorts.lokiHttp}`;
  const config = [
    'discovery.kubernetes "pods" {',
    '  role = "pod"',
    '}',
    'discovery.relabel "pods" {',
    '  targets = discovery.kubernetes.pods.targets',
    '  rule {',
    '    source_labels = ["__meta_kubernetes_namespace"]',
    '    target_label  = "namespace"',
    '  }',
    '  rule {',
    '    source_labels = ["__meta_kubernetes_pod_name"]',
    '    target_label  = "pod"',
    '  }',
    '  rule {',
    '    source_labels = ["__meta_kubernetes_pod_container_name"]',
    '    target_label  = "container"',
    '  }',
    '  rule {',
    '    source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]',
    '    target_label  = "app"',
    '  }',
    '}',
    'loki.source.kubernetes "pods" {',
    '  targets    = discovery.relabel.pods.output',
    '  forward_to = [loki.write.default.receiver]',
    '  clustering {',
    '    enabled = true',
    '  }',
    '}',
    'loki.write "default" {',
    '  endpoint {',
    `    url = "${loki}/loki/api/v1/push"`,
    '  }',
    `  external_labels = { env = "${env.name}" }`,
    '}',
    '',
  ].join('\n');
  return {
    controller: { type: 'deployment', replicas: 2 },
    alloy: {
      clustering: { enabled: true },
      configMap: { content: config },
      resources: containerResources('alloy', 'alloy', 'alloy'),
    },
    configReloader: { resources: containerResources('alloy', 'alloy', 'config-reloader') },
    serviceMonitor: { enabled: true },
  };
}
