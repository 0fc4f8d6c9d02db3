// IAM permission policies and managed-policy attachments (checkov IAM*, cloudsplaining-based CKV_AWS_355).
import { failed, passed } from '../expect';
import { change, fixture, policyJson, ref } from '../fixtures';
import { actionMatches, tokenActions } from '../policy';
import type { Attributes, Rule } from '../types';
import {
  attachedPolicyArns,
  judgeAllowStatements,
  PERMISSION_POLICY_TYPES,
  POLICY_ATTACHMENTS,
} from './iam-common';

/**
 * Actions that IAM only ever authorises on Resource "*" (the service authorization reference lists no resource
 * type for them), so "*" is not a finding for them. A curated subset of cloudsplaining's list: the actions an
 * EKS platform's controllers and agents really need. Extend it with the reference open, never by guessing.
 */
export const WILDCARD_ONLY_ACTIONS = [
  'ec2:Describe*',
  'elasticloadbalancing:Describe*',
  'autoscaling:Describe*',
  'ecr:GetAuthorizationToken',
  'sts:GetCallerIdentity',
  'cloudwatch:PutMetricData',
  'cloudwatch:GetMetricData',
  'cloudwatch:ListMetrics',
  'logs:DescribeLogGroups',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'route53:ListHostedZones',
  'route53:ListHostedZonesByName',
  'pricing:GetProducts',
  'kms:ListAliases',
  'kms:ListKeys',
  's3:ListAllMyBuckets',
  'tag:GetResources',
  'secretsmanager:ListSecrets',
  'ssm:DescribeParameters',
  'acm:ListCertificates',
];

/** A listed action, or a concrete action a listed pattern covers (ec2:DescribeInstances under ec2:Describe*). */
function isWildcardOnly(action: string): boolean {
  return WILDCARD_ONLY_ACTIONS.some(
    (listed) =>
      listed.toLowerCase() === action.toLowerCase() ||
      (!action.includes('*') && actionMatches(listed, action)),
  );
}

const adminArn = (name: string) => new RegExp(`^arn:aws[\\w-]*:iam::aws:policy/${name}$`);

function readOnlyPolicy(...statements: readonly Readonly<Record<string, unknown>>[]): Attributes {
  return { name: 'skillforge-app', policy: policyJson(...statements) };
}

const scopedRead = {
  Effect: 'Allow',
  Action: ['s3:GetObject'],
  Resource: `${ref('aws_s3_bucket', 'assets', 'arn')}/*`,
};
const describeOnly = {
  Effect: 'Allow',
  Action: ['ec2:DescribeInstances', 'ecr:GetAuthorizationToken'],
  Resource: '*',
};

const policyStack = (policy: Attributes) => ({
  aws_s3_bucket: { assets: { bucket: 'skillforge-prod-assets' } },
  aws_iam_policy: { app: policy },
});
const compliant = [fixture('scoped policy', policyStack(readOnlyPolicy(scopedRead, describeOnly)))];
const badPolicy = (name: string, statement: Readonly<Record<string, unknown>>) =>
  fixture(name, policyStack(readOnlyPolicy(scopedRead, statement)));

function actionsOrTokenProblem(actions: readonly string[]): string | undefined {
  return actions.length > 0 ? `has Action from an unresolved token: ${actions.join(', ')}` : undefined;
}

