// The capacity proof: with every autoscaler at its maximum (services at replicas.max with their istio-proxy
// sidecars, one run of every job, the in-cluster stores, every chart's pods, DaemonSets on every node), each
// namespace fits its ResourceQuota and the cluster fits the node pool at its maximum size.
import { describe, expect, it } from 'vitest';
import { capacityGaps, peakDemand, totalDemand } from '../../charts/plan/capacity';
import { karpenterCapacity, nodeAllocatable, nodePoolCapacity } from '../../constructs/contracts';
import { loadRegistry } from '../../environments';
import { envWith } from './support';

const envs = [...loadRegistry().values()];

describe.each(envs.map((env) => [env.name, env] as const))(
  'capacity of %s at every autoscaler’s maximum',
  (_name, env) => {
    it('fits every namespace’s quota and the node pool', () => {
      expect(capacityGaps(env)).toEqual([]);
      const demand = peakDemand(env);
      const pool = nodePoolCapacity(env.cluster);
      const rows = Object.entries(demand)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([namespace, d]) => {
          const quota = env.namespaces[namespace as keyof typeof env.namespaces]?.quota;
          const q = quota
            ? `quota ${quota.pods} pods, ${quota.requestsCpu}/${quota.limitsCpu} cores, ${quota.requestsMemoryGiB}/${quota.limitsMemoryGiB} GiB`
            : 'no quota';
          return `  ${namespace}: ${d.pods} pods, cpu ${d.cpuMillicores}m/${d.cpuLimitMillicores}m, memory ${d.memoryMiB}/${d.memoryLimitMiB} MiB (requests/limits; ${q})`;
        });
      const total = totalDemand(demand);
      console.info(
        [
          `${env.name}: ${pool.nodes} nodes allocate ${pool.cpuMillicores}m cpu, ${pool.memoryMiB} MiB, ${pool.pods} pods; peak requests ${total.cpuMillicores}m, ${total.memoryMiB} MiB, ${total.pods} pods (limits ${total.cpuLimitMillicores}m, ${total.memoryLimitMiB} MiB)`,
          ...rows,
        ].join('\n'),
      );
    });

    it('counts an istio-proxy sidecar on every meshed service pod and none on batch pods', () => {
      const without = peakDemand(
        envWith(env.name as Parameters<typeof envWith>[0], {
          mesh: { sidecarResources: { cpuMillicores: 1 } },
        }),
      );
      const sidecars =
        (peakDemand(env).api!.cpuMillicores - without.api!.cpuMillicores) /
        (env.mesh.sidecarResources.cpuMillicores - 1);
      const apiPods = Object.values(env.services)
        .filter((service) => service.namespace === 'api')
        .reduce((total, service) => total + service.replicas.max, 0);
      expect(sidecars).toBe(apiPods);
    });
  },
);

describe('the capacity proof', () => {
  it('computes a node’s allocatable capacity as the EKS AMIs reserve it', () => {
    // m6i.xlarge: 4 vCPU, 16 GiB, 58 pods; kube-reserved 60+10+5+5 m and 255 + 11 × 58 MiB, eviction 100 MiB.
    expect(nodeAllocatable('m6i.xlarge')).toEqual({ cpuMillicores: 3920, memoryMiB: 15391, pods: 58 });
    expect(nodeAllocatable('m6i.large')).toEqual({ cpuMillicores: 1930, memoryMiB: 7518, pods: 29 });
  });

  it('fails when the node pool cannot hold every service at its maximum', () => {
    const small = envWith('prod', { cluster: { karpenter: { limits: { cpu: 16 } } } });
    expect(capacityGaps(small)).toEqual([
      'prod: the cluster needs cpu requests (m) 50960, 10 nodes at most allocate 39200',
    ]);
  });

  it('fails when a namespace’s quota cannot hold the chart pods it runs (which the model rule does not see)', () => {
    const tight = envWith('prod', { namespaces: { observability: { quota: { requestsCpu: 1 } } } });
    expect(capacityGaps(tight)).toEqual([
      'prod: namespace observability needs requests.cpu 1780, its quota allows 1000',
    ]);
  });

  it('names an instance type it has no size for', () => {
    expect(() => nodeAllocatable('m7i.large')).toThrow(
      'instance type m7i.large is not in EC2_INSTANCE_SIZES (constructs/contracts/capacity.ts); add its vCPUs, memory and max pods from the EC2 and EKS documents cited there',
    );
  });
});

describe('Karpenter in the capacity proof', () => {
  it('counts the pool pessimistically: as many of the smallest nodes as the limits buy, each with its reservation', () => {
    // 64 vCPUs at ≥ 4 per node: 16 nodes, 80 m and 993 MiB (58 pods) reserved on each; 7.25 pods per vCPU at worst.
    expect(karpenterCapacity({ limits: { cpu: 64, memoryGiB: 256 }, minInstanceCpu: 4 })).toEqual({
      nodes: 16,
      cpuMillicores: 62720,
      memoryMiB: 246256,
      pods: 464,
    });
  });

  it('names a smallest node size it has no pod limit for', () => {
    expect(() => karpenterCapacity({ limits: { cpu: 64, memoryGiB: 256 }, minInstanceCpu: 3 })).toThrow(
      'cluster.karpenter.minInstanceCpu 3 is not a size of MAX_PODS_BY_VCPU (constructs/contracts/capacity.ts): 2, 4, 8, 16, 32, 48, 64',
    );
  });
});
