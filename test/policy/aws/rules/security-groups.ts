// Security groups and their rules, inline or separate (checkov SecurityGroup*, trivy aws/ec2).
import { failed, passed } from '../expect';
import { fixture, ref } from '../fixtures';
import type { Attributes, CheckResult, Resource, Rule, RuleContext } from '../types';
import { asNumber, asStrings, blocks, isToken } from '../values';

const GROUP = 'aws_security_group';
const LEGACY_RULE = 'aws_security_group_rule';
const INGRESS_RULE = 'aws_vpc_security_group_ingress_rule';
const EGRESS_RULE = 'aws_vpc_security_group_egress_rule';
const ALL_TYPES = [GROUP, LEGACY_RULE, INGRESS_RULE, EGRESS_RULE];
const PUBLIC_CIDRS = new Set(['0.0.0.0/0', '::/0']);

/** One ingress or egress permission, whichever of the three resource shapes declared it. */
interface Permission {
  readonly direction: 'ingress' | 'egress';
  readonly label: string;
  readonly cidrs: readonly string[];
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
}

function permissionsOf(r: Resource): Permission[] {
  if (r.type === GROUP) {
    return (['ingress', 'egress'] as const).flatMap((direction) =>
      blocks(r.values[direction]).map((b, i) => ({
        direction,
        label: `${direction}[${i}]`,
        cidrs: [...(asStrings(b['cidr_blocks']) ?? []), ...(asStrings(b['ipv6_cidr_blocks']) ?? [])],
        protocol: String(b['protocol'] ?? ''),
        fromPort: asNumber(b['from_port']),
        toPort: asNumber(b['to_port']),
      })),
    );
  }
  if (r.type === LEGACY_RULE) {
    const direction = r.values['type'] === 'egress' ? 'egress' : 'ingress';
    return [
      {
        direction,
        label: direction,
        cidrs: [
          ...(asStrings(r.values['cidr_blocks']) ?? []),
          ...(asStrings(r.values['ipv6_cidr_blocks']) ?? []),
        ],
        protocol: String(r.values['protocol'] ?? ''),
        fromPort: asNumber(r.values['from_port']),
        toPort: asNumber(r.values['to_port']),
      },
    ];
  }
  return [
    {
      direction: r.type === EGRESS_RULE ? 'egress' : 'ingress',
      label: r.type === EGRESS_RULE ? 'egress' : 'ingress',
      cidrs: [r.values['cidr_ipv4'], r.values['cidr_ipv6']].filter((c): c is string => typeof c === 'string'),
      protocol: String(r.values['ip_protocol'] ?? ''),
      fromPort: asNumber(r.values['from_port']),
      toPort: asNumber(r.values['to_port']),
    },
  ];
}

/** Protocol -1 is every port; so is 0–0, which checkov reads the same way. */
function coversPort(p: Permission, port: number): boolean {
  if (p.protocol === '-1' || p.protocol === 'all') return true;
  if (p.fromPort === 0 && p.toPort === 0) return true;
  return p.fromPort !== undefined && p.toPort !== undefined && p.fromPort <= port && port <= p.toPort;
}

function coversAllPorts(p: Permission): boolean {
  return (
    p.protocol === '-1' ||
    p.protocol === 'all' ||
    (p.fromPort === 0 && (p.toPort === 0 || p.toPort === 65535))
  );
}

/** Public CIDRs, plus CIDR tokens that cannot be resolved in this stack (they might be 0.0.0.0/0). */
function openCidrs(p: Permission, ctx: RuleContext): string[] {
  return p.cidrs.filter((c) => PUBLIC_CIDRS.has(c) || (isToken(c) && !ctx.isResolvableToken(c)));
}

function judgePermissions(
  r: Resource,
  ctx: RuleContext,
  direction: Permission['direction'],
  applies: (p: Permission) => boolean,
  what: string,
): CheckResult {
  const problems = permissionsOf(r)
    .filter((p) => p.direction === direction && applies(p))
    .flatMap((p) =>
      openCidrs(p, ctx).map(
        (cidr) => `${p.label} allows ${what} ${direction === 'ingress' ? 'from' : 'to'} ${cidr}`,
      ),
    );
  return problems.length === 0
    ? passed(`no ${direction} allows ${what} ${direction === 'ingress' ? 'from' : 'to'} the internet`)
    : failed(problems.join('; '));
}

const groupRef = ref(GROUP, 'app', 'id');
const vpcCidr = ref('aws_vpc', 'main', 'cidr_block');
const compliantGroup: Attributes = {
  name: 'skillforge-prod-app',
  description: 'Application pods: HTTPS from inside the VPC',
  vpc_id: ref('aws_vpc', 'main', 'id'),
  ingress: [
    {
      description: 'HTTPS from the VPC',
      from_port: 443,
      to_port: 443,
      protocol: 'tcp',
      cidr_blocks: [vpcCidr],
    },
  ],
  egress: [
    {
      description: 'PostgreSQL inside the VPC',
      from_port: 5432,
      to_port: 5432,
      protocol: 'tcp',
      cidr_blocks: [vpcCidr],
    },
  ],
};

function sgStack(
  group: Attributes = compliantGroup,
  extra: Readonly<Record<string, Record<string, Attributes>>> = {},
) {
  return {
    aws_vpc: { main: { cidr_block: '10.20.0.0/16' } },
    [GROUP]: { app: group },
    [INGRESS_RULE]: {
      from_lb: {
        security_group_id: groupRef,
        description: 'HTTPS from the load balancer',
        referenced_security_group_id: 'sg-0lb',
        from_port: 443,
        to_port: 443,
        ip_protocol: 'tcp',
      },
    },
    ...extra,
  };
}

