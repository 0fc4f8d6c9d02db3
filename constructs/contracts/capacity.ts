// How much the nodes can hold at their maximum: the managed node groups at maxSize and Karpenter's NodePool at its
// limits. The one place node capacity is computed from the model, so the capacity proof (test/k8s/capacity.test.ts)
// and the rendered NodePool (charts/platform/karpenter.ts) agree. Pure: the model and tables of instance types.

/**
 * vCPUs, memory and the pod limit of an EKS node per instance type.
 * vCPU and memory: AWS, "Amazon EC2 M6i instances" (https://aws.amazon.com/ec2/instance-types/m6i/):
 * m6i.large 2 vCPU 8 GiB, m6i.xlarge 4 vCPU 16 GiB, m6i.2xlarge 8 vCPU 32 GiB, m6i.4xlarge 16 vCPU 64 GiB.
 * Pods: the VPC CNI's ENI × IP limit without prefix delegation, as the EKS AMIs set max-pods
 * (awslabs/amazon-eks-ami, templates/shared/runtime/eni-max-pods.txt): 29, 58, 58, 234.
 */
export const EC2_INSTANCE_SIZES: Readonly<
  Record<string, { vCpu: number; memoryGiB: number; maxPods: number }>
> = {
  'm6i.large': { vCpu: 2, memoryGiB: 8, maxPods: 29 },
  'm6i.xlarge': { vCpu: 4, memoryGiB: 16, maxPods: 58 },
  'm6i.2xlarge': { vCpu: 8, memoryGiB: 32, maxPods: 58 },
  'm6i.4xlarge': { vCpu: 16, memoryGiB: 64, maxPods: 234 },
};

export interface Capacity {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly pods: number;
}

/** kube-reserved CPU of the EKS AMIs: 6 % of the first core, 1 % of the second, 0.5 % of the third and fourth, 0.25 % of every further one. */
function reservedCpuMillicores(cores: number): number {
  return 60 + (cores > 1 ? 10 : 0) + Math.max(0, Math.min(cores, 4) - 2) * 5 + Math.max(0, cores - 4) * 2.5;
}

/** kube-reserved memory (255 MiB + 11 MiB per pod the node may run) plus eviction at 100 MiB available. */
function reservedMemoryMiB(maxPods: number): number {
  return 255 + 11 * maxPods + 100;
}

/**
 * What the kubelet leaves to pods on one node (allocatable), with the EKS AMIs' reservations
 * (awslabs/amazon-eks-ami, nodeadm's kubelet configuration, and the AL2 bootstrap.sh before it).
 */
export function nodeAllocatable(instanceType: string): Capacity {
  const size = EC2_INSTANCE_SIZES[instanceType];
  if (size === undefined) {
    throw new Error(
      `instance type ${instanceType} is not in EC2_INSTANCE_SIZES (constructs/contracts/capacity.ts); add its vCPUs, memory and max pods from the EC2 and EKS documents cited there`,
    );
  }
  return {
    cpuMillicores: size.vCpu * 1000 - reservedCpuMillicores(size.vCpu),
    memoryMiB: size.memoryGiB * 1024 - reservedMemoryMiB(size.maxPods),
    pods: size.maxPods,
  };
}

/**
 * Max pods per node by vCPU count for the 6th-generation c/m/r families Karpenter may buy (c6i, m6i and r6i of one
 * size have the same ENI and IP limits): awslabs/amazon-eks-ami, templates/shared/runtime/eni-max-pods.txt.
 */
const MAX_PODS_BY_VCPU: Readonly<Record<number, number>> = {
  2: 29,
  4: 58,
  8: 58,
  16: 234,
  32: 234,
  48: 737,
  64: 737,
};

export interface KarpenterPool {
  readonly limits: { readonly cpu: number; readonly memoryGiB: number };
  readonly minInstanceCpu: number;
}

/**
 * A Karpenter NodePool at its limits (spec.limits caps the vCPUs and memory of all its nodes together,
 * https://karpenter.sh/docs/concepts/nodepools/#speclimits), counted pessimistically: as many nodes as the limits
 * buy at the smallest size allowed (each with its kubelet reservation and DaemonSet pods), and as few pods per vCPU
 * as any allowed size offers.
 */
export function karpenterCapacity(pool: KarpenterPool): NodePoolCapacity {
  const smallest = MAX_PODS_BY_VCPU[pool.minInstanceCpu];
  if (smallest === undefined) {
    throw new Error(
      `cluster.karpenter.minInstanceCpu ${pool.minInstanceCpu} is not a size of MAX_PODS_BY_VCPU (constructs/contracts/capacity.ts): ${Object.keys(MAX_PODS_BY_VCPU).join(', ')}`,
    );
  }
  const nodes = Math.floor(pool.limits.cpu / pool.minInstanceCpu);
  const podsPerVcpu = Math.min(
    ...Object.entries(MAX_PODS_BY_VCPU)
      .filter(([vCpu]) => Number(vCpu) >= pool.minInstanceCpu)
      .map(([vCpu, maxPods]) => maxPods / Number(vCpu)),
  );
  return {
    nodes,
    cpuMillicores: pool.limits.cpu * 1000 - nodes * reservedCpuMillicores(pool.minInstanceCpu),
    memoryMiB: pool.limits.memoryGiB * 1024 - nodes * reservedMemoryMiB(smallest),
    pods: Math.floor(pool.limits.cpu * podsPerVcpu),
  };
}

export interface NodePoolGroup {
  readonly instanceTypes: readonly string[];
  readonly maxSize: number;
}

export interface NodePoolCapacity extends Capacity {
  readonly nodes: number;
}

/**
 * The node pool at its maximum size: every managed node group at maxSize, each node counted as the smallest of its
 * instance types (the autoscaler may pick any of them), plus Karpenter's pool at its limits.
 */
export function nodePoolCapacity(cluster: {
  readonly nodeGroups: Readonly<Record<string, NodePoolGroup>>;
  readonly karpenter: KarpenterPool;
}): NodePoolCapacity {
  return Object.values(cluster.nodeGroups).reduce<NodePoolCapacity>((total, group) => {
    const node = group.instanceTypes
      .map(nodeAllocatable)
      .reduce((small, candidate) => (candidate.cpuMillicores < small.cpuMillicores ? candidate : small));
    return {
      nodes: total.nodes + group.maxSize,
      cpuMillicores: total.cpuMillicores + group.maxSize * node.cpuMillicores,
      memoryMiB: total.memoryMiB + group.maxSize * node.memoryMiB,
      pods: total.pods + group.maxSize * node.pods,
    };
  }, karpenterCapacity(cluster.karpenter));
}
