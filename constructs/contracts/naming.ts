// Names are a contract: Terraform creates resources under these names and the Kubernetes side refers to them by
// the same pure functions, so no manifest ever depends on deployed state. Renaming anything here is a breaking
// change for running infrastructure (`npm run review` flags the replacements).
import type { AwsAccess, BucketPurpose, DataStore, EnvConfig } from '../../environments';

const ORG = 'skillforge';

/**
 * Terraform layers in dependency order; each becomes the CDKTF stack `<env>-<layer>`. The `<env>-bootstrap` stack
 * (the state bucket, local state) is rendered too but deployed once by hand (`npm run deploy -- --bootstrap`).
 */
export const terraformLayers = ['network', 'ci', 'cluster', 'data', 'edge'] as const;
export type TerraformLayer = (typeof terraformLayers)[number];

export const stackId = (env: EnvConfig, layer: TerraformLayer | 'bootstrap'): string =>
  `${env.name}-${layer}`;
export const stackIds = (env: EnvConfig): string[] => terraformLayers.map((layer) => stackId(env, layer));

export const resourcePrefix = (env: EnvConfig): string => `${ORG}-${env.name}`;

/** Tags every resource of a layer carries (the providers' default_tags; launch templates copy them to instances). */
export function defaultTags(env: EnvConfig, layer: string): Record<string, string> {
  return {
    'skillforge:environment': env.name,
    'skillforge:layer': layer,
    'skillforge:managed-by': 'cdktf',
    'skillforge:name-prefix': resourcePrefix(env),
  };
}
export const clusterName = (env: EnvConfig): string => `${ORG}-${env.name}`;
/** The kubeconfig context `aws eks update-kubeconfig` creates for the cluster. */
export const kubeContext = (env: EnvConfig): string =>
  `arn:aws:eks:${env.aws.region}:${env.aws.accountId}:cluster/${clusterName(env)}`;

/** Bucket names are global: the account id keeps them unique across the three accounts. */
export const bucketName = (
  env: EnvConfig,
  purpose: BucketPurpose | 'tfstate' | 'opensearch-snapshots',
): string => `${ORG}-${env.name}-${purpose}-${env.aws.accountId}`;
/** Replica of a bucket in the disaster-recovery region. */
export const replicaBucketName = (env: EnvConfig, purpose: BucketPurpose): string =>
  `${ORG}-${env.name}-${purpose}-dr-${env.aws.accountId}`;

export const stateBucketName = (env: EnvConfig): string => bucketName(env, 'tfstate');
export const stateKey = (stack: string): string => `${stack}/terraform.tfstate`;
/** The state key by ARN, as every S3 backend's kms_key_id names it (Terraform refuses aliases there). */
export const stateKeyArn = (env: EnvConfig): string =>
  `arn:aws:kms:${env.aws.region}:${env.aws.accountId}:key/${env.aws.stateKeyId}`;

export const iamRoleName = (env: EnvConfig, purpose: string): string =>
  `${ORG}-${env.name}-${purpose}`.slice(0, 64);
export const iamRoleArn = (env: EnvConfig, purpose: string): string =>
  `arn:aws:iam::${env.aws.accountId}:role/${iamRoleName(env, purpose)}`;

/** The role GitHub Actions assumes to deploy an environment (<env>-bootstrap creates it, workflows name it). */
export const CI_ROLE_PURPOSE = 'ci-deploy';
/** People's roles for the Kubernetes API (EKS access entries): read-only on-call, and MFA-only break-glass. */
export const ONCALL_ROLE_PURPOSE = 'eks-oncall';
export const BREAK_GLASS_ROLE_PURPOSE = 'eks-break-glass';
/** The read-only role pull-request plans assume: trusted only for `pull_request` subjects, never writes. */
export const PLAN_ROLE_PURPOSE = 'ci-plan';

/**
 * The permissions boundary every role the deploy role creates must carry (`iam:PermissionsBoundary` condition):
 * whatever such a role's own policies say, it can never edit IAM beyond what the boundary lets components do.
 */
export const permissionsBoundaryName = (env: EnvConfig): string => `${ORG}-${env.name}-boundary`;
export const permissionsBoundaryArn = (env: EnvConfig): string =>
  `arn:aws:iam::${env.aws.accountId}:policy/${permissionsBoundaryName(env)}`;

export const kmsAliasName = (env: EnvConfig, purpose: string): string =>
  `alias/${ORG}-${env.name}-${purpose}`;
/** KMS purpose of the PostgreSQL key (storage, Performance Insights, master secret): alias/skillforge-<env>-postgres. */
export const POSTGRES_KEY_PURPOSE = 'postgres';

