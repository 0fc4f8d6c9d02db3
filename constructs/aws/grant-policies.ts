// Least-privilege IAM statements for each Grant of constructs/contracts/identities.ts. Every resource is named from
// the model (bucket names, secret prefixes, store identifiers are deterministic), so a role never depends on
// another stack's state. Resource "*" appears only for actions IAM cannot scope (List*/Describe*) and for the
// load-balancer controller, whose published policy (constructs/aws/upstream/) scopes writes by tag condition.
import type { EnvConfig } from '../../environments';
import {
  awsAccessBuckets,
  bucketName,
  endpointSecretPath,
  iamRoleArn,
  kafkaTopicPrefix,
  kmsAliasName,
  POSTGRES_KEY_PURPOSE,
  mskClusterName,
  opensearchDomainName,
  postgresIdentifier,
  redisReplicationGroupId,
  redisUserName,
  secretName,
  type Grant,
} from '../contracts';
import type { PolicyStatement } from './secure-bucket';
import { karpenterControllerStatements } from './karpenter-policy';
import { loadBalancerControllerStatements } from './upstream-policies';

/** Role the OpenSearch service assumes to write snapshots into the snapshot bucket (created in <env>-data). */
export const opensearchSnapshotServiceRole = 'opensearch-snapshot-repository';
/** Prefix of the throwaway instances the monthly restore drill creates and deletes (runbook §3.3). */
export const restoreDrillPrefix = (env: EnvConfig): string => `${postgresIdentifier(env)}-drill`;

const allow = (
  actions: string[],
  resources: string[],
  condition?: PolicyStatement['condition'],
): PolicyStatement => ({
  effect: 'Allow',
  principals: [],
  actions,
  resources,
  condition,
});

function arns(env: EnvConfig) {
  const { region, accountId } = env.aws;
  return {
    bucket: (name: string) => `arn:aws:s3:::${name}`,
    anyKey: `arn:aws:kms:${region}:${accountId}:key/*`,
    secrets: `arn:aws:secretsmanager:${region}:${accountId}:secret:skillforge/${env.name}/*`,
    rds: (type: string, name: string) => `arn:aws:rds:${region}:${accountId}:${type}:${name}`,
    domain: `arn:aws:es:${region}:${accountId}:domain/${opensearchDomainName(env)}`,
    kafka: (type: string, rest: string) =>
      `arn:aws:kafka:${region}:${accountId}:${type}/${mskClusterName(env)}/${rest}`,
  };
}

/** Decrypt/encrypt through one service only: the key is usable by the role solely via S3 or Secrets Manager. */
function keyViaService(env: EnvConfig, service: 's3' | 'secretsmanager', actions: string[]): PolicyStatement {
  return allow(
    actions,
    [arns(env).anyKey],
    [
      {
        test: 'StringEquals',
        variable: 'kms:ViaService',
        values: [`${service}.${env.aws.region}.amazonaws.com`],
      },
    ],
  );
}

function bucketAccess(env: EnvConfig, name: string, write: boolean): PolicyStatement[] {
  const bucket = arns(env).bucket(name);
  return [
    allow(['s3:ListBucket', 's3:GetBucketLocation'], [bucket]),
    allow(write ? ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] : ['s3:GetObject'], [`${bucket}/*`]),
    keyViaService(env, 's3', write ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt']),
  ];
}

export function grantStatements(env: EnvConfig, grant: Grant): PolicyStatement[] {
  const arn = arns(env);
  switch (grant.kind) {
    case 'read-secrets':
      return [
        allow(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], [arn.secrets]),
        keyViaService(env, 'secretsmanager', ['kms:Decrypt']),
      ];
    case 'manage-dns-records':
      return [
        allow(
          [
            'route53:ChangeResourceRecordSets',
            'route53:ListResourceRecordSets',
            'route53:ListTagsForResource',
          ],
          ['arn:aws:route53:::hostedzone/*'],
        ),
        allow(['route53:ListHostedZones'], ['*']),
      ];
    case 'dns01-challenge':
      return [
        allow(['route53:GetChange'], ['arn:aws:route53:::change/*']),
        // The record-type condition only exists on ChangeResourceRecordSets; on ListResourceRecordSets it would be
        // a key the action never sends (test/aws/iam/iam-data.test.ts).
        allow(['route53:ListResourceRecordSets'], ['arn:aws:route53:::hostedzone/*']),
        allow(
          ['route53:ChangeResourceRecordSets'],
          ['arn:aws:route53:::hostedzone/*'],
          [
            {
              test: 'ForAllValues:StringEquals',
              variable: 'route53:ChangeResourceRecordSetsRecordTypes',
              values: ['TXT'],
            },
          ],
        ),
        // cert-manager finds the zone of a domain by name (cert-manager docs, "Route53", IAM policy).
        allow(['route53:ListHostedZonesByName'], ['*']),
      ];
    case 'load-balancer-controller':
      return loadBalancerControllerStatements();
    case 'karpenter':
      return karpenterControllerStatements(env);
    case 'ebs-csi-driver':
      // Attached as the AWS-managed AmazonEBSCSIDriverPolicy (see IrsaRoles): AWS keeps it current with the driver.
      return [];
    case 'telemetry-storage':
      return bucketAccess(env, bucketName(env, 'telemetry'), true);
    case 'cloudwatch-metrics-read':
      return [allow(['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics', 'tag:GetResources'], ['*'])];
    case 'workload':
      return workloadStatements(env, grant.access);
    case 'data-store':
      return dataStoreStatements(env, grant.store);
  }
}

