// What Karpenter needs from AWS besides its controller role (an IRSA binding, grant-policies.ts): the role of the
// nodes it launches with their access entry (EC2_LINUX: the node identity joins the cluster), and interruption
// handling — an SQS queue fed by EventBridge with spot interruptions, rebalance recommendations, instance state
// changes and AWS Health events, so Karpenter drains a node before EC2 takes it away. Mirrors Karpenter's
// getting-started template (karpenter-policy.ts cites it), with the queue policy denying non-TLS senders.
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { karpenterNodeRoleName, karpenterQueueName } from '../contracts';

/** The node role's managed policies, as Karpenter's template attaches them (SSM for Session Manager access). */
const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonSSMManagedInstanceCore',
] as const;

/** Events Karpenter acts on (karpenter.sh "Interruption", https://karpenter.sh/docs/concepts/disruption/#interruption). */
const INTERRUPTION_EVENTS: Readonly<Record<string, { source: string; detailType: string }>> = {
  'scheduled-change': { source: 'aws.health', detailType: 'AWS Health Event' },
  'spot-interruption': { source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning' },
  rebalance: { source: 'aws.ec2', detailType: 'EC2 Instance Rebalance Recommendation' },
  'instance-state-change': { source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' },
};

/** Interruption messages are acted on within seconds; older ones describe instances already gone. */
const QUEUE_RETENTION_SECONDS = 300;

export interface KarpenterProps {
  readonly env: EnvConfig;
  /** The cluster resource's name (a reference, so the access entry waits for the cluster). */
  readonly clusterName: string;
}

export class Karpenter extends Construct {
  readonly nodeRole: IamRole;
  readonly queue: SqsQueue;

  constructor(scope: Construct, id: string, props: KarpenterProps) {
    super(scope, id);
    const { env } = props;
    const trust = new DataAwsIamPolicyDocument(this, 'node-trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }],
        },
      ],
    });
    this.nodeRole = new IamRole(this, 'node-role', {
      name: karpenterNodeRoleName(env),
      assumeRolePolicy: trust.json,
    });
    const attachments = NODE_POLICIES.map(
      (policy) =>
        new IamRolePolicyAttachment(this, `node-role-${policy}`, {
          role: this.nodeRole.name,
          policyArn: `arn:aws:iam::aws:policy/${policy}`,
        }),
    );
    new EksAccessEntry(this, 'node-access-entry', {
      clusterName: props.clusterName,
      principalArn: this.nodeRole.arn,
      type: 'EC2_LINUX',
      dependsOn: attachments,
    });

    this.queue = new SqsQueue(this, 'interruption-queue', {
      name: karpenterQueueName(env),
      messageRetentionSeconds: QUEUE_RETENTION_SECONDS,
      sqsManagedSseEnabled: true,
    });
    const queuePolicy = new DataAwsIamPolicyDocument(this, 'interruption-queue-policy-document', {
      statement: [
        {
          sid: 'EventBridgeSendsInterruptions',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['events.amazonaws.com', 'sqs.amazonaws.com'] }],
          actions: ['sqs:SendMessage'],
          resources: [this.queue.arn],
        },
        {
          sid: 'DenyHTTP',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['sqs:*'],
          resources: [this.queue.arn],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new SqsQueuePolicy(this, 'interruption-queue-policy', {
      queueUrl: this.queue.url,
      policy: queuePolicy.json,
    });
    for (const [name, event] of Object.entries(INTERRUPTION_EVENTS)) {
      const rule = new CloudwatchEventRule(this, `${name}-rule`, {
        name: `${karpenterQueueName(env)}-${name}`,
        description: `${event.detailType} → Karpenter's interruption queue`,
        eventPattern: JSON.stringify({ source: [event.source], 'detail-type': [event.detailType] }),
      });
      new CloudwatchEventTarget(this, `${name}-target`, {
        rule: rule.name,
        targetId: 'KarpenterInterruptionQueueTarget',
        arn: this.queue.arn,
      });
    }
  }
}