const compliant = [fixture('VPC-internal security group', sgStack())];
const openIngress = (port: number, protocol = 'tcp') =>
  fixture(
    `port ${port} open to the internet`,
    sgStack({
      ...compliantGroup,
      ingress: [
        { description: 'open', from_port: port, to_port: port, protocol, cidr_blocks: ['0.0.0.0/0'] },
      ],
    }),
  );

function publicIngressRule(id: string, checkIds: readonly string[], port: number, name: string): Rule {
  return {
    id,
    checkIds,
    resourceTypes: ALL_TYPES,
    severity: 'critical',
    description: `No ingress covering port ${port} (${name}) from 0.0.0.0/0 or ::/0, counting protocol -1 and 0–0 as every port.`,
    check: (r, ctx) => judgePermissions(r, ctx, 'ingress', (p) => coversPort(p, port), `port ${port}`),
    good: compliant,
    bad: [
      openIngress(port),
      fixture(
        `all traffic over IPv6 (covers ${port})`,
        sgStack(compliantGroup, {
          [INGRESS_RULE]: {
            any: { security_group_id: groupRef, description: 'any', cidr_ipv6: '::/0', ip_protocol: '-1' },
          },
        }),
      ),
      fixture(
        `legacy rule with a port range over ${port}`,
        sgStack(compliantGroup, {
          [LEGACY_RULE]: {
            range: {
              type: 'ingress',
              security_group_id: groupRef,
              description: 'range',
              from_port: port - 1,
              to_port: port + 1,
              protocol: 'tcp',
              cidr_blocks: ['0.0.0.0/0'],
            },
          },
        }),
      ),
    ],
  };
}

export const securityGroupRules: readonly Rule[] = [
  {
    id: 'sg-descriptions',
    checkIds: ['CKV_AWS_23', 'AVD-AWS-0099', 'AVD-AWS-0124'],
    resourceTypes: ALL_TYPES,
    severity: 'low',
    description:
      'Every security group and every rule in it (inline or separate) says what it is for (non-empty description).',
    check: (r) => {
      const holders =
        r.type === GROUP
          ? [
              { label: 'the group', values: r.values },
              ...(['ingress', 'egress'] as const).flatMap((d) =>
                blocks(r.values[d]).map((b, i) => ({ label: `${d}[${i}]`, values: b })),
              ),
            ]
          : [{ label: 'the rule', values: r.values }];
      const missing = holders
        .filter((h) => typeof h.values['description'] !== 'string' || h.values['description'].trim() === '')
        .map((h) => h.label);
      return missing.length === 0
        ? passed('every description is set')
        : failed(`no description on ${missing.join(', ')}`);
    },
    good: compliant,
    bad: [
      fixture(
        'undocumented inline rule',
        sgStack({
          ...compliantGroup,
          ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: [vpcCidr] }],
        }),
      ),
      fixture('undocumented group', sgStack({ ...compliantGroup, description: '' })),
      fixture(
        'undocumented separate rule',
        sgStack(compliantGroup, {
          [EGRESS_RULE]: {
            dns: {
              security_group_id: groupRef,
              cidr_ipv4: '10.20.0.2/32',
              from_port: 53,
              to_port: 53,
              ip_protocol: 'udp',
            },
          },
        }),
      ),
    ],
  },
  publicIngressRule('sg-no-public-ssh', ['CKV_AWS_24', 'AVD-AWS-0107'], 22, 'SSH'),
  publicIngressRule('sg-no-public-rdp', ['CKV_AWS_25', 'AVD-AWS-0107'], 3389, 'RDP'),
  {
    id: 'sg-no-public-ingress-all-ports',
    checkIds: ['CKV_AWS_277'],
    resourceTypes: ALL_TYPES,
    severity: 'critical',
    description: 'No ingress on every port (protocol -1, or 0–65535) from 0.0.0.0/0 or ::/0.',
    check: (r, ctx) => judgePermissions(r, ctx, 'ingress', coversAllPorts, 'every port'),
    // A single open port is the SSH/RDP rules' business (or a load balancer's), not this one's.
    good: [...compliant, openIngress(443)],
    bad: [openIngress(0, '-1')],
  },
  {
    id: 'sg-no-public-egress',
    checkIds: ['CKV_AWS_382', 'AVD-AWS-0104'],
    resourceTypes: ALL_TYPES,
    severity: 'high',
    description:
      "No egress to 0.0.0.0/0 or ::/0 on any port (trivy's reading; checkov only flags all ports). Reach AWS APIs " +
      'through VPC endpoints; a NAT path that really needs the internet is an exception with a reason.',
    check: (r, ctx) => judgePermissions(r, ctx, 'egress', () => true, 'traffic'),
    good: compliant,
    bad: [
      fixture(
        'egress to the world',
        sgStack({
          ...compliantGroup,
          egress: [
            { description: 'all', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] },
          ],
        }),
      ),
      fixture(
        'HTTPS egress to a variable CIDR',
        sgStack(compliantGroup, {
          [EGRESS_RULE]: {
            https: {
              security_group_id: groupRef,
              description: 'https',
              cidr_ipv4: '${var.egress_cidr}',
              from_port: 443,
              to_port: 443,
              ip_protocol: 'tcp',
            },
          },
        }),
      ),
    ],
  },
];