export const ecrRepositoryName = (image: string): string => `${ORG}/${image}`;
export const ecrRegistry = (env: EnvConfig): string =>
  `${env.aws.accountId}.dkr.ecr.${env.aws.region}.amazonaws.com`;

/** Secrets Manager names; External Secrets reads exactly these. */
export const secretName = (env: EnvConfig, path: string): string => `${ORG}/${env.name}/${path}`;
/** The credentials secret of each data store that needs one (Kafka uses IAM authentication). */
export const dataStoreSecretPath: Readonly<Partial<Record<DataStore, string>>> = {
  postgres: 'postgres/app',
  redis: 'redis/auth',
  opensearch: 'opensearch/app',
};
export const pagerDutySecretPath = (severity: 'P1' | 'P2'): string =>
  `pagerduty/${severity.toLowerCase()}-routing-key`;

/** Public zone of the environment: skillforge.example in production, dev.skillforge.example elsewhere. */
export const publicZone = (env: EnvConfig): string => `${env.edge.hostPrefix}${env.edge.domain}`;
export const appHost = (env: EnvConfig): string => `app.${publicZone(env)}`;
/**
 * Grafana is a path of the app host, behind CloudFront and its WAF like everything public: the origin load
 * balancer admits CloudFront alone (docs/decisions/grafana-behind-cloudfront.md). CloudFront's behaviour, the
 * HTTPRoute, Grafana's root_url and the operations commands all read it from here.
 */
export const GRAFANA_PATH = '/grafana';
export const grafanaUrl = (env: EnvConfig): string => `https://${appHost(env)}${GRAFANA_PATH}`;
/** Private Route 53 zone for data-store endpoints, resolvable only inside the VPC. */
export const privateZone = (env: EnvConfig): string => `internal.${publicZone(env)}`;

export const dataStoreHost = (env: EnvConfig, store: DataStore): string => `${store}.${privateZone(env)}`;
/** Read-only PostgreSQL name: weighted across the read replicas (the primary when there are none). */
export const postgresReadHost = (env: EnvConfig): string => `postgres-read.${privateZone(env)}`;
/**
 * Security group of CloudFront's origin load balancer (Terraform's cluster layer creates it; the ingress Service
 * names it in service.beta.kubernetes.io/aws-load-balancer-security-groups, which accepts names).
 */
export const originSecurityGroupName = (env: EnvConfig): string => `${ORG}-${env.name}-origin`;
/** CloudFront's origin: the ingress load balancer, published under this name by external-dns. */
export const originHost = (env: EnvConfig): string => `origin.${publicZone(env)}`;

/** Managed data-store identifiers (IAM policies and the Kubernetes side name them without reading state). */
export const postgresIdentifier = (env: EnvConfig): string => `${ORG}-${env.name}-postgres`;
export const redisReplicationGroupId = (env: EnvConfig): string => `${ORG}-${env.name}`;
/**
 * The member clusters of the replication group, as a regular expression (Java and RE2 alike, matched whole): a
 * cluster-mode-disabled group (constructs/aws/redis.ts sets numCacheClusters) names its primary and replicas
 * `<group>-001`, `<group>-002` …, and ElastiCache publishes its engine metrics per member (CacheClusterId).
 */
export const redisMemberClusterPattern = (env: EnvConfig): string =>
  `${redisReplicationGroupId(env)}-[0-9]{3}`;
/** ElastiCache RBAC user the workloads connect as with IAM authentication (user id = user name). */
export const redisUserName = (env: EnvConfig): string => `${ORG}-${env.name}-app`;
export const opensearchDomainName = (env: EnvConfig): string => `${ORG}-${env.name}`;
export const mskClusterName = (env: EnvConfig): string => `${ORG}-${env.name}`;
/** Topic and consumer-group prefix workloads may use on MSK (IAM authorization is scoped to it). */
export const kafkaTopicPrefix = (env: EnvConfig): string => `${ORG}.${env.name}.`;

/** IAM role of a workload that calls AWS APIs (IRSA), one per service account. */
export const workloadRolePurpose = (workload: string): string => `workload-${workload}`;

export const awsAccessBuckets: Readonly<
  Record<AwsAccess, BucketPurpose | 'opensearch-snapshots' | undefined>
> = {
  's3-assets': 'assets',
  's3-backups': 'backups',
  's3-analytics-exports': 'analytics-exports',
  'rds-snapshots': undefined,
  'opensearch-snapshots': 'opensearch-snapshots',
};
