// The two GitHub Actions roles of <env>-bootstrap: the deploy role (writes the environment, may not escalate) and
// the read-only plan role of pull requests (reads what a plan refreshes, writes nothing).
import {
  CI_ROLE_PURPOSE,
  iamRoleName,
  permissionsBoundaryArn,
  PLAN_ROLE_PURPOSE,
  resourcePrefix,
  stateBucketName,
  stateKey,
} from '../../../../constructs/contracts';
import type { EnvConfig } from '../../../../environments';
import {
  allow,
  arnsOf,
  bucketPolicyOf,
  deny,
  keyOf,
  OVER_TLS,
  roleOf,
  type PrincipalTable,
  type Row,
} from './table';

const BOUNDARIES =
  'IAM User Guide, "Permissions boundaries for IAM entities", delegating responsibility with a boundary: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html#access_policies_boundaries-delegate';
const S3_BACKEND =
  'Terraform, "Backend Type: s3", permissions required (state, lock file, KMS): https://developer.hashicorp.com/terraform/language/backend/s3#permissions-required';
const PASS_ROLE =
  'IAM User Guide, "Grant a user permissions to pass a role to an AWS service": https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';
const GITHUB_OIDC =
  'GitHub Docs, "OpenID Connect reference", example subject claims (environment, pull_request): https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims';
const POWER_USER =
  'AWS Managed Policy Reference, "PowerUserAccess": https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html';
const PLAN_READS =
  'Terraform, "Command: plan" (refresh reads every managed object) with the Service Authorization Reference read actions: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

function stateRows(env: EnvConfig, iam: Parameters<PrincipalTable['rows']>[0], write: boolean): Row[] {
  const bucket = stateBucketName(env);
  const object = arnsOf(env).object(bucket, stateKey(`${env.name}-data`));
  const policy = bucketPolicyOf(iam, bucket);
  const key = keyOf(iam, `alias/skillforge-${env.name}-tfstate`);
  const viaS3 = { 'kms:ViaService': `s3.${env.aws.region}.amazonaws.com` };
  const write_ = write ? allow : deny;
  return [
    allow({
      says: 'reads the data layer state',
      action: 's3:GetObject',
      resource: object,
      context: OVER_TLS,
      against: policy,
      source: S3_BACKEND,
    }),
    allow({
      says: 'decrypts state with the state key through S3',
      action: 'kms:Decrypt',
      resource: key.arn,
      context: viaS3,
      against: key.policy,
      source: S3_BACKEND,
    }),
    write_({
      says: 'writes the state',
      action: 's3:PutObject',
      resource: object,
      context: OVER_TLS,
      against: policy,
      source: S3_BACKEND,
    }),
    write_({
      says: 'writes the lock file',
      action: 's3:PutObject',
      resource: `${object}.tflock`,
      context: OVER_TLS,
      against: policy,
      source: S3_BACKEND,
    }),
    write_({
      says: 'encrypts new state with the state key',
      action: 'kms:GenerateDataKey',
      resource: key.arn,
      context: viaS3,
      against: key.policy,
      source: S3_BACKEND,
    }),
    deny({
      says: 'reads state over plain HTTP',
      action: 's3:GetObject',
      resource: object,
      context: { 'aws:SecureTransport': 'false' },
      against: policy,
      source:
        'Amazon S3 User Guide, "Security best practices", enforce encryption in transit: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
    }),
  ];
}

