// What the cluster must hold when every autoscaler is at its maximum: per namespace, every service at
// replicas.max with its istio-proxy sidecar where meshed, one run of every enabled job, the in-cluster stores, and
// every platform chart's pods (charts/platform/values/chart-pods.ts) with DaemonSets on every node. The capacity
// proof (test/k8s/capacity.test.ts) holds it against each namespace's ResourceQuota and the node pool's maximum
// (constructs/contracts/capacity.ts).
import type { EnvConfig, ResourcesConfig } from '../../environments';
import { jobsOf, nodePoolCapacity, servicesOf } from '../../constructs/contracts';
import { gatewayReplicas } from '../platform/gateway';
import { CHART_PODS, GATEWAY_PROXY, type PodCount } from '../platform/values/chart-pods';
import { chartInstalled, components, GATEWAY_NAMESPACE, hasComponent } from './components';
import { isMeshed } from './mesh';

export interface Demand {
  readonly pods: number;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly cpuLimitMillicores: number;
  readonly memoryLimitMiB: number;
}

const ZERO: Demand = { pods: 0, cpuMillicores: 0, memoryMiB: 0, cpuLimitMillicores: 0, memoryLimitMiB: 0 };

/** `count` pods, each with these containers. */
function pods(count: number, containers: readonly ResourcesConfig[]): Demand {
  const sum = (pick: (r: ResourcesConfig) => number) =>
    count * containers.reduce((total, r) => total + pick(r), 0);
  return {
    pods: count,
    cpuMillicores: sum((r) => r.cpuMillicores),
    memoryMiB: sum((r) => r.memoryMiB),
    cpuLimitMillicores: sum((r) => r.cpuLimitMillicores),
    memoryLimitMiB: sum((r) => r.memoryLimitMiB),
  };
}

export const addDemand = (a: Demand, b: Demand): Demand => ({
  pods: a.pods + b.pods,
  cpuMillicores: a.cpuMillicores + b.cpuMillicores,
  memoryMiB: a.memoryMiB + b.memoryMiB,
  cpuLimitMillicores: a.cpuLimitMillicores + b.cpuLimitMillicores,
  memoryLimitMiB: a.memoryLimitMiB + b.memoryLimitMiB,
});

/**
 * kube-system, which no chart of ours fills: a budget for the EKS add-ons (vpc-cni's aws-node, kube-proxy, the EBS
 * CSI node plugin and the pod identity agent on every node; CoreDNS and the EBS CSI controller twice). A budget to
 * keep room for them, not a measurement of their requests.
 */
const EKS_ADDONS_PER_NODE: ResourcesConfig = {
  cpuMillicores: 200,
  memoryMiB: 256,
  cpuLimitMillicores: 0,
  memoryLimitMiB: 512,
};
const EKS_ADDON_PODS_PER_NODE = 4;
const EKS_ADDONS_CLUSTER: ResourcesConfig = {
  cpuMillicores: 320,
  memoryMiB: 620,
  cpuLimitMillicores: 0,
  memoryLimitMiB: 1240,
};

const countOf = (count: PodCount, nodes: number): number =>
  'replicas' in count ? count.replicas : 'autoscaled' in count ? count.autoscaled.max : nodes;

/** Demand per namespace at every autoscaler's maximum (istio-system and kube-system included). */
export function peakDemand(env: EnvConfig): Readonly<Record<string, Demand>> {
  const nodes = nodePoolCapacity(env.cluster).nodes;
  const demand: Record<string, Demand> = {};
  const add = (namespace: string, more: Demand) => {
    demand[namespace] = addDemand(demand[namespace] ?? ZERO, more);
  };
  for (const service of servicesOf(env)) {
    const sidecar = isMeshed(env, service.namespace) ? [env.mesh.sidecarResources] : [];
    add(service.namespace, pods(service.replicas.max, [service.resources, ...sidecar]));
  }
  // Batch pods carry no sidecar (charts/plan/mesh.ts, batchMeshLabels).
  for (const job of jobsOf(env)) add(job.namespace, pods(1, [job.resources]));
  if (env.redis.mode === 'in-cluster') add('platform', pods(1, [env.redis.inCluster.resources]));
  if (env.opensearch.mode === 'in-cluster') {
    add('platform', pods(env.opensearch.inCluster.replicas, [env.opensearch.inCluster.resources]));
  }
  for (const [chart, source] of Object.entries(env.platformCharts)) {
    if (!chartInstalled(env, chart)) continue;
    for (const pod of CHART_PODS[chart] ?? []) {
      add(source.namespace, pods(countOf(pod.count, nodes), Object.values(pod.containers)));
    }
  }
  if (hasComponent(env, components.ingressGateway)) {
    add(GATEWAY_NAMESPACE, pods(gatewayReplicas(env).max, [GATEWAY_PROXY]));
  }
  add('kube-system', addDemand(pods(nodes, [EKS_ADDONS_PER_NODE]), pods(1, [EKS_ADDONS_CLUSTER])));
  demand['kube-system'] = { ...demand['kube-system']!, pods: nodes * EKS_ADDON_PODS_PER_NODE + 4 };
  return demand;
}

export const totalDemand = (demand: Readonly<Record<string, Demand>>): Demand =>
  Object.values(demand).reduce(addDemand, ZERO);

/**
 * Where the peak does not fit: a namespace's quota (requests, limits, pods) or the node pool (requests and pods;
 * limits may overcommit a node, and the scheduler places pods by their requests). Empty when everything fits.
 */
export function capacityGaps(env: EnvConfig): string[] {
  const demand = peakDemand(env);
  const gaps: string[] = [];
  for (const [name, config] of Object.entries(env.namespaces)) {
    const need = demand[name] ?? ZERO;
    const q = config.quota;
    const checks: [string, number, number][] = [
      ['requests.cpu', need.cpuMillicores, q.requestsCpu * 1000],
      ['requests.memory', need.memoryMiB, q.requestsMemoryGiB * 1024],
      ['limits.cpu', need.cpuLimitMillicores, q.limitsCpu * 1000],
      ['limits.memory', need.memoryLimitMiB, q.limitsMemoryGiB * 1024],
      ['pods', need.pods, q.pods],
    ];
    for (const [what, needed, allowed] of checks) {
      if (needed > allowed)
        gaps.push(`${env.name}: namespace ${name} needs ${what} ${needed}, its quota allows ${allowed}`);
    }
  }
  const pool = nodePoolCapacity(env.cluster);
  const total = totalDemand(demand);
  const checks: [string, number, number][] = [
    ['cpu requests (m)', total.cpuMillicores, pool.cpuMillicores],
    ['memory requests (MiB)', total.memoryMiB, pool.memoryMiB],
    ['pods', total.pods, pool.pods],
  ];
  for (const [what, needed, allowed] of checks) {
    if (needed > allowed) {
      gaps.push(
        `${env.name}: the cluster needs ${what} ${needed}, ${pool.nodes} nodes at most allocate ${allowed}`,
      );
    }
  }
  return gaps;
}
