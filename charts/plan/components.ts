// Where the platform's own components run and how their pods are labelled. Namespaces come from the model's
// platformCharts; labels, ports and Service names are those the pinned charts render (given the values in
// charts/platform/values), so a flow to "Prometheus" means the same pods everywhere.
import type { EnvConfig } from '../../environments';
import { cacheHitSource } from '../../constructs/contracts';
import type { Labels } from '../../constructs/k8s/labels';
import type { PodPeer } from '../../constructs/k8s/network-policy';

export interface Component {
  /** Key of the chart in env.platformCharts that installs the component. */
  readonly chart: string;
  readonly pods: Labels;
  /** Where the pods run when not in the chart's namespace (the gateway istiod deploys next to its Gateway). */
  readonly namespace?: string;
}

/** The public Gateway (Gateway API), its namespace, and the class Istio implements. */
export const PUBLIC_GATEWAY = 'public';
export const GATEWAY_NAMESPACE = 'platform';
export const GATEWAY_CLASS = 'istio';

export const components = {
  // istiod deploys the Gateway's Envoy as Deployment <gateway>-istio and labels its pods with the Gateway's name
  // (https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/, "Automated Deployment").
  ingressGateway: {
    chart: 'istiod',
    pods: { 'gateway.networking.k8s.io/gateway-name': PUBLIC_GATEWAY },
    namespace: GATEWAY_NAMESPACE,
  },
  prometheus: { chart: 'kube-prometheus-stack', pods: { 'app.kubernetes.io/name': 'prometheus' } },
  alertmanager: { chart: 'kube-prometheus-stack', pods: { 'app.kubernetes.io/name': 'alertmanager' } },
  grafana: { chart: 'kube-prometheus-stack', pods: { 'app.kubernetes.io/name': 'grafana' } },
  tempo: { chart: 'tempo', pods: { 'app.kubernetes.io/name': 'tempo' } },
  loki: { chart: 'loki', pods: { 'app.kubernetes.io/name': 'loki' } },
  alloy: { chart: 'alloy', pods: { 'app.kubernetes.io/name': 'alloy' } },
  metricsServer: { chart: 'metrics-server', pods: { 'app.kubernetes.io/name': 'metrics-server' } },
  kedaOperator: { chart: 'keda', pods: { 'app.kubernetes.io/name': 'keda-operator' } },
  argoRollouts: { chart: 'argo-rollouts', pods: { 'app.kubernetes.io/name': 'argo-rollouts' } },
  certManager: { chart: 'cert-manager', pods: { 'app.kubernetes.io/name': 'cert-manager' } },
  externalDns: { chart: 'external-dns', pods: { 'app.kubernetes.io/name': 'external-dns' } },
  externalSecrets: { chart: 'external-secrets', pods: { 'app.kubernetes.io/name': 'external-secrets' } },
  loadBalancerController: {
    chart: 'aws-load-balancer-controller',
    pods: { 'app.kubernetes.io/name': 'aws-load-balancer-controller' },
  },
  redisExporter: { chart: 'redis-exporter', pods: { 'app.kubernetes.io/name': 'prometheus-redis-exporter' } },
  cloudwatchExporter: {
    chart: 'cloudwatch-exporter',
    pods: { 'app.kubernetes.io/name': 'prometheus-cloudwatch-exporter' },
  },
} as const satisfies Record<string, Component>;

/** Ports the pinned charts listen on (chart defaults, not tuning). */
export const componentPorts = {
  prometheus: 9090,
  alertmanager: 9093,
  grafana: 3000,
  tempoOtlpHttp: 4318,
  /**
   * Tempo's HTTP server (query API): the tempo chart's default tempo.server.http_listen_port, 3200 since chart 1.21.1
   * (its README "Upgrading"); the chart's liveness and readiness probes are fixed to 3200 (values.yaml).
   */
  tempoHttp: 3200,
  lokiHttp: 3100,
  istiodXds: 15012,
  dns: 53,
  https: 443,
  http: 80,
  kubelet: 10250,
  nodeExporter: 9100,
} as const;

/** Ports on which the pinned charts serve admission webhooks and aggregated APIs to the control plane. */
export const controlPlaneCallbackPorts: Readonly<Record<string, readonly number[]>> = {
  'metrics-server': [10250],
  'cert-manager': [10250],
  'external-secrets': [10250],
  'aws-load-balancer-controller': [9443],
  keda: [9443, 6443],
  'kube-prometheus-stack': [10250],
};

