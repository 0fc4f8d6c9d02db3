// Karpenter's names, shared by Terraform (IAM, interruption queue, node access entry) and the Kubernetes side (its
// Helm values, the NodePool and EC2NodeClass): computed from the model, never read back from AWS.
import type { EnvConfig } from '../../environments';
import { iamRoleArn, iamRoleName, resourcePrefix } from './naming';

export const KARPENTER_NAMESPACE = 'platform';
export const KARPENTER_SERVICE_ACCOUNT = 'karpenter';
/** IRSA purpose of the controller (identities.ts CONTROLLERS). */
export const KARPENTER_CONTROLLER_PURPOSE = 'karpenter';
/** The one NodePool and EC2NodeClass the workloads run on. */
export const KARPENTER_NODE_POOL = 'workloads';
export const KARPENTER_NODE_CLASS = 'workloads';

/** Role of the nodes Karpenter launches (Karpenter creates their instance profile from it). */
export const karpenterNodeRoleName = (env: EnvConfig): string => iamRoleName(env, 'karpenter-node');
export const karpenterNodeRoleArn = (env: EnvConfig): string => iamRoleArn(env, 'karpenter-node');
/** SQS queue of EC2 interruption events (spot interruptions, rebalance, health, state changes). */
export const karpenterQueueName = (env: EnvConfig): string => `${resourcePrefix(env)}-karpenter`;
