// The NodePool and EC2NodeClass the workloads run on (Karpenter v1 API, https://karpenter.sh/docs/concepts/nodepools/
// and https://karpenter.sh/docs/concepts/nodeclasses/): instance kinds and the pool's total limits from the model
// (cluster.karpenter), nodes in the private subnets with the cluster security group, IMDSv2 with a hop limit of 1
// (pods use IRSA, never the node role) and encrypted gp3 root volumes. Cluster-scoped: they live in platform/.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import {
  clusterName,
  defaultTags,
  KARPENTER_NODE_CLASS,
  KARPENTER_NODE_POOL,
  karpenterNodeRoleName,
} from '../../constructs/contracts';
import { Manifest } from '../../constructs/k8s/manifest';

/** Nodes are replaced after 30 days at the latest, so they pick up patched AMIs even without drift. */
const EXPIRE_AFTER = '720h';

export function renderKarpenterNodes(scope: Construct, env: EnvConfig): void {
  const karpenter = env.cluster.karpenter;
  const cluster = clusterName(env);
  new Manifest(scope, 'KarpenterNodeClass', {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name: KARPENTER_NODE_CLASS },
    spec: {
      role: karpenterNodeRoleName(env),
      // EKS-optimised AL2023 for the cluster's version; a new AMI release drifts the nodes (the patching path).
      amiSelectorTerms: [{ alias: 'al2023@latest' }],
      subnetSelectorTerms: [
        { tags: { 'skillforge:tier': 'private', [`kubernetes.io/cluster/${cluster}`]: 'shared' } },
      ],
      // The cluster security group EKS creates and tags; data stores admit exactly it.
      securityGroupSelectorTerms: [{ tags: { 'aws:eks:cluster-name': cluster } }],
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpProtocolIPv6: 'disabled',
        httpPutResponseHopLimit: 1,
        httpTokens: 'required',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            volumeSize: `${karpenter.diskSizeGb}Gi`,
            volumeType: 'gp3',
            encrypted: true,
            deleteOnTermination: true,
          },
        },
      ],
      tags: defaultTags(env, 'karpenter'),
    },
  });
  new Manifest(scope, 'KarpenterNodePool', {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: KARPENTER_NODE_POOL },
    spec: {
      template: {
        metadata: { labels: { 'skillforge.io/node-pool': KARPENTER_NODE_POOL } },
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: KARPENTER_NODE_CLASS },
          expireAfter: EXPIRE_AFTER,
          requirements: [
            { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
            { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: [...karpenter.capacityTypes] },
            {
              key: 'karpenter.k8s.aws/instance-category',
              operator: 'In',
              values: [...karpenter.instanceCategories],
            },
            {
              key: 'karpenter.k8s.aws/instance-generation',
              operator: 'Gt',
              values: [String(karpenter.minInstanceGeneration - 1)],
            },
            {
              key: 'karpenter.k8s.aws/instance-cpu',
              operator: 'Gt',
              values: [String(karpenter.minInstanceCpu - 1)],
            },
            { key: 'topology.kubernetes.io/zone', operator: 'In', values: [...env.aws.availabilityZones] },
          ],
        },
      },
      // The pool never grows past the model's capacity (the capacity proof checks the workloads fit in it).
      limits: { cpu: String(karpenter.limits.cpu), memory: `${karpenter.limits.memoryGiB}Gi` },
      disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
    },
  });
}
