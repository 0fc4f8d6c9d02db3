// The security group in front of one data store: its port, reachable only from the cluster's security group
// (nodes and pods; VPC CNI gives pods node-attached ENIs) and from any extra groups named (the rotation Lambda).
// No egress: a data store never opens connections.
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';

export interface StoreSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  readonly port: number;
  readonly description: string;
  /** The EKS cluster security group. */
  readonly clusterSecurityGroupId: string;
  /** Further groups allowed in, each with why. Default: none. */
  readonly extraSources?: readonly { readonly securityGroupId: string; readonly description: string }[];
}

export class StoreSecurityGroup extends Construct {
  readonly group: SecurityGroup;

  constructor(scope: Construct, id: string, props: StoreSecurityGroupProps) {
    super(scope, id);
    const sources = [
      { securityGroupId: props.clusterSecurityGroupId, description: 'EKS nodes and pods' },
      ...(props.extraSources ?? []),
    ];
    this.group = new SecurityGroup(this, 'group', {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      ingress: sources.map((source) => ({
        description: `${source.description} on ${props.port}`,
        protocol: 'tcp',
        fromPort: props.port,
        toPort: props.port,
        securityGroups: [source.securityGroupId],
      })),
      egress: [],
    });
  }
}
