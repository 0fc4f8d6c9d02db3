// The IRSA roles of workloads and of the storage-using controllers, one table per binding, built from the grants
// the model gives it (constructs/contracts/identities.ts): what the grant promises is allowed; a neighbour's data,
// the Terraform state and Secrets Manager (secrets reach a namespace only through External Secrets) are denied.
import {
  awsAccessBuckets,
  bucketName,
  endpointSecretPath,
  irsaBindings,
  kafkaTopicPrefix,
  mskClusterName,
  opensearchDomainName,
  redisReplicationGroupId,
  redisUserName,
  secretName,
  stateBucketName,
  type Grant,
  type IrsaBinding,
} from '../../../../constructs/contracts';
import type { EnvConfig } from '../../../../environments';
import { allow, arnsOf, deny, roleOf, type PrincipalTable, type Row } from './table';

const S3_IAM =
  'Amazon S3 User Guide, "Policy actions for Amazon S3" (object operations need the object ARN): https://docs.aws.amazon.com/AmazonS3/latest/userguide/security_iam_service-with-iam.html';
const ELASTICACHE_IAM =
  'Amazon ElastiCache User Guide, "Authenticating with IAM" (elasticache:Connect on the replication group and user): https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html';
const OPENSEARCH_IAM =
  'Amazon OpenSearch Service Developer Guide, "Identity and Access Management" (es:ESHttp* on domain paths): https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html';
const MSK_IAM =
  'Amazon MSK Developer Guide, "IAM access control" (kafka-cluster actions on cluster, topic and group ARNs): https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html';
const CLOUDWATCH =
  'Amazon CloudWatch User Guide, "CloudWatch permissions reference" (GetMetricData takes Resource "*"): https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/permissions-reference-cw.html';
const SNAPSHOT_REPOSITORY =
  'Amazon OpenSearch Service Developer Guide, "Registering a manual snapshot repository" (iam:PassRole of the snapshot role): https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-snapshots.html#managedomains-snapshot-registerdirectory';
const PUBLISHED_ENDPOINT =
  'AWS Secrets Manager User Guide, "Retrieve secrets" (GetSecretValue on the secret ARN); the endpoint secret of constructs/aws/store-endpoints.ts: https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html';
const EXTERNAL_SECRETS_ONLY =
  'External Secrets Operator docs, "AWS Secrets Manager" (the operator, not the workload, reads Secrets Manager): https://external-secrets.io/latest/provider/aws-secrets-manager/';

function grantRows(env: EnvConfig, grant: Grant): Row[] {
  const arn = arnsOf(env);
  const { region, accountId } = env.aws;
  const bucketRows = (bucket: string, write: boolean): Row[] => [
    allow({
      says: `reads ${bucket}`,
      action: 's3:GetObject',
      resource: arn.object(bucket, 'a/b'),
      source: S3_IAM,
    }),
    (write ? allow : deny)({
      says: `writes ${bucket}`,
      action: 's3:PutObject',
      resource: arn.object(bucket, 'a/b'),
      source: S3_IAM,
    }),
  ];
  switch (grant.kind) {
    case 'telemetry-storage':
      return bucketRows(bucketName(env, 'telemetry'), true);
    case 'cloudwatch-metrics-read':
      return [
        allow({
          says: 'reads CloudWatch metrics',
          action: 'cloudwatch:GetMetricData',
          resource: '*',
          source: CLOUDWATCH,
        }),
        deny({
          says: 'deletes an alarm',
          action: 'cloudwatch:DeleteAlarms',
          resource: `arn:aws:cloudwatch:${region}:${accountId}:alarm:x`,
          source: CLOUDWATCH,
        }),
      ];
    case 'workload': {
      const purpose = awsAccessBuckets[grant.access];
      if (purpose === undefined) return [];
      const rows = bucketRows(bucketName(env, purpose), grant.access !== 's3-assets');
      if (grant.access !== 'opensearch-snapshots') return rows;
      return [
        ...rows,
        allow({
          says: 'passes the snapshot role to OpenSearch',
          action: 'iam:PassRole',
          resource: arn.role(`skillforge-${env.name}-opensearch-snapshot-repository`),
          context: { 'iam:PassedToService': 'es.amazonaws.com' },
          source: SNAPSHOT_REPOSITORY,
        }),
        deny({
          says: 'passes the snapshot role to another service',
          action: 'iam:PassRole',
          resource: arn.role(`skillforge-${env.name}-opensearch-snapshot-repository`),
          context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
          source: SNAPSHOT_REPOSITORY,
        }),
      ];
    }
    case 'data-store':
      return [
        allow({
          says: `reads the published ${grant.store} endpoint`,
          action: 'secretsmanager:GetSecretValue',
          resource: arn.secret(secretName(env, endpointSecretPath(grant.store))),
          source: PUBLISHED_ENDPOINT,
        }),
        ...storeRows(env, grant.store),
      ];
    default:
      return [];
  }
}