/** The Prometheus Service (kube-prometheus-stack with fullnameOverride, see charts/platform/values). */
export const PROMETHEUS_RELEASE = 'kube-prometheus-stack';

export function namespaceOf(env: EnvConfig, component: Component): string {
  if (component.namespace !== undefined) return component.namespace;
  const chart = env.platformCharts[component.chart];
  if (!chart)
    throw new Error(
      `${env.name}: platformCharts has no "${component.chart}" (needed for ${component.chart} pods)`,
    );
  return chart.namespace;
}

/**
 * Charts of platformCharts that are installed only where the model calls for them; every other entry is installed
 * wherever it is listed. redis_exporter logs in with a password, which only the in-cluster Redis accepts (managed
 * Redis takes IAM tokens only): elsewhere the cache hit ratio comes from CloudWatch
 * (docs/decisions/cache-hit-ratio-source.md).
 */
const INSTALLED_ONLY_WHEN: Readonly<Record<string, (env: EnvConfig) => boolean>> = {
  [components.redisExporter.chart]: (env) => cacheHitSource(env) === 'redis-exporter',
};

/** Whether Argo CD installs the chart in this environment: listed in platformCharts and called for by the model. */
export const chartInstalled = (env: EnvConfig, chart: string): boolean =>
  env.platformCharts[chart] !== undefined && (INSTALLED_ONLY_WHEN[chart]?.(env) ?? true);

export const hasComponent = (env: EnvConfig, component: Component): boolean =>
  chartInstalled(env, component.chart);

export const peerOf = (env: EnvConfig, component: Component): PodPeer => ({
  namespace: namespaceOf(env, component),
  pods: component.pods,
});

export function prometheusUrl(env: EnvConfig): string {
  const namespace = namespaceOf(env, components.prometheus);
  return `http://${PROMETHEUS_RELEASE}-prometheus.${namespace}.svc.cluster.local:${componentPorts.prometheus}`;
}

export function tempoOtlpUrl(env: EnvConfig): string {
  return `http://tempo.${namespaceOf(env, components.tempo)}.svc.cluster.local:${componentPorts.tempoOtlpHttp}`;
}

/** CoreDNS in kube-system (the EKS add-on keeps the kube-dns label). */
export const clusterDns: PodPeer = { namespace: 'kube-system', pods: { 'k8s-app': 'kube-dns' } };
export const istiod: PodPeer = { namespace: 'istio-system', pods: { app: 'istiod' } };

/**
 * The controllers the rendered custom resources need, as platformCharts entries. Environment files cannot remove
 * a default chart, so this guards the defaults: rendering stops with the chart and the reason.
 */
export function assertControllers(env: EnvConfig): void {
  const services = Object.values(env.services);
  const needs: readonly (readonly [string, boolean, string])[] = [
    [
      'argo-rollouts',
      services.some((s) => s.delivery === 'canary'),
      'a service uses delivery canary (Rollout)',
    ],
    [
      'keda',
      services.some(
        (s) =>
          Object.keys(s.peakWindows).length > 0 ||
          s.scaleOnLatency ||
          s.scaleOnConsumerLagSeconds !== undefined,
      ),
      'a service scales on a schedule, latency or lag (ScaledObject)',
    ],
    ['istiod', env.mesh.provider === 'istio', 'mesh.provider is istio'],
    ['external-secrets', true, 'credentials are ExternalSecrets'],
    ['cert-manager', true, 'the public certificate comes from a ClusterIssuer'],
    [
      'istiod',
      services.some((s) => s.exposure === 'public'),
      'a service is public (the Istio ingress gateway)',
    ],
    ['metrics-server', true, 'every autoscaler scales on CPU and memory (metrics.k8s.io)'],
    ['kube-prometheus-stack', true, 'services are scraped through ServiceMonitors'],
  ];
  const missing = needs.filter(([chart, needed]) => needed && env.platformCharts[chart] === undefined);
  if (missing.length > 0) {
    throw new Error(
      missing.map(([chart, , why]) => `${env.name}: platformCharts.${chart} is missing: ${why}`).join('\n'),
    );
  }
}
