// VPCs and subnets (checkov VPC*/Subnet*, trivy aws/ec2).
import { expectAttribute, failed, notTrue, passed } from '../expect';
import { change, fixture, ref } from '../fixtures';
import type { Attributes, BlocksByType, Rule } from '../types';
import { blocks } from '../values';

const VPC = 'aws_vpc';
const DEFAULT_SG = 'aws_default_security_group';
const vpcId = ref(VPC, 'main', 'id');

// Separate rule resources that could re-open the default security group behind its back.
const SEPARATE_RULE_TYPES = [
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];

const compliantParts: Readonly<Record<string, Attributes>> = {
  [VPC]: { cidr_block: '10.20.0.0/16', enable_dns_support: true, enable_dns_hostnames: true },
  aws_flow_log: {
    vpc_id: vpcId,
    traffic_type: 'ALL',
    log_destination_type: 'cloud-watch-logs',
    log_destination: ref('aws_cloudwatch_log_group', 'flow', 'arn'),
    iam_role_arn: 'arn:aws:iam::111122223333:role/vpc-flow-logs',
  },
  aws_cloudwatch_log_group: { name: '/aws/vpc/skillforge-prod', retention_in_days: 365 },
  // With no ingress/egress blocks Terraform strips every rule from the default group.
  [DEFAULT_SG]: { vpc_id: vpcId },
  aws_subnet: {
    vpc_id: vpcId,
    cidr_block: '10.20.0.0/20',
    availability_zone: 'eu-west-1a',
    map_public_ip_on_launch: false,
  },
};

function networkStack(changes: Readonly<Record<string, Attributes | undefined>> = {}): BlocksByType {
  const stack: Record<string, Record<string, Attributes>> = {};
  for (const [type, values] of Object.entries({ ...compliantParts, ...changes })) {
    if (values !== undefined) stack[type] = { main: values };
  }
  return stack;
}

const compliant = [fixture('VPC with flow logs and a closed default group', networkStack())];

export const vpcRules: readonly Rule[] = [
  {
    id: 'vpc-flow-logs',
    checkIds: ['CKV2_AWS_11', 'AVD-AWS-0178'],
    resourceTypes: [VPC],
    severity: 'medium',
    description: 'Every VPC has an aws_flow_log connected by vpc_id.',
    check: (vpc, ctx) => {
      const logs = ctx.referencing(vpc, 'aws_flow_log', 'vpc_id');
      return logs.length > 0
        ? passed(`flow logs by ${logs[0]?.address}`)
        : failed('no aws_flow_log references this VPC');
    },
    good: compliant,
    bad: [fixture('no flow log', networkStack({ aws_flow_log: undefined }))],
  },
  {
    id: 'vpc-default-security-group-closed',
    checkIds: ['CKV2_AWS_12', 'AVD-AWS-0173'],
    resourceTypes: [VPC],
    severity: 'high',
    description:
      'The VPC default security group is managed in code (aws_default_security_group) and allows nothing: no ' +
      'ingress/egress blocks and no separate rule resources attached to it.',
    check: (vpc, ctx) => {
      const groups = ctx.referencing(vpc, DEFAULT_SG, 'vpc_id');
      if (groups.length === 0)
        return failed(`no ${DEFAULT_SG} references this VPC, so its default rules stay in place`);
      const problems = groups.flatMap((group) => [
        ...['ingress', 'egress']
          .filter((d) => blocks(group.values[d]).length > 0)
          .map((d) => `${group.address} has ${d} rules`),
        ...SEPARATE_RULE_TYPES.flatMap((type) => ctx.referencing(group, type, 'security_group_id')).map(
          (r) => `${r.address} adds a rule to ${group.address}`,
        ),
      ]);
      return problems.length === 0
        ? passed('the default security group allows nothing')
        : failed(problems.join('; '));
    },
    good: compliant,
    bad: [
      fixture('default group not managed', networkStack({ [DEFAULT_SG]: undefined })),
      fixture(
        'default group allows egress',
        networkStack({
          [DEFAULT_SG]: {
            vpc_id: vpcId,
            egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }],
          },
        }),
      ),
      fixture('separate rule on the default group', {
        ...networkStack(),
        aws_vpc_security_group_ingress_rule: {
          https: {
            security_group_id: ref(DEFAULT_SG, 'main', 'id'),
            cidr_ipv4: '10.20.0.0/16',
            from_port: 443,
            to_port: 443,
            ip_protocol: 'tcp',
          },
        },
      }),
    ],
  },
  {
    id: 'subnet-no-public-ip',
    checkIds: ['CKV_AWS_130', 'AVD-AWS-0164'],
    resourceTypes: ['aws_subnet'],
    severity: 'medium',
    description:
      'Instances in a subnet get no public IP by default (map_public_ip_on_launch not true). Public ALB/NAT subnets are the expected exceptions.',
    check: (r) => expectAttribute(r, 'map_public_ip_on_launch', notTrue),
    good: compliant,
    bad: [
      fixture(
        'public IPs on launch',
        networkStack({
          aws_subnet: change(compliantParts['aws_subnet'] ?? {}, { map_public_ip_on_launch: true }),
        }),
      ),
    ],
  },
  {
    id: 'no-default-vpc',
    checkIds: ['CKV_AWS_148', 'AVD-AWS-0101'],
    resourceTypes: [VPC, 'aws_default_vpc'],
    severity: 'high',
    description:
      'Workloads live in VPCs we define; the account default VPC (aws_default_vpc) is never adopted into code.',
    check: (r) =>
      r.type === 'aws_default_vpc'
        ? failed('the default VPC is managed here; define a dedicated aws_vpc')
        : passed('a dedicated VPC'),
    good: compliant,
    bad: [fixture('default VPC adopted', { aws_default_vpc: { default: { tags: { Name: 'default' } } } })],
  },
];