export const deployRole: PrincipalTable = {
  principal: 'GitHub deploy role',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, CI_ROLE_PURPOSE)) }),
  rows: (iam, env) => {
    const arn = arnsOf(env);
    const self = arn.role(iamRoleName(env, CI_ROLE_PURPOSE));
    const projectRole = arn.role(`${resourcePrefix(env)}-workload-example`);
    const boundary = { 'iam:PermissionsBoundary': permissionsBoundaryArn(env) };
    const admin = { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' };
    return [
      ...stateRows(env, iam, true),
      allow({
        says: 'creates a project role that carries the boundary',
        action: 'iam:CreateRole',
        resource: projectRole,
        context: boundary,
        source: BOUNDARIES,
      }),
      allow({
        says: 'attaches a policy to a bounded project role',
        action: 'iam:AttachRolePolicy',
        resource: projectRole,
        context: { ...boundary, 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy' },
        source: BOUNDARIES,
      }),
      allow({
        says: 'passes a project role to EKS',
        action: 'iam:PassRole',
        resource: projectRole,
        context: { 'iam:PassedToService': 'eks.amazonaws.com' },
        source: PASS_ROLE,
      }),
      allow({
        says: 'creates the cluster OIDC provider',
        action: 'iam:CreateOpenIDConnectProvider',
        resource: `arn:aws:iam::${env.aws.accountId}:oidc-provider/oidc.eks.${env.aws.region}.amazonaws.com/id/ABC`,
        source:
          'Amazon EKS User Guide, "Create an IAM OIDC provider for your cluster": https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html',
      }),
      allow({
        says: 'creates VPCs and everything outside IAM',
        action: 'ec2:CreateVpc',
        resource: arn.ec2('vpc', '*'),
        source: POWER_USER,
      }),
      deny({
        says: 'attaches AdministratorAccess to itself',
        action: 'iam:AttachRolePolicy',
        resource: self,
        context: admin,
        source: BOUNDARIES,
      }),
      deny({
        says: 'writes an inline policy on itself',
        action: 'iam:PutRolePolicy',
        resource: self,
        source: BOUNDARIES,
      }),
      deny({
        says: 'widens its own trust',
        action: 'iam:UpdateAssumeRolePolicy',
        resource: self,
        source: BOUNDARIES,
      }),
      deny({
        says: 'creates a role without the boundary',
        action: 'iam:CreateRole',
        resource: projectRole,
        source: BOUNDARIES,
      }),
      deny({
        says: 'creates a role with another boundary',
        action: 'iam:CreateRole',
        resource: projectRole,
        context: { 'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/AdministratorAccess' },
        source: BOUNDARIES,
      }),
      deny({
        says: 'attaches AdministratorAccess to a role without the boundary',
        action: 'iam:AttachRolePolicy',
        resource: projectRole,
        context: admin,
        source: BOUNDARIES,
      }),
      deny({
        says: 'edits the boundary',
        action: 'iam:CreatePolicyVersion',
        resource: permissionsBoundaryArn(env),
        source: BOUNDARIES,
      }),
      deny({
        says: "removes a role's boundary",
        action: 'iam:DeleteRolePermissionsBoundary',
        resource: projectRole,
        context: boundary,
        source: BOUNDARIES,
      }),
      deny({
        says: 'edits the plan role',
        action: 'iam:PutRolePolicy',
        resource: arn.role(iamRoleName(env, PLAN_ROLE_PURPOSE)),
        context: boundary,
        source: BOUNDARIES,
      }),
      deny({
        says: 'passes a role outside the project',
        action: 'iam:PassRole',
        resource: arn.role('OrganizationAccountAccessRole'),
        context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
        source: PASS_ROLE,
      }),
      deny({
        says: 'creates an IAM user',
        action: 'iam:CreateUser',
        resource: `arn:aws:iam::${env.aws.accountId}:user/intruder`,
        source: POWER_USER,
      }),
    ];
  },
};

export const planRole: PrincipalTable = {
  principal: 'read-only plan role',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, PLAN_ROLE_PURPOSE)) }),
  rows: (iam, env) => {
    const arn = arnsOf(env);
    return [
      ...stateRows(env, iam, false),
      allow({ says: 'describes the VPC', action: 'ec2:DescribeVpcs', resource: '*', source: PLAN_READS }),
      allow({
        says: 'reads a role',
        action: 'iam:GetRole',
        resource: arn.role(`${resourcePrefix(env)}-eks-cluster`),
        source: PLAN_READS,
      }),
      allow({
        says: 'reads a key policy',
        action: 'kms:GetKeyPolicy',
        resource: keyOf(iam, `alias/skillforge-${env.name}-eks-secrets`).arn,
        against: keyOf(iam, `alias/skillforge-${env.name}-eks-secrets`).policy,
        source: PLAN_READS,
      }),
      allow({
        says: 'describes the database',
        action: 'rds:DescribeDBInstances',
        resource: arn.rds('db', `${resourcePrefix(env)}-postgres`),
        source: PLAN_READS,
      }),
      deny({
        says: 'creates a role',
        action: 'iam:CreateRole',
        resource: arn.role(`${resourcePrefix(env)}-x`),
        source: PLAN_READS,
      }),
      deny({
        says: 'launches an instance',
        action: 'ec2:RunInstances',
        resource: arn.ec2('instance', '*'),
        source: PLAN_READS,
      }),
      deny({
        says: 'schedules a key deletion',
        action: 'kms:ScheduleKeyDeletion',
        resource: keyOf(iam, `alias/skillforge-${env.name}-tfstate`).arn,
        against: keyOf(iam, `alias/skillforge-${env.name}-tfstate`).policy,
        source: PLAN_READS,
      }),
      deny({
        says: 'reads a secret value',
        action: 'secretsmanager:GetSecretValue',
        resource: arn.secret(`skillforge/${env.name}/postgres/app`),
        source: PLAN_READS,
      }),
      deny({
        says: 'reads an object of a data bucket',
        action: 's3:GetObject',
        resource: arn.object(`skillforge-${env.name}-backups-${env.aws.accountId}`, 'dump.sql'),
        source: PLAN_READS,
      }),
      deny({
        says: 'reads an instance password',
        action: 'ec2:GetPasswordData',
        resource: arn.ec2('instance', 'i-0123456789abcdef0'),
        source: PLAN_READS,
      }),
    ];
  },
};

