// Managed node groups from cluster.nodeGroups: one launch template each so nodes require IMDSv2 with a hop limit
// of 1 (pods cannot borrow the node's role; they use IRSA) and boot from encrypted gp3 volumes.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { defaultTags, iamRoleName, resourcePrefix } from '../contracts';

/** What every node needs from AWS: join the cluster, pull from ECR, run the VPC CNI (pod IPs). */
const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEKS_CNI_Policy',
] as const;

export interface NodeGroupsProps {
  readonly env: EnvConfig;
  readonly clusterName: string;
  readonly subnetIds: readonly string[];
  /** What must exist before nodes boot (the networking add-ons). Default: nothing. */
  readonly dependsOn?: readonly ITerraformDependable[];
}

export class NodeGroups extends Construct {
  readonly groups: EksNodeGroup[] = [];
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: NodeGroupsProps) {
    super(scope, id);
    const { env } = props;
    const trust = new DataAwsIamPolicyDocument(this, 'role-trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: iamRoleName(env, 'eks-nodes'),
      assumeRolePolicy: trust.json,
    });
    // Node groups wait for their role's policies: nodes cannot join without them, and a destroy must keep them
    // until the nodes are gone (provider docs, eks_node_group example).
    const attachments = NODE_POLICIES.map(
      (policy) =>
        new IamRolePolicyAttachment(this, `role-${policy}`, {
          role: this.role.name,
          policyArn: `arn:aws:iam::aws:policy/${policy}`,
        }),
    );
    for (const [name, group] of Object.entries(env.cluster.nodeGroups)) {
      const template = new LaunchTemplate(this, `${name}-launch-template`, {
        name: `${resourcePrefix(env)}-${name}`,
        updateDefaultVersion: true,
        metadataOptions: {
          httpEndpoint: 'enabled',
          httpTokens: 'required',
          httpPutResponseHopLimit: 1,
        },
        // Instances, their volumes and network interfaces carry the stack's tags too (default_tags reach only the
        // template itself); EC2 applies these at launch.
        tagSpecifications: ['instance', 'volume', 'network-interface'].map((resourceType) => ({
          resourceType,
          tags: { Name: `${resourcePrefix(env)}-${name}`, ...defaultTags(env, 'cluster') },
        })),
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: {
              volumeSize: group.diskSizeGb,
              volumeType: 'gp3',
              encrypted: 'true',
              deleteOnTermination: 'true',
            },
          },
        ],
      });
      this.groups.push(
        new EksNodeGroup(this, name, {
          clusterName: props.clusterName,
          nodeGroupName: name,
          nodeRoleArn: this.role.arn,
          subnetIds: [...props.subnetIds],
          instanceTypes: [...group.instanceTypes],
          capacityType: group.capacityType,
          scalingConfig: { minSize: group.minSize, desiredSize: group.desiredSize, maxSize: group.maxSize },
          updateConfig: { maxUnavailable: 1 },
          launchTemplate: { id: template.id, version: template.latestVersion.toString() },
          labels: { 'skillforge.io/node-group': name },
          dependsOn: [...(props.dependsOn ?? []), ...attachments],
        }),
      );
    }
  }
}
