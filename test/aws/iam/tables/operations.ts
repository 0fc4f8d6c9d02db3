// Principals that are not controllers or workloads: the monthly restore drill, the CloudWatch Logs service on the
// log keys, and the people's roles for the Kubernetes API (on-call, break-glass).
import {
  BREAK_GLASS_ROLE_PURPOSE,
  clusterName,
  iamRoleName,
  mskClusterName,
  ONCALL_ROLE_PURPOSE,
  opensearchDomainName,
  postgresIdentifier,
  workloadRolePurpose,
} from '../../../../constructs/contracts';
import { restoreDrillPrefix } from '../../../../constructs/aws/grant-policies';
import type { EnvConfig } from '../../../../environments';
import { allow, arnsOf, deny, keyOf, roleOf, type PrincipalTable, type Row } from './table';

const RDS_RESTORE =
  'Amazon RDS User Guide, "Restoring a DB instance to a specified time" and "Encrypting Amazon RDS resources" (restoring an encrypted instance needs kms:CreateGrant and kms:DescribeKey on its key): https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html';
const LOGS_KMS =
  'Amazon CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS", key policy with kms:EncryptionContext:aws:logs:arn: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html';
const EKS_ACCESS =
  'Amazon EKS User Guide, "Grant IAM users access to Kubernetes with EKS access entries" (aws eks update-kubeconfig needs eks:DescribeCluster): https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html';
const MFA_TRUST =
  'IAM User Guide, "Configuring MFA-protected API access" (aws:MultiFactorAuthPresent in a trust policy): https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html';

export const backupDrill: PrincipalTable = {
  principal: 'backup-verification drill',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, workloadRolePurpose('backup-verification'))) }),
  rows: (iam, env) => {
    const arn = arnsOf(env);
    const postgres = keyOf(iam, `alias/skillforge-${env.name}-postgres`);
    const secrets = keyOf(iam, `alias/skillforge-${env.name}-secrets`);
    const drill = `${restoreDrillPrefix(env)}-20261201`;
    const grantContext = (alias: string) => ({
      'kms:ViaService': `rds.${env.aws.region}.amazonaws.com`,
      'kms:GrantIsForAWSResource': 'true',
      'kms:ResourceAliases': [alias],
    });
    return [
      allow({
        says: 'restores the primary to a point in time into a drill instance',
        action: 'rds:RestoreDBInstanceToPointInTime',
        resource: arn.rds('db', drill),
        source: RDS_RESTORE,
      }),
      allow({
        says: 'lets RDS use the PostgreSQL key for the restored instance (CreateGrant)',
        action: 'kms:CreateGrant',
        resource: postgres.arn,
        context: grantContext(`alias/skillforge-${env.name}-postgres`),
        against: postgres.policy,
        source: RDS_RESTORE,
      }),
      allow({
        says: 'describes the PostgreSQL key',
        action: 'kms:DescribeKey',
        resource: postgres.arn,
        context: {
          'kms:ViaService': `rds.${env.aws.region}.amazonaws.com`,
          'kms:ResourceAliases': [`alias/skillforge-${env.name}-postgres`],
        },
        against: postgres.policy,
        source: RDS_RESTORE,
      }),
      allow({
        says: 'deletes the drill instance',
        action: 'rds:DeleteDBInstance',
        resource: arn.rds('db', drill),
        source: RDS_RESTORE,
      }),
      deny({
        says: 'deletes the primary',
        action: 'rds:DeleteDBInstance',
        resource: arn.rds('db', postgresIdentifier(env)),
        source: RDS_RESTORE,
      }),
      deny({
        says: 'creates a grant on another key',
        action: 'kms:CreateGrant',
        resource: secrets.arn,
        context: grantContext(`alias/skillforge-${env.name}-secrets`),
        against: secrets.policy,
        source: RDS_RESTORE,
      }),
      deny({
        says: 'decrypts with the PostgreSQL key',
        action: 'kms:Decrypt',
        resource: postgres.arn,
        against: postgres.policy,
        source: RDS_RESTORE,
      }),
    ];
  },
};

/** The log keys and a log group each must (and one it must not) encrypt for. */
const logKeys = (env: EnvConfig): { purpose: string; group: string }[] => [
  { purpose: 'eks-logs', group: `/aws/eks/${clusterName(env)}/cluster` },
  { purpose: 'flow-logs', group: `/skillforge/${env.name}/vpc-flow-logs` },
  { purpose: 'data-logs', group: `/aws/rds/instance/${postgresIdentifier(env)}/postgresql` },
  { purpose: 'data-logs', group: `/aws/opensearch/${opensearchDomainName(env)}/audit_logs` },
  { purpose: 'data-logs', group: `/aws/msk/${mskClusterName(env)}/brokers` },
];

export const cloudwatchLogs: PrincipalTable = {
  principal: 'CloudWatch Logs on the log keys',
  caller: (_iam, env) => ({ principal: `logs.${env.aws.region}.amazonaws.com` }),
  rows: (iam, env) => {
    const arn = arnsOf(env);
    return logKeys(env).flatMap(({ purpose, group }): Row[] => {
      const key = keyOf(iam, `alias/skillforge-${env.name}-${purpose}`);
      const context = (name: string) => ({ 'kms:EncryptionContext:aws:logs:arn': arn.logGroup(name) });
      return [
        allow({
          says: `encrypts ${group} with ${purpose}`,
          action: 'kms:GenerateDataKey',
          resource: key.arn,
          context: context(group),
          against: key.policy,
          source: LOGS_KMS,
        }),
        allow({
          says: `decrypts ${group} with ${purpose}`,
          action: 'kms:Decrypt',
          resource: key.arn,
          context: context(group),
          against: key.policy,
          source: LOGS_KMS,
        }),
        deny({
          says: `encrypts a foreign log group with ${purpose}`,
          action: 'kms:GenerateDataKey',
          resource: key.arn,
          context: context('/aws/lambda/someone-else'),
          against: key.policy,
          source: LOGS_KMS,
        }),
      ];
    });
  },
};