function storeRows(env: EnvConfig, store: Extract<Grant, { kind: 'data-store' }>['store']): Row[] {
  const { region, accountId } = env.aws;
  switch (store) {
    case 'redis':
      return [
        allow({
          says: 'connects to Redis as the app user',
          action: 'elasticache:Connect',
          resource: `arn:aws:elasticache:${region}:${accountId}:user:${redisUserName(env)}`,
          source: ELASTICACHE_IAM,
        }),
        allow({
          says: 'connects to the replication group',
          action: 'elasticache:Connect',
          resource: `arn:aws:elasticache:${region}:${accountId}:replicationgroup:${redisReplicationGroupId(env)}`,
          source: ELASTICACHE_IAM,
        }),
        deny({
          says: 'deletes the replication group',
          action: 'elasticache:DeleteReplicationGroup',
          resource: `arn:aws:elasticache:${region}:${accountId}:replicationgroup:${redisReplicationGroupId(env)}`,
          source: ELASTICACHE_IAM,
        }),
      ];
    case 'opensearch':
      return [
        allow({
          says: 'searches the domain',
          action: 'es:ESHttpGet',
          resource: `arn:aws:es:${region}:${accountId}:domain/${opensearchDomainName(env)}/occupations/_search`,
          source: OPENSEARCH_IAM,
        }),
        deny({
          says: 'deletes the domain',
          action: 'es:DeleteDomain',
          resource: `arn:aws:es:${region}:${accountId}:domain/${opensearchDomainName(env)}`,
          source: OPENSEARCH_IAM,
        }),
      ];
    case 'kafka': {
      const topic = (name: string) =>
        `arn:aws:kafka:${region}:${accountId}:topic/${mskClusterName(env)}/abc-123/${name}`;
      return [
        allow({
          says: 'connects to MSK',
          action: 'kafka-cluster:Connect',
          resource: `arn:aws:kafka:${region}:${accountId}:cluster/${mskClusterName(env)}/abc-123`,
          source: MSK_IAM,
        }),
        allow({
          says: 'writes its topics',
          action: 'kafka-cluster:WriteData',
          resource: topic(`${kafkaTopicPrefix(env)}events`),
          source: MSK_IAM,
        }),
        deny({
          says: 'writes a topic outside the prefix',
          action: 'kafka-cluster:WriteData',
          resource: topic('other.events'),
          source: MSK_IAM,
        }),
      ];
    }
  }
}

function bindingRows(env: EnvConfig, binding: IrsaBinding): Row[] {
  const arn = arnsOf(env);
  return [
    ...binding.grants.flatMap((grant) => grantRows(env, grant)),
    deny({
      says: "reads a namespace's secret from Secrets Manager directly",
      action: 'secretsmanager:GetSecretValue',
      resource: arn.secret(secretName(env, 'postgres/app')),
      source: EXTERNAL_SECRETS_ONLY,
    }),
    deny({
      says: 'reads the Terraform state',
      action: 's3:GetObject',
      resource: arn.object(stateBucketName(env), `${env.name}-data/terraform.tfstate`),
      source: S3_IAM,
    }),
  ];
}

/** Bindings that get a generated table: workloads and the storage/metrics controllers. */
const GENERATED_KINDS: readonly Grant['kind'][] = [
  'workload',
  'data-store',
  'telemetry-storage',
  'cloudwatch-metrics-read',
];

/** One table per binding of every environment (a binding missing in an environment skips it there). */
export function workloadTables(envs: readonly EnvConfig[]): PrincipalTable[] {
  const purposes = new Set(
    envs.flatMap((env) =>
      irsaBindings(env)
        .filter((binding) => binding.grants.every((grant) => GENERATED_KINDS.includes(grant.kind)))
        .filter(
          (binding) =>
            !binding.grants.some((grant) => grant.kind === 'workload' && grant.access === 'rds-snapshots'),
        )
        .map((binding) => binding.purpose),
    ),
  );
  return [...purposes].sort().map((purpose) => {
    const bindingOf = (env: EnvConfig) => irsaBindings(env).find((binding) => binding.purpose === purpose);
    return {
      principal: `IRSA ${purpose}`,
      appliesTo: (env) => bindingOf(env) !== undefined,
      caller: (iam, env) => ({ role: roleOf(iam, bindingOf(env)!.roleName) }),
      rows: (_iam, env) => bindingRows(env, bindingOf(env)!),
    };
  });
}