/** Who may assume the CI roles: GitHub's OIDC provider, for exactly one subject each. */
export const githubTrust: PrincipalTable = {
  principal: 'GitHub OIDC subjects (CI role trust)',
  caller: (_iam, env) => ({
    principal: `arn:aws:iam::${env.aws.accountId}:oidc-provider/token.actions.githubusercontent.com`,
  }),
  rows: (iam, env) => {
    const deployRole = roleOf(iam, iamRoleName(env, CI_ROLE_PURPOSE));
    const planRole_ = roleOf(iam, iamRoleName(env, PLAN_ROLE_PURPOSE));
    const claims = (sub: string) => ({
      'token.actions.githubusercontent.com:sub': sub,
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    });
    const repo = env.ci.githubRepository;
    const assume = 'sts:AssumeRoleWithWebIdentity';
    return [
      allow({
        says: 'a job in the environment assumes the deploy role',
        action: assume,
        resource: deployRole.arn,
        context: claims(`repo:${repo}:environment:${env.ci.githubEnvironment}`),
        against: deployRole.trust,
        source: GITHUB_OIDC,
      }),
      allow({
        says: 'a pull request assumes the plan role',
        action: assume,
        resource: planRole_.arn,
        context: claims(`repo:${repo}:pull_request`),
        against: planRole_.trust,
        source: GITHUB_OIDC,
      }),
      deny({
        says: 'a pull request assumes the deploy role',
        action: assume,
        resource: deployRole.arn,
        context: claims(`repo:${repo}:pull_request`),
        against: deployRole.trust,
        source: GITHUB_OIDC,
      }),
      deny({
        says: 'a job in the environment assumes the plan role',
        action: assume,
        resource: planRole_.arn,
        context: claims(`repo:${repo}:environment:${env.ci.githubEnvironment}`),
        against: planRole_.trust,
        source: GITHUB_OIDC,
      }),
      deny({
        says: 'another repository assumes the deploy role',
        action: assume,
        resource: deployRole.arn,
        context: claims(`repo:someone/fork:environment:${env.ci.githubEnvironment}`),
        against: deployRole.trust,
        source: GITHUB_OIDC,
      }),
    ];
  },
};
