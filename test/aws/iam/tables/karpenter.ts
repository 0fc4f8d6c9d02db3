// Karpenter's controller (the node autoscaler): it may launch, tag and terminate only the instances it owns, pass
// only its node role to EC2 and read only its interruption queue.
import {
  clusterName,
  iamRoleName,
  KARPENTER_CONTROLLER_PURPOSE,
  karpenterNodeRoleArn,
  karpenterQueueName,
} from '../../../../constructs/contracts';
import { allow, arnsOf, deny, roleOf, type PrincipalTable } from './table';

const KARPENTER_POLICY =
  'Karpenter v1 getting-started template, KarpenterControllerPolicy (aws/karpenter-provider-aws cloudformation.yaml): https://karpenter.sh/docs/getting-started/getting-started-with-karpenter/';
const INTERRUPTION =
  'Karpenter docs, "Disruption", interruption handling through the SQS queue: https://karpenter.sh/docs/concepts/disruption/#interruption';

export const karpenterController: PrincipalTable = {
  principal: 'Karpenter controller (node autoscaler)',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, KARPENTER_CONTROLLER_PURPOSE)) }),
  rows: (_iam, env) => {
    const arn = arnsOf(env);
    const cluster = clusterName(env);
    const ownedRequest = {
      [`aws:RequestTag/kubernetes.io/cluster/${cluster}`]: 'owned',
      'aws:RequestTag/karpenter.sh/nodepool': 'workloads',
      'aws:TagKeys': [`kubernetes.io/cluster/${cluster}`, 'karpenter.sh/nodepool'],
    };
    const ownedResource = {
      [`aws:ResourceTag/kubernetes.io/cluster/${cluster}`]: 'owned',
      'aws:ResourceTag/karpenter.sh/nodepool': 'workloads',
    };
    const instance = arn.ec2('instance', 'i-0123456789abcdef0');
    const queue = `arn:aws:sqs:${env.aws.region}:${env.aws.accountId}:${karpenterQueueName(env)}`;
    return [
      allow({
        says: 'launches a node tagged for the cluster and pool',
        action: 'ec2:RunInstances',
        resource: instance,
        context: ownedRequest,
        source: KARPENTER_POLICY,
      }),
      allow({
        says: 'tags the instance at launch',
        action: 'ec2:CreateTags',
        resource: instance,
        context: { ...ownedRequest, 'ec2:CreateAction': 'RunInstances' },
        source: KARPENTER_POLICY,
      }),
      allow({
        says: 'terminates a node it owns',
        action: 'ec2:TerminateInstances',
        resource: instance,
        context: ownedResource,
        source: KARPENTER_POLICY,
      }),
      allow({
        says: 'passes the node role to EC2',
        action: 'iam:PassRole',
        resource: karpenterNodeRoleArn(env),
        context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
        source: KARPENTER_POLICY,
      }),
      allow({
        says: 'reads the interruption queue',
        action: 'sqs:ReceiveMessage',
        resource: queue,
        source: INTERRUPTION,
      }),
      allow({
        says: 'deletes handled interruption messages',
        action: 'sqs:DeleteMessage',
        resource: queue,
        source: INTERRUPTION,
      }),
      allow({
        says: 'discovers the API endpoint',
        action: 'eks:DescribeCluster',
        resource: `arn:aws:eks:${env.aws.region}:${env.aws.accountId}:cluster/${cluster}`,
        source: KARPENTER_POLICY,
      }),
      deny({
        says: 'launches an untagged instance',
        action: 'ec2:RunInstances',
        resource: instance,
        source: KARPENTER_POLICY,
      }),
      deny({
        says: 'terminates an instance it does not own (a managed node)',
        action: 'ec2:TerminateInstances',
        resource: instance,
        source: KARPENTER_POLICY,
      }),
      deny({
        says: 'passes another role to EC2',
        action: 'iam:PassRole',
        resource: arn.role(iamRoleName(env, 'ci-deploy')),
        context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
        source: KARPENTER_POLICY,
      }),
      deny({
        says: 'passes the node role to another service',
        action: 'iam:PassRole',
        resource: karpenterNodeRoleArn(env),
        context: { 'iam:PassedToService': 'lambda.amazonaws.com' },
        source: KARPENTER_POLICY,
      }),
      deny({
        says: 'reads another queue',
        action: 'sqs:ReceiveMessage',
        resource: `arn:aws:sqs:${env.aws.region}:${env.aws.accountId}:orders`,
        source: INTERRUPTION,
      }),
    ];
  },
};
