// Values of Karpenter's chart: the controller's IRSA service account, the cluster it manages and the interruption
// queue Terraform feeds (constructs/aws/karpenter.ts). The NodePool and EC2NodeClass are in charts/platform/karpenter.ts.
import type { EnvConfig } from '../../../environments';
import { clusterName, KARPENTER_SERVICE_ACCOUNT, karpenterQueueName } from '../../../constructs/contracts';
import { podResources } from './edge';
import { type HelmValues, irsaServiceAccount } from './shared';

/** The label Karpenter puts on every node it launches (the NodePool's name). */
export const KARPENTER_NODE_POOL_LABEL = 'karpenter.sh/nodepool';

export function karpenterValues(env: EnvConfig): HelmValues {
  return {
    serviceAccount: irsaServiceAccount(env, 'karpenter', KARPENTER_SERVICE_ACCOUNT),
    settings: { clusterName: clusterName(env), interruptionQueue: karpenterQueueName(env) },
    // Two replicas with leader election, on the managed node group: never on a node Karpenter launched, which it
    // could consolidate away under itself (https://karpenter.sh/docs/getting-started/getting-started-with-karpenter/,
    // "Karpenter should not run on a node it manages"). The chart's default says the same; stated here so a chart
    // upgrade cannot drop it unnoticed.
    replicas: 2,
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: KARPENTER_NODE_POOL_LABEL, operator: 'DoesNotExist' }] },
          ],
        },
      },
    },
    controller: { resources: podResources('karpenter', 'controller') },
  };
}
