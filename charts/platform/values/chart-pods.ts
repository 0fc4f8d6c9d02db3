// The pods each platform chart runs with our values, and the requests and limits we give every container. The
// values builders set exactly these (no container falls back to a LimitRange default that would throttle
// Prometheus or kill Loki), and the capacity proof (test/k8s/capacity.test.ts) counts exactly these.
import type { ResourcesConfig } from '../../../environments';

/** How many of a pod run: a fixed count, at most `max` under an autoscaler, or one per node (DaemonSet). */
export type PodCount =
  | { readonly replicas: number }
  | { readonly autoscaled: { readonly min: number; readonly max: number } }
  | { readonly perNode: true };

export interface ChartPod {
  /** What the chart calls the component (its values key, roughly). */
  readonly component: string;
  readonly count: PodCount;
  /** Every container of the pod, sidecars included, by container name. */
  readonly containers: Readonly<Record<string, ResourcesConfig>>;
}

const size = (
  cpuMillicores: number,
  memoryMiB: number,
  cpuLimitMillicores: number,
  memoryLimitMiB: number,
): ResourcesConfig => ({ cpuMillicores, memoryMiB, cpuLimitMillicores, memoryLimitMiB });

/** Controllers that reconcile a handful of objects. */
export const SMALL = size(50, 128, 200, 256);
/** Webhooks and exporters. */
export const TINY = size(20, 64, 100, 128);
/** Config reloaders next to Prometheus, Alertmanager and Alloy. */
export const RELOADER = size(10, 32, 50, 64);
export const PROMETHEUS = size(500, 2048, 2000, 4096);
export const LOKI = size(250, 512, 1000, 2048);
export const TEMPO = size(100, 256, 500, 1024);
export const GRAFANA = size(100, 256, 500, 512);
export const ISTIOD = size(250, 512, 1000, 1024);
/** The ingress gateway's Envoy: every public request passes through it. */
export const GATEWAY_PROXY = size(200, 256, 2000, 1024);
export const ISTIOD_REPLICAS = { min: 1, max: 3 } as const;
/** Karpenter's controller: it watches every pod and node of the cluster to bin-pack them. */
export const KARPENTER = size(500, 512, 1000, 1024);

const one = { replicas: 1 } as const;
const two = { replicas: 2 } as const;

/** Pods per chart (platformCharts key) with our values. */
export const CHART_PODS: Readonly<Record<string, readonly ChartPod[]>> = {
  'prometheus-operator-crds': [],
  'cert-manager': [
    { component: 'controller', count: one, containers: { 'cert-manager-controller': SMALL } },
    { component: 'webhook', count: one, containers: { 'cert-manager-webhook': TINY } },
    { component: 'cainjector', count: one, containers: { 'cert-manager-cainjector': SMALL } },
  ],
  'external-dns': [{ component: 'controller', count: one, containers: { 'external-dns': TINY } }],
  'external-secrets': [
    { component: 'controller', count: one, containers: { 'external-secrets': SMALL } },
    { component: 'webhook', count: one, containers: { webhook: TINY } },
    { component: 'certController', count: one, containers: { 'cert-controller': TINY } },
  ],
  'aws-load-balancer-controller': [
    { component: 'controller', count: two, containers: { 'aws-load-balancer-controller': SMALL } },
  ],
  'argo-rollouts': [{ component: 'controller', count: two, containers: { 'argo-rollouts': SMALL } }],
  keda: [
    { component: 'operator', count: one, containers: { 'keda-operator': SMALL } },
    { component: 'metricServer', count: one, containers: { 'keda-operator-metrics-apiserver': SMALL } },
    { component: 'webhooks', count: one, containers: { 'keda-admission-webhooks': TINY } },
  ],
  'metrics-server': [{ component: 'server', count: two, containers: { 'metrics-server': SMALL } }],
  karpenter: [{ component: 'controller', count: two, containers: { controller: KARPENTER } }],
  'istio-base': [],
  'istio-cni': [{ component: 'cni', count: { perNode: true }, containers: { 'install-cni': TINY } }],
  istiod: [{ component: 'pilot', count: { autoscaled: ISTIOD_REPLICAS }, containers: { discovery: ISTIOD } }],
  'kube-prometheus-stack': [
    {
      component: 'prometheus',
      count: one,
      containers: { prometheus: PROMETHEUS, 'config-reloader': RELOADER },
    },
    {
      component: 'alertmanager',
      count: one,
      containers: { alertmanager: TINY, 'config-reloader': RELOADER },
    },
    { component: 'prometheusOperator', count: one, containers: { 'kube-prometheus-stack': SMALL } },
    { component: 'kube-state-metrics', count: one, containers: { 'kube-state-metrics': SMALL } },
    {
      component: 'prometheus-node-exporter',
      count: { perNode: true },
      containers: { 'node-exporter': TINY },
    },
    {
      component: 'grafana',
      count: one,
      containers: { grafana: GRAFANA, 'grafana-sc-dashboard': TINY, 'grafana-sc-datasources': TINY },
    },
  ],
  'blackbox-exporter': [{ component: 'exporter', count: one, containers: { 'blackbox-exporter': TINY } }],
  'redis-exporter': [{ component: 'exporter', count: one, containers: { 'redis-exporter': TINY } }],
  'cloudwatch-exporter': [
    { component: 'exporter', count: one, containers: { 'cloudwatch-exporter': SMALL } },
  ],
  // The rules sidecar (loki-sc-rules) runs next to Loki in the single binary.
  loki: [{ component: 'singleBinary', count: one, containers: { loki: LOKI, 'loki-sc-rules': TINY } }],
  alloy: [{ component: 'alloy', count: two, containers: { alloy: SMALL, 'config-reloader': RELOADER } }],
  tempo: [{ component: 'tempo', count: one, containers: { tempo: TEMPO } }],
};

/** `resources` as a chart takes it: requests and limits in Kubernetes quantities. */
export function chartResources(r: ResourcesConfig): Record<string, Record<string, string>> {
  return {
    requests: { cpu: `${r.cpuMillicores}m`, memory: `${r.memoryMiB}Mi` },
    limits: { cpu: `${r.cpuLimitMillicores}m`, memory: `${r.memoryLimitMiB}Mi` },
  };
}