function peopleRole(label: string, purpose: string, mfa: boolean): PrincipalTable[] {
  const name = (env: EnvConfig) => iamRoleName(env, purpose);
  const cluster = (env: EnvConfig) =>
    `arn:aws:eks:${env.aws.region}:${env.aws.accountId}:cluster/${clusterName(env)}`;
  return [
    {
      principal: `${label} role`,
      caller: (iam, env) => ({ role: roleOf(iam, name(env)) }),
      rows: (_iam, env) => [
        allow({
          says: 'writes its kubeconfig',
          action: 'eks:DescribeCluster',
          resource: cluster(env),
          source: EKS_ACCESS,
        }),
        deny({
          says: 'deletes the cluster',
          action: 'eks:DeleteCluster',
          resource: cluster(env),
          source: EKS_ACCESS,
        }),
        deny({
          says: 'changes access entries',
          action: 'eks:CreateAccessEntry',
          resource: cluster(env),
          source: EKS_ACCESS,
        }),
      ],
    },
    {
      principal: `${label} role trust`,
      // A person's SSO role whose permission set lets it assume the cluster roles (their own permissions decide).
      caller: (_iam, env) => ({
        principal: `arn:aws:iam::${env.aws.accountId}:role/AWSReservedSSO_PlatformAdmin_0123456789abcdef`,
        identity: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Resource: `arn:aws:iam::${env.aws.accountId}:role/skillforge-${env.name}-eks-*`,
            },
          ],
        },
      }),
      rows: (iam, env) => {
        const role = roleOf(iam, name(env));
        const rows = [
          allow({
            says: 'a person of the account assumes it' + (mfa ? ' with MFA' : ''),
            action: 'sts:AssumeRole',
            resource: role.arn,
            context: mfa ? { 'aws:MultiFactorAuthPresent': 'true' } : {},
            against: role.trust,
            source: mfa ? MFA_TRUST : EKS_ACCESS,
          }),
        ];
        if (mfa) {
          rows.push(
            deny({
              says: 'a person without MFA assumes it',
              action: 'sts:AssumeRole',
              resource: role.arn,
              context: { 'aws:MultiFactorAuthPresent': 'false' },
              against: role.trust,
              source: MFA_TRUST,
            }),
          );
        } else {
          rows.push(
            deny({
              says: 'a role of another account assumes it',
              action: 'sts:AssumeRole',
              resource: role.arn,
              against: role.trust,
              source: EKS_ACCESS,
              as: 'arn:aws:iam::999999999999:role/outsider',
            }),
          );
        }
        return rows;
      },
    },
  ];
}

export const accessRoles: PrincipalTable[] = [
  ...peopleRole('on-call (read-only Kubernetes)', ONCALL_ROLE_PURPOSE, false),
  ...peopleRole('break-glass', BREAK_GLASS_ROLE_PURPOSE, true),
];

const ROTATION =
  'AWS Secrets Manager User Guide, "Permissions for rotation Lambda functions" (the function may read and stage only the secret it rotates, and read the master secret): https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets-required-permissions-function.html';

export const postgresRotation: PrincipalTable = {
  principal: 'PostgreSQL rotation function',
  caller: (iam, env) => ({ role: roleOf(iam, iamRoleName(env, 'postgres-rotation')) }),
  rows: (iam, env) => {
    const arn = arnsOf(env);
    const app = arn.secret(`skillforge/${env.name}/postgres/app`);
    const master = `arn:aws:secretsmanager:${env.aws.region}:${env.aws.accountId}:secret:rds!db-simulated-postgres_primary-AbCdEf`;
    const key = keyOf(iam, `alias/skillforge-${env.name}-secrets`);
    const via = { 'kms:ViaService': `secretsmanager.${env.aws.region}.amazonaws.com` };
    return [
      allow({
        says: 'stages a new version of the application secret',
        action: 'secretsmanager:PutSecretValue',
        resource: app,
        source: ROTATION,
      }),
      allow({
        says: 'moves AWSCURRENT',
        action: 'secretsmanager:UpdateSecretVersionStage',
        resource: app,
        source: ROTATION,
      }),
      allow({
        says: 'reads the RDS-managed master secret',
        action: 'secretsmanager:GetSecretValue',
        resource: master,
        source: ROTATION,
      }),
      allow({
        says: 'encrypts the new version through Secrets Manager',
        action: 'kms:GenerateDataKey',
        resource: key.arn,
        context: via,
        against: key.policy,
        source: ROTATION,
      }),
      deny({
        says: 'reads the PagerDuty key',
        action: 'secretsmanager:GetSecretValue',
        resource: arn.secret(`skillforge/${env.name}/pagerduty/p1-routing-key`),
        source: ROTATION,
      }),
      deny({
        says: 'writes the master secret',
        action: 'secretsmanager:PutSecretValue',
        resource: master,
        source: ROTATION,
      }),
      deny({
        says: 'decrypts with the key directly',
        action: 'kms:Decrypt',
        resource: key.arn,
        against: key.policy,
        source: ROTATION,
      }),
    ];
  },
};
