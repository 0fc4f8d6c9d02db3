// The security group of CloudFront's origin (the internet-facing load balancer in front of the ingress): HTTPS only
// from CloudFront's origin-facing servers, through AWS's managed prefix list ("Restrict access to load balancers",
// CloudFront developer guide: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/LocationsOfEdgeServers.html#managed-prefix-list),
// so the WAF and rate limits in front of CloudFront cannot be bypassed. The load-balancer controller attaches it by
// name (originSecurityGroupName) and manages the backend rules from it to the pods itself.
import { DataAwsEc2ManagedPrefixList } from '@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { originSecurityGroupName } from '../contracts';

/** AWS-managed prefix list of CloudFront's origin-facing addresses (same name in every region). */
export const CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';

export interface OriginSecurityGroupProps {
  readonly env: EnvConfig;
  readonly vpcId: string;
}

export class OriginSecurityGroup extends Construct {
  readonly group: SecurityGroup;

  constructor(scope: Construct, id: string, props: OriginSecurityGroupProps) {
    super(scope, id);
    const { env } = props;
    const cloudfront = new DataAwsEc2ManagedPrefixList(this, 'cloudfront-origin-facing', {
      name: CLOUDFRONT_ORIGIN_FACING_PREFIX_LIST,
    });
    this.group = new SecurityGroup(this, 'group', {
      name: originSecurityGroupName(env),
      description: 'CloudFront origin: HTTPS from CloudFront origin-facing servers only',
      vpcId: props.vpcId,
      ingress: [
        {
          description: 'HTTPS from CloudFront origin-facing servers',
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          prefixListIds: [cloudfront.id],
        },
      ],
      egress: [
        {
          description: 'To the ingress pods inside the VPC',
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: [env.network.vpcCidr],
        },
      ],
      tags: { Name: originSecurityGroupName(env) },
    });
  }
}
