// Karpenter's controller policy as Karpenter publishes it for v1 (KarpenterControllerPolicy of the getting-started
// CloudFormation template, aws/karpenter-provider-aws website/content/en/preview/getting-started/
// getting-started-with-karpenter/cloudformation.yaml, https://karpenter.sh/docs/getting-started/getting-started-with-karpenter/),
// with its ${ClusterName}, queue and node role filled in from the model; Karpenter v1 tags the instance profiles it
// creates with karpenter.k8s.aws/ec2nodeclass and nodes with eks:eks-cluster-name (v1 migration guide,
// https://karpenter.sh/docs/upgrading/v1-migration/), which the tag conditions follow. Writes are scoped by the tags Karpenter
// puts on what it creates (kubernetes.io/cluster/<cluster> = owned, karpenter.sh/nodepool), passes only the node
// role, and reads only its own interruption queue.
import type { EnvConfig } from '../../environments';
import { clusterName, karpenterNodeRoleArn, karpenterQueueName } from '../contracts';
import type { PolicyStatement } from './secure-bucket';

type Condition = NonNullable<PolicyStatement['condition']>[number];

const statement = (
  sid: string,
  actions: string[],
  resources: string[],
  condition?: Condition[],
): PolicyStatement => ({ sid, effect: 'Allow', principals: [], actions, resources, condition });

export function karpenterControllerStatements(env: EnvConfig): PolicyStatement[] {
  const { region, accountId } = env.aws;
  const cluster = clusterName(env);
  const ec2 = (type: string, account = '*') => `arn:aws:ec2:${region}:${account}:${type}/*`;
  const owned = (kind: 'Request' | 'Resource'): Condition => ({
    test: 'StringEquals',
    variable: `aws:${kind}Tag/kubernetes.io/cluster/${cluster}`,
    values: ['owned'],
  });
  const tagged = (kind: 'Request' | 'Resource', key: string): Condition => ({
    test: 'StringLike',
    variable: `aws:${kind}Tag/${key}`,
    values: ['*'],
  });
  const inRegion = (kind: 'Request' | 'Resource'): Condition => ({
    test: 'StringEquals',
    variable: `aws:${kind}Tag/topology.kubernetes.io/region`,
    values: [region],
  });
  const launched = [
    ec2('fleet'),
    ec2('instance'),
    ec2('volume'),
    ec2('network-interface'),
    ec2('launch-template'),
  ];
  return [
    statement(
      'AllowScopedEC2InstanceActions',
      ['ec2:RunInstances', 'ec2:CreateFleet'],
      [
        `arn:aws:ec2:${region}::image/*`,
        `arn:aws:ec2:${region}::snapshot/*`,
        ec2('spot-instances-request'),
        ec2('security-group'),
        ec2('subnet'),
        ec2('launch-template'),
      ],
    ),
    statement(
      'AllowScopedEC2InstanceActionsWithTags',
      ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
      launched,
      [owned('Request'), tagged('Request', 'karpenter.sh/nodepool')],
    ),
    statement('AllowScopedResourceCreationTagging', ['ec2:CreateTags'], launched, [
      owned('Request'),
      {
        test: 'StringEquals',
        variable: 'ec2:CreateAction',
        values: ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'],
      },
      tagged('Request', 'karpenter.sh/nodepool'),
    ]),
    statement(
      'AllowScopedResourceTagging',
      ['ec2:CreateTags'],
      [ec2('instance')],
      [
        owned('Resource'),
        tagged('Resource', 'karpenter.sh/nodepool'),
        {
          test: 'ForAllValues:StringEquals',
          variable: 'aws:TagKeys',
          values: ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'],
        },
      ],
    ),
    statement(
      'AllowScopedDeletion',
      ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
      [ec2('instance'), ec2('launch-template')],
      [owned('Resource'), tagged('Resource', 'karpenter.sh/nodepool')],
    ),
    statement(
      'AllowRegionalReadActions',
      [
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceTypeOfferings',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplates',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSpotPriceHistory',
        'ec2:DescribeSubnets',
      ],
      ['*'],
      [{ test: 'StringEquals', variable: 'aws:RequestedRegion', values: [region] }],
    ),
    statement(
      'AllowSSMReadActions',
      ['ssm:GetParameter'],
      [`arn:aws:ssm:${region}::parameter/aws/service/*`],
    ),
    statement('AllowPricingReadActions', ['pricing:GetProducts'], ['*']),
    statement(
      'AllowInterruptionQueueActions',
      ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
      [`arn:aws:sqs:${region}:${accountId}:${karpenterQueueName(env)}`],
    ),
    statement(
      'AllowPassingInstanceRole',
      ['iam:PassRole'],
      [karpenterNodeRoleArn(env)],
      [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['ec2.amazonaws.com'] }],
    ),
    statement(
      'AllowScopedInstanceProfileCreationActions',
      ['iam:CreateInstanceProfile'],
      ['*'],
      [owned('Request'), inRegion('Request'), tagged('Request', 'karpenter.k8s.aws/ec2nodeclass')],
    ),
    statement(
      'AllowScopedInstanceProfileTagActions',
      ['iam:TagInstanceProfile'],
      ['*'],
      [
        owned('Resource'),
        inRegion('Resource'),
        owned('Request'),
        inRegion('Request'),
        tagged('Resource', 'karpenter.k8s.aws/ec2nodeclass'),
        tagged('Request', 'karpenter.k8s.aws/ec2nodeclass'),
      ],
    ),
    statement(
      'AllowScopedInstanceProfileActions',
      ['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
      ['*'],
      [owned('Resource'), inRegion('Resource'), tagged('Resource', 'karpenter.k8s.aws/ec2nodeclass')],
    ),
    statement('AllowInstanceProfileReadActions', ['iam:GetInstanceProfile'], ['*']),
    statement(
      'AllowAPIServerEndpointDiscovery',
      ['eks:DescribeCluster'],
      [`arn:aws:eks:${region}:${accountId}:cluster/${cluster}`],
    ),
  ];
}
