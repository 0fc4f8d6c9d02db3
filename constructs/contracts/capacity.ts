// How much the node pool can hold at its maximum size: the one place node capacity is computed from the model, so
// the capacity proof (test/k8s/capacity.test.ts) and any later node autoscaler limits (Karpenter NodePools) agree.
// Pure: the model's node groups and a table of instance types.

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

/**
 * What the kubelet leaves to pods on one node (allocatable), with the EKS AMIs' reservations
 * (awslabs/amazon-eks-ami, nodeadm's kubelet configuration, and the AL2 bootstrap.sh before it):
 * kube-reserved CPU 6 % of the first core, 1 % of the second, 0.5 % of the third and fourth, 0.25 % of every
 * further one; kube-reserved memory 255 MiB + 11 MiB per pod the node may run; eviction at 100 MiB available.
 */
export function nodeAllocatable(instanceType: string): Capacity {
  const size = EC2_INSTANCE_SIZES[instanceType];
  if (size === undefined) {
    throw new Error(
      `instance type ${instanceType} is not in EC2_INSTANCE_SIZES (constructs/contracts/capacity.ts); add its vCPUs, memory and max pods from the EC2 and EKS documents cited there`,
    );
  }
  const cores = size.vCpu;
  const reservedCpu =
    60 + (cores > 1 ? 10 : 0) + Math.max(0, Math.min(cores, 4) - 2) * 5 + Math.max(0, cores - 4) * 2.5;
  const reservedMemory = 255 + 11 * size.maxPods + 100;
  return {
    cpuMillicores: cores * 1000 - reservedCpu,
    memoryMiB: size.memoryGiB * 1024 - reservedMemory,
    pods: size.maxPods,
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
 * The node pool at its maximum size: every node group at maxSize, each node counted as the smallest of its
 * instance types (the autoscaler may pick any of them).
 */
export function nodePoolCapacity(cluster: {
  readonly nodeGroups: Readonly<Record<string, NodePoolGroup>>;
}): NodePoolCapacity {
  return Object.values(cluster.nodeGroups).reduce<NodePoolCapacity>(
    (total, group) => {
      const node = group.instanceTypes
        .map(nodeAllocatable)
        .reduce((small, candidate) => (candidate.cpuMillicores < small.cpuMillicores ? candidate : small));
      return {
        nodes: total.nodes + group.maxSize,
        cpuMillicores: total.cpuMillicores + group.maxSize * node.cpuMillicores,
        memoryMiB: total.memoryMiB + group.maxSize * node.memoryMiB,
        pods: total.pods + group.maxSize * node.pods,
      };
    },
    { nodes: 0, cpuMillicores: 0, memoryMiB: 0, pods: 0 },
  );
}
