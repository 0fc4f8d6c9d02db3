// Values of Karpenter's chart: the controller's IRSA service account, the cluster it manages and the interruption
// queue Terraform feeds (constructs/aws/karpenter.ts). The NodePool and EC2NodeClass are in charts/platform/karpenter.ts.
import type { EnvConfig } from '../../../environments';
import { clusterName, KARPENTER_SERVICE_ACCOUNT, karpenterQueueName } from '../../../constructs/contracts';
import { type HelmValues, irsaServiceAccount } from './shared';

export function karpenterValues(env: EnvConfig): HelmValues {
  return {
    serviceAccount: irsaServiceAccount(env, 'karpenter', KARPENTER_SERVICE_ACCOUNT),
    settings: { clusterName: clusterName(env), interruptionQueue: karpenterQueueName(env) },
    // Two replicas with leader election; the chart keeps them off nodes Karpenter itself launched.
    replicas: 2,
    controller: {
      resources: {
        requests: { cpu: '500m', memory: '512Mi' },
        limits: { cpu: '1', memory: '1Gi' },
      },
    },
  };
}