function managedPolicyRule(id: string, checkIds: readonly string[], policyName: string, why: string): Rule {
  const forbidden = adminArn(policyName);
  const attachment = (arn: string) => ({
    aws_iam_role: {
      app: {
        name: 'skillforge-app',
        assume_role_policy: policyJson({
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
      },
    },
    aws_iam_role_policy_attachment: { app: { role: ref('aws_iam_role', 'app', 'name'), policy_arn: arn } },
  });
  return {
    id,
    checkIds,
    resourceTypes: Object.keys(POLICY_ATTACHMENTS),
    severity: 'high',
    description: `The AWS-managed ${policyName} policy is never attached: ${why}`,
    check: (r) => {
      const found = attachedPolicyArns(r).filter((arn) => forbidden.test(arn));
      return found.length === 0
        ? passed(`${policyName} is not attached`)
        : failed(`attaches ${found.join(', ')}`);
    },
    good: [fixture('read-only managed policy', attachment('arn:aws:iam::aws:policy/ReadOnlyAccess'))],
    bad: [
      fixture(`${policyName} attached`, attachment(`arn:aws:iam::aws:policy/${policyName}`)),
      fixture(`${policyName} in managed_policy_arns`, {
        aws_iam_role: {
          app: change(attachment('').aws_iam_role.app, {
            managed_policy_arns: [`arn:aws:iam::aws:policy/${policyName}`],
          }),
        },
      }),
    ],
  };
}

export const iamPermissionRules: readonly Rule[] = [
  {
    id: 'iam-no-admin-statement',
    checkIds: ['CKV_AWS_62'],
    resourceTypes: PERMISSION_POLICY_TYPES,
    severity: 'critical',
    description: 'No statement allows Action "*" on Resource "*" (full administrator).',
    check: (r, ctx) =>
      judgeAllowStatements(
        r,
        ctx,
        (s) =>
          actionsOrTokenProblem(tokenActions(s)) ??
          (s.actions.includes('*') && s.resources.includes('*') ? 'allows "*" on "*"' : undefined),
        'no statement allows "*" on "*"',
      ),
    good: compliant,
    bad: [badPolicy('administrator statement', { Effect: 'Allow', Action: '*', Resource: '*' })],
  },
  {
    id: 'iam-no-wildcard-action',
    checkIds: ['CKV_AWS_63'],
    resourceTypes: PERMISSION_POLICY_TYPES,
    severity: 'high',
    description: 'No statement allows Action "*" (every action of every service), whatever the resource.',
    check: (r, ctx) =>
      judgeAllowStatements(
        r,
        ctx,
        (s) =>
          actionsOrTokenProblem(tokenActions(s)) ??
          (s.actions.includes('*') ? 'allows Action "*"' : undefined),
        'no statement allows Action "*"',
      ),
    good: compliant,
    bad: [
      badPolicy('all actions on one bucket', {
        Effect: 'Allow',
        Action: '*',
        Resource: ref('aws_s3_bucket', 'assets', 'arn'),
      }),
      badPolicy('actions from a variable', {
        Effect: 'Allow',
        Action: '${var.actions}',
        Resource: ref('aws_s3_bucket', 'assets', 'arn'),
      }),
    ],
  },
  {
    id: 'iam-no-wildcard-resource',
    checkIds: ['CKV_AWS_355'],
    resourceTypes: PERMISSION_POLICY_TYPES,
    severity: 'medium',
    description:
      'No statement allows on Resource "*" an action that can be scoped to a resource. Actions IAM only authorises ' +
      'on "*" (WILDCARD_ONLY_ACTIONS, e.g. ec2:Describe*, ecr:GetAuthorizationToken) are exempt.',
    check: (r, ctx) =>
      judgeAllowStatements(
        r,
        ctx,
        (s) => {
          if (!s.resources.includes('*')) return undefined;
          const scopable = s.actions.filter((action) => !isWildcardOnly(action));
          return scopable.length === 0 ? undefined : `allows ${scopable.join(', ')} on Resource "*"`;
        },
        'Resource "*" only for actions that cannot be scoped',
      ),
    good: compliant,
    bad: [
      badPolicy('object reads on every bucket', { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }),
      badPolicy('wildcard action on every resource', { Effect: 'Allow', Action: ['ec2:*'], Resource: '*' }),
    ],
  },
  {
    id: 'iam-no-full-iam-access',
    checkIds: ['CKV2_AWS_40'],
    resourceTypes: PERMISSION_POLICY_TYPES,
    severity: 'critical',
    description: 'No statement allows "iam:*" (or "*"): full IAM access is a path to administrator.',
    check: (r, ctx) =>
      judgeAllowStatements(
        r,
        ctx,
        (s) => {
          const full = s.actions.filter((a) => a === '*' || a.toLowerCase() === 'iam:*');
          return (
            actionsOrTokenProblem(tokenActions(s)) ??
            (full.length > 0 ? `allows ${full.join(', ')}` : undefined)
          );
        },
        'no statement allows every IAM action',
      ),
    good: compliant,
    bad: [badPolicy('full IAM access', { Effect: 'Allow', Action: ['iam:*'], Resource: '*' })],
  },
  managedPolicyRule(
    'iam-no-administrator-access',
    ['CKV_AWS_274'],
    'AdministratorAccess',
    'it grants every action on every resource.',
  ),
  managedPolicyRule(
    'iam-no-iam-full-access',
    ['CKV2_AWS_56'],
    'IAMFullAccess',
    'it lets the holder grant itself anything.',
  ),
];