function workloadStatements(
  env: EnvConfig,
  access: Extract<Grant, { kind: 'workload' }>['access'],
): PolicyStatement[] {
  const arn = arns(env);
  if (access === 'rds-snapshots') {
    const drill = `${restoreDrillPrefix(env)}*`;
    return [
      allow(
        ['rds:DescribeDBInstances', 'rds:DescribeDBSnapshots'],
        [arn.rds('db', postgresIdentifier(env)), arn.rds('db', drill), arn.rds('snapshot', '*')],
      ),
      allow(
        ['rds:RestoreDBInstanceToPointInTime', 'rds:AddTagsToResource'],
        [
          arn.rds('db', postgresIdentifier(env)),
          arn.rds('db', drill),
          arn.rds('subgrp', '*'),
          arn.rds('pg', '*'),
          arn.rds('og', '*'),
        ],
      ),
      allow(['rds:DeleteDBInstance', 'rds:ModifyDBInstance'], [arn.rds('db', drill)]),
      // Restoring an encrypted instance: RDS creates a grant on the source's key on the caller's behalf and
      // describes it ("Amazon RDS: Overview of encrypting resources", key permissions for restores), so the
      // caller needs both, through RDS only and on the PostgreSQL key only (matched by its alias).
      allow(
        ['kms:CreateGrant', 'kms:DescribeKey'],
        [arn.anyKey],
        [
          {
            test: 'StringEquals',
            variable: 'kms:ViaService',
            values: [`rds.${env.aws.region}.amazonaws.com`],
          },
          {
            test: 'ForAnyValue:StringEquals',
            variable: 'kms:ResourceAliases',
            values: [kmsAliasName(env, POSTGRES_KEY_PURPOSE)],
          },
        ],
      ),
    ];
  }
  const purpose = awsAccessBuckets[access];
  if (purpose === undefined) throw new Error(`no bucket for ${access}`);
  const statements = bucketAccess(env, bucketName(env, purpose), access !== 's3-assets');
  if (access !== 'opensearch-snapshots') return statements;
  // Registering the snapshot repository passes the service role to OpenSearch (runbook §3.3 nightly snapshot).
  return [
    ...statements,
    allow(
      ['iam:PassRole'],
      [iamRoleArn(env, opensearchSnapshotServiceRole)],
      [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['es.amazonaws.com'] }],
    ),
    allow(['es:ESHttpGet', 'es:ESHttpPut', 'es:ESHttpPost'], [`${arn.domain}/_snapshot*`]),
  ];
}

/** The store's published native endpoint (store-endpoints.ts), read through Secrets Manager only. */
function endpointStatements(env: EnvConfig, store: Extract<Grant, { kind: 'data-store' }>['store']) {
  const { region, accountId } = env.aws;
  return [
    allow(
      ['secretsmanager:GetSecretValue'],
      [
        `arn:aws:secretsmanager:${region}:${accountId}:secret:${secretName(env, endpointSecretPath(store))}-*`,
      ],
    ),
    keyViaService(env, 'secretsmanager', ['kms:Decrypt']),
  ];
}

function dataStoreStatements(
  env: EnvConfig,
  store: Extract<Grant, { kind: 'data-store' }>['store'],
): PolicyStatement[] {
  return [...endpointStatements(env, store), ...storeAccessStatements(env, store)];
}

function storeAccessStatements(
  env: EnvConfig,
  store: Extract<Grant, { kind: 'data-store' }>['store'],
): PolicyStatement[] {
  const arn = arns(env);
  const { region, accountId } = env.aws;
  switch (store) {
    case 'redis':
      return [
        allow(
          ['elasticache:Connect'],
          [
            `arn:aws:elasticache:${region}:${accountId}:replicationgroup:${redisReplicationGroupId(env)}`,
            `arn:aws:elasticache:${region}:${accountId}:user:${redisUserName(env)}`,
          ],
        ),
      ];
    case 'opensearch':
      return [
        allow(
          ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
          [`${arn.domain}/*`],
        ),
      ];
    case 'kafka': {
      const prefix = kafkaTopicPrefix(env);
      return [
        allow(['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], [arn.kafka('cluster', '*')]),
        allow(
          [
            'kafka-cluster:DescribeTopic',
            'kafka-cluster:ReadData',
            'kafka-cluster:WriteData',
            'kafka-cluster:CreateTopic',
          ],
          [arn.kafka('topic', `*/${prefix}*`)],
        ),
        allow(
          ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
          [arn.kafka('group', `*/${prefix}*`)],
        ),
      ];
    }
  }
}
