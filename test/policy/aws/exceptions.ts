// Accepted AWS policy findings. Each entry is a reviewed decision with a reason and an expiry; the rendered-tree
// test fails when an entry has expired or no longer matches a failed finding, so this list cannot rot.
//
//   { rule: 'sg-no-public-egress', address: 'prod/prod-cluster/aws_security_group.nodes',
//     reason: 'Nodes pull images from public registries until the ECR pull-through cache lands (PLAT-123).',
//     expires: '2026-03-31' }
//
// Addresses are "<env>/<stack>/<type>.<name>"; env and stack may be "*" for an exception that holds everywhere.
// Expiries are at most 12 months out: every entry is looked at again within a year.
import type { PolicyException } from '../shared/exceptions';

/** Six months from when these decisions were taken (2026-11-27). */
const REVIEW = '2027-05-27';

const accessLogs = '*/*/aws_s3_bucket.storage_access-logs_bucket';
const stateBucket = '*/*/aws_s3_bucket.state_bucket';

export const awsPolicyExceptions: readonly PolicyException[] = [
  // The access-logs bucket: the target of S3 server access logs and CloudFront standard logs.
  {
    rule: 's3-access-logging',
    address: accessLogs,
    reason: 'It is the log bucket: logging its own access would log the log deliveries, endlessly.',
    expires: REVIEW,
  },
  {
    rule: 's3-kms-encryption',
    address: accessLogs,
    reason:
      'S3 server access logs can only be delivered to a bucket encrypted with SSE-S3 (AES256), not SSE-KMS.',
    expires: REVIEW,
  },
  {
    rule: 's3-acls-disabled',
    address: accessLogs,
    reason:
      'CloudFront standard (legacy) logging writes through an ACL grant to the awslogsdelivery account, which ' +
      'BucketOwnerEnforced refuses; every other bucket has ACLs disabled.',
    expires: REVIEW,
  },
  {
    rule: 's3-replication',
    address: accessLogs,
    reason: 'storage.buckets.access-logs.replicate is false: access logs are evidence of this Region only.',
    expires: REVIEW,
  },
  // The Terraform state bucket of <env>-bootstrap.
  {
    rule: 's3-access-logging',
    address: stateBucket,
    reason:
      'The state bucket is created before the access-logs bucket exists (<env>-bootstrap runs first, once); ' +
      'its object history (versioning) and CloudTrail management events record who changed state.',
    expires: REVIEW,
  },
  {
    rule: 's3-replication',
    address: stateBucket,
    reason:
      'Terraform state is re-creatable from the rendered tree by import; versioning keeps every past state ' +
      'and the bucket is never expired.',
    expires: REVIEW,
  },
  // Environments without cross-region replication (storage.crossRegionReplication is false outside prod).
  {
    rule: 's3-replication',
    address: 'dev/dev-data/*',
    reason:
      'dev does not replicate to a DR Region (storage.crossRegionReplication false): its data is disposable.',
    expires: REVIEW,
  },
  {
    rule: 's3-replication',
    address: 'staging/staging-data/*',
    reason:
      'staging does not replicate to a DR Region (storage.crossRegionReplication false): it holds test data.',
    expires: REVIEW,
  },
  // Production buckets the model does not replicate, and the replicas themselves.
  ...['audit-logs', 'telemetry'].map((purpose) => ({
    rule: 's3-replication',
    address: `prod/prod-data/aws_s3_bucket.storage_${purpose}_bucket`,
    reason: `storage.buckets.${purpose}.replicate is false: ${purpose === 'telemetry' ? 'Loki/Tempo data is operational, not part of the RPO' : 'audit evidence stays in its Region (data residency)'}.`,
    expires: REVIEW,
  })),
  {
    rule: 's3-replication',
    address: 'prod/prod-data/aws_s3_bucket.opensearch-snapshots_bucket_bucket',
    reason:
      'Search indexes are derived data rebuilt from PostgreSQL by the enrichment ETL (docs/decisions/' +
      'opensearch-snapshot-rpo.md); the snapshots serve fast in-Region restores only.',
    expires: REVIEW,
  },
  ...['assets', 'backups', 'analytics-exports'].flatMap((purpose) => [
    {
      rule: 's3-replication',
      address: `prod/prod-data/aws_s3_bucket.storage_${purpose}-replica_bucket`,
      reason:
        'It is the DR replica (destination of the replication rule); replicating it again would be a loop.',
      expires: REVIEW,
    },
    {
      rule: 's3-access-logging',
      address: `prod/prod-data/aws_s3_bucket.storage_${purpose}-replica_bucket`,
      reason:
        'Server access logs must go to a bucket in the same Region and the DR Region has no log bucket; only ' +
        'the replication role writes here, and the source bucket logs every client access.',
      expires: REVIEW,
    },
  ]),
  // Conflicts between a rule and the design.
  {
    rule: 'iam-irsa-trust-policy',
    address: '*/*/aws_iam_role.github_role',
    reason:
      'The GitHub Actions deploy role is a web-identity role but not IRSA: it trusts token.actions.' +
      'githubusercontent.com with StringEquals on sub = repo:<repository>:environment:<environment> and aud.',
    expires: REVIEW,
  },
  {
    rule: 'iam-irsa-trust-policy',
    address: '*/*/aws_iam_role.github-plan_role',
    reason:
      'The read-only plan role is a GitHub web-identity role, not IRSA: it trusts token.actions.githubusercontent.com ' +
      'with StringEquals on sub = repo:<repository>:pull_request and aud (docs/decisions/deploy-role-boundary-and-plan-role.md).',
    expires: REVIEW,
  },
  {
    rule: 'iam-no-wildcard-resource',
    address: '*/*/aws_iam_role_policy.github-plan_policy',
    reason:
      'A plan refreshes every object the stacks manage, so the plan role reads Describe/Get/List of those services on ' +
      '"*"; it writes nothing and data-plane reads (secret values, objects, log events) are denied explicitly.',
    expires: REVIEW,
  },
  {
    rule: 'iam-no-wildcard-resource',
    address: '*/*/aws_iam_role_policy.irsa_karpenter-policy',
    reason:
      "Karpenter creates instance profiles whose names it chooses; as in Karpenter's published policy, the profile " +
      'actions are scoped by the cluster and nodeclass tags instead of ARNs (constructs/aws/karpenter-policy.ts).',
    expires: REVIEW,
  },
  ...['oncall', 'break-glass'].map((role) => ({
    rule: 'iam-no-account-wide-assume',
    address: `*/*/aws_iam_role.access_${role}-role`,
    reason:
      'People reach the Kubernetes API roles through their own permission sets (sts:AssumeRole on the role); the ' +
      'trust names the account so those permission sets decide, and break-glass also requires MFA ' +
      '(docs/decisions/ci-reaches-the-private-eks-api.md).',
    expires: REVIEW,
  })),
  {
    rule: 'iam-no-wildcard-resource',
    address: '*/*/aws_iam_role_policy.irsa_aws-load-balancer-controller-policy',
    reason:
      'The load-balancer controller creates security groups, load balancers and target groups whose ARNs do ' +
      "not exist yet; as in AWS's published policy, writes are scoped by the elbv2.k8s.aws/cluster tag instead.",
    expires: REVIEW,
  },
  // One entry per replica (staging 1, prod 3, from postgresReplicaCount): a new replica is reviewed again.
  ...[
    'staging/staging-data/aws_db_instance.postgres_replica-1',
    ...[1, 2, 3].map((n) => `prod/prod-data/aws_db_instance.postgres_replica-${n}`),
  ].map((address) => ({
    rule: 'rds-multi-az',
    address,
    reason:
      'Read replicas are spread over the zones and rebuilt from the Multi-AZ primary; a standby per replica ' +
      'would double their cost without adding read capacity.',
    expires: REVIEW,
  })),
  ...['redis', 'opensearch', 'kafka'].map((store) => ({
    rule: 'secrets-rotation',
    address: `*/*/aws_secretsmanager_secret.endpoints_${store}`,
    reason:
      "It holds the store's native endpoint (an address Terraform writes, constructs/aws/store-endpoints.ts), not a " +
      'credential: there is nothing to rotate, and it changes only when the store is replaced.',
    expires: REVIEW,
  })),
  ...['p1', 'p2'].map((severity) => ({
    rule: 'secrets-rotation',
    address: `*/*/aws_secretsmanager_secret.secrets_pagerduty-${severity}-routing-key`,
    reason:
      'PagerDuty issues the integration key; AWS cannot rotate it. It is replaced by hand when PagerDuty ' +
      'reissues it (runbook §3.2 steps 1–5).',
    expires: REVIEW,
  })),
  ...['opensearch-dedicated-master-enabled', 'opensearch-high-availability'].map((rule) => ({
    rule,
    address: 'staging/staging-data/aws_opensearch_domain.opensearch_domain',
    reason:
      'staging runs three zone-aware data nodes without dedicated masters to save cost ' +
      '(opensearch.dedicatedMasters.enabled false); prod has three dedicated masters.',
    expires: REVIEW,
  })),
];
