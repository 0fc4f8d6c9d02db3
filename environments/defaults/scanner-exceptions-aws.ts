// Accepted scanner findings on the rendered Terraform (deploy/<env>/terraform). One record per decision: synth
// renders it into deploy/<env>/scanners/checkov-terraform.baseline (checkov) or deploy/<env>/.trivyignore.yaml
// (trivy). The suite fails when a record has expired or no longer suppresses anything (docs/scanners.md).
import type { EnvironmentLayer } from '../layer';

type Records = NonNullable<EnvironmentLayer['scannerExceptions']>;

/** Decisions carried over from the home-made policy suite (taken 2026-11-27, reviewed every six months). */
const REVIEWED = '2027-05-27';
/** Decisions taken when the real scanners arrived (2026-12-06). */
const NEW = '2027-06-06';

const accessLogs = { stack: 'data', resource: 'aws_s3_bucket.storage_access-logs_bucket' };
const stateBucket = { stack: 'bootstrap', resource: 'aws_s3_bucket.state_bucket' };

export const awsScannerExceptions: Records = {
  'kms-key-policies-name-this-key': {
    scanner: 'checkov',
    checks: ['CKV_AWS_109', 'CKV_AWS_111', 'CKV_AWS_356'],
    targets: [{ stack: '*', resource: 'data.aws_iam_policy_document.*key_policy' }],
    reason:
      'These are KMS key policies, where Resource "*" means "this key" (AWS KMS Developer Guide, "Key policies in ' +
      'AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html); checkov reads them as ' +
      'identity policies. Principals and conditions scope each statement.',
    expires: NEW,
  },
  's3-events-have-no-consumer': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_62'],
    targets: [{ stack: '*', resource: 'aws_s3_bucket.*' }],
    reason:
      'No process consumes object-level events: object access is recorded by S3 server access logs in the ' +
      'access-logs bucket and replication needs no notification. A destination is added with the first consumer.',
    expires: NEW,
  },
  'access-log-bucket-sse-s3': {
    scanner: 'checkov',
    checks: ['CKV_AWS_145'],
    targets: [accessLogs],
    reason:
      'S3 server access logs can only be delivered to a bucket encrypted with SSE-S3 (AES256), not SSE-KMS.',
    expires: REVIEWED,
  },
  'access-log-bucket-acl-for-cloudfront': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_65'],
    targets: [{ stack: 'data', resource: 'aws_s3_bucket_ownership_controls.storage_access-logs_ownership' }],
    reason:
      'CloudFront standard (legacy) logging writes through an ACL grant to the awslogsdelivery account, which ' +
      'BucketOwnerEnforced refuses; every other bucket has ACLs disabled.',
    expires: REVIEWED,
  },
  'access-log-bucket-not-replicated': {
    scanner: 'checkov',
    checks: ['CKV_AWS_144'],
    targets: [accessLogs],
    reason: 'storage.buckets.access-logs.replicate is false: access logs are evidence of this Region only.',
    expires: REVIEWED,
  },
  'state-bucket-predates-log-bucket': {
    scanner: 'checkov',
    checks: ['CKV_AWS_18'],
    targets: [stateBucket],
    reason:
      'The state bucket is created before the access-logs bucket exists (<env>-bootstrap runs first, once); ' +
      'its object history (versioning) and CloudTrail management events record who changed state.',
    expires: REVIEWED,
  },
  'state-bucket-not-replicated': {
    scanner: 'checkov',
    checks: ['CKV_AWS_144'],
    targets: [stateBucket],
    reason:
      'Terraform state is re-creatable from the rendered tree by import; versioning keeps every past state and ' +
      'the bucket is never expired.',
    expires: REVIEWED,
  },
  'no-dr-region-outside-prod': {
    scanner: 'checkov',
    checks: ['CKV_AWS_144'],
    targets: [{ stack: 'data', resource: 'aws_s3_bucket.*' }],
    environments: ['dev', 'staging'],
    reason:
      'storage.crossRegionReplication is false outside prod: dev data is disposable and staging holds test data.',
    expires: REVIEWED,
  },
  'audit-logs-stay-in-region': {
    scanner: 'checkov',
    checks: ['CKV_AWS_144'],
    targets: [{ stack: 'data', resource: 'aws_s3_bucket.storage_audit-logs_bucket' }],
    reason:
      'storage.buckets.audit-logs.replicate is false: audit evidence stays in its Region (data residency).',
    expires: REVIEWED,
  },
  'telemetry-not-replicated': {
    scanner: 'checkov',
    checks: ['CKV_AWS_144'],
    targets: [{ stack: 'data', resource: 'aws_s3_bucket.storage_telemetry_bucket' }],
    reason:
      'storage.buckets.telemetry.replicate is false: Loki/Tempo data is operational, not part of the RPO.',
    expires: REVIEWED,
  },
  'search-snapshots-not-replicated': {
    scanner: 'checkov',
    checks: ['CKV_AWS_144'],
    targets: [{ stack: 'data', resource: 'aws_s3_bucket.opensearch-snapshots_bucket_bucket' }],
    reason:
      'Search indexes are derived data rebuilt from PostgreSQL by the enrichment ETL; the snapshots serve fast ' +
      'in-Region restores only.',
    expires: REVIEWED,
  },
  'dr-replicas-have-no-log-bucket': {
    scanner: 'checkov',
    checks: ['CKV_AWS_18'],
    targets: [{ stack: 'data', resource: 'aws_s3_bucket.storage_*-replica_bucket' }],
    reason:
      'Server access logs must go to a bucket in the same Region and the DR Region has no log bucket; only the ' +
      'replication role writes here, and the source bucket logs every client access.',
    expires: REVIEWED,
  },
  'read-replicas-rebuilt-from-primary': {
    scanner: 'checkov',
    checks: ['CKV_AWS_157', 'CKV_AWS_133'],
    targets: [{ stack: 'data', resource: 'aws_db_instance.postgres_replica-*' }],
    reason:
      'Read replicas are spread over the zones and rebuilt from the Multi-AZ primary, whose automated backups ' +
      'give point-in-time recovery; a standby or backups per replica would double their cost and add no data.',
    expires: REVIEWED,
  },
  'pagerduty-keys-rotate-at-pagerduty': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_57'],
    targets: [{ stack: 'data', resource: 'aws_secretsmanager_secret.secrets_pagerduty-*-routing-key' }],
    reason:
      'PagerDuty issues the integration key; AWS cannot rotate it. It is replaced by hand when PagerDuty ' +
      'reissues it (runbook §3.2 steps 1–5).',
    expires: REVIEWED,
  },
  'permissions-boundary-is-a-ceiling': {
    scanner: 'checkov',
    checks: ['CKV_AWS_107', 'CKV_AWS_108', 'CKV_AWS_109', 'CKV_AWS_110', 'CKV_AWS_111', 'CKV_AWS_356'],
    targets: [{ stack: 'bootstrap', resource: 'data.aws_iam_policy_document.boundary_document' }],
    reason:
      'The permissions boundary every role the deploy role creates must carry: it grants nothing, it caps what ' +
      'identity policies may grant (IAM User Guide, "Permissions boundaries for IAM entities"). It allows broadly ' +
      'and denies IAM, Organizations and account changes; checkov reads it as a grant (test/aws/iam proves the cap).',
    expires: NEW,
  },
  'plan-role-reads-what-a-plan-refreshes': {
    scanner: 'checkov',
    checks: ['CKV_AWS_356'],
    targets: [{ stack: 'bootstrap', resource: 'data.aws_iam_policy_document.github-plan_permissions' }],
    reason:
      'A plan refreshes every object the stacks manage, so the read-only plan role may Describe/Get/List those ' +
      'services on "*"; it writes nothing and data-plane reads are denied explicitly (test/aws/iam, plan-role rows).',
    expires: NEW,
  },
  'controllers-use-their-published-policies': {
    scanner: 'checkov',
    checks: ['CKV_AWS_111', 'CKV_AWS_356'],
    targets: [
      {
        stack: 'cluster',
        resource: 'data.aws_iam_policy_document.irsa_aws-load-balancer-controller-permissions',
      },
      { stack: 'cluster', resource: 'data.aws_iam_policy_document.irsa_karpenter-permissions' },
    ],
    reason:
      "The Load Balancer Controller's and Karpenter's published policies create load balancers, security groups, " +
      'instances and instance profiles whose ARNs do not exist yet, so they scope writes by request and resource ' +
      'tags on "*" (constructs/aws/upstream/, test/aws/iam simulates each must-allow and must-deny row).',
    expires: NEW,
  },
  'store-endpoints-are-addresses': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_57'],
    targets: [{ stack: 'data', resource: 'aws_secretsmanager_secret.endpoints_*' }],
    reason:
      "These secrets publish the managed stores' native endpoints (hosts and ports, every MSK broker) to External " +
      'Secrets; they hold no credential, so there is nothing to rotate (stores authenticate with IAM).',
    expires: NEW,
  },
  'origin-group-attached-by-the-controller': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_5'],
    targets: [{ stack: 'cluster', resource: 'aws_security_group.origin_group' }],
    reason:
      'The AWS Load Balancer Controller attaches it to the origin NLB by name (the aws-load-balancer-security-groups ' +
      'annotation of the gateway Service, charts/platform/gateway.ts), a link outside Terraform.',
    expires: NEW,
  },
  'rotation-function-called-synchronously': {
    scanner: 'checkov',
    checks: ['CKV_AWS_116', 'CKV_AWS_272'],
    targets: [{ stack: 'data', resource: 'aws_lambda_function.secrets_postgres-rotation_function' }],
    reason:
      'Secrets Manager invokes the rotation function synchronously and retries a failed step itself, so an ' +
      'asynchronous dead-letter queue never receives anything; its code is built from this repository ' +
      '(npm run build:lambda) and reviewed here, with no signing profile yet.',
    expires: NEW,
  },
  'staging-search-without-masters': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_59', 'CKV_AWS_318'],
    targets: [{ stack: 'data', resource: 'aws_opensearch_domain.opensearch_domain' }],
    environments: ['staging'],
    reason:
      'staging runs three zone-aware data nodes without dedicated masters to save cost ' +
      '(opensearch.dedicatedMasters.enabled false); prod has three dedicated masters.',
    expires: REVIEWED,
  },
  'waf-logs-not-yet-collected': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_31'],
    targets: [{ stack: 'edge', resource: 'aws_wafv2_web_acl.waf_acl' }],
    reason:
      'Every rule publishes CloudWatch metrics and sampled requests; full request logs need a us-east-1 log group ' +
      'and KMS key that the edge stack does not have yet. Short expiry: add them or decide against.',
    expires: '2027-03-06',
  },
  'public-zone-dnssec-and-query-logs': {
    scanner: 'checkov',
    checks: ['CKV2_AWS_38', 'CKV2_AWS_39'],
    targets: [{ stack: 'edge', resource: 'aws_route53_zone.public-zone' }],
    reason:
      'DNSSEC needs the DS record published at the registrar of the real domain (the model holds an EXAMPLE ' +
      'domain), and query logs a us-east-1 log group; both are enabled with the real domain. Short expiry.',
    expires: '2027-03-06',
  },
  'cdn-serves-every-country': {
    scanner: 'checkov',
    checks: ['CKV_AWS_374', 'CKV2_AWS_47'],
    targets: [{ stack: 'edge', resource: 'aws_cloudfront_distribution.cdn_distribution' }],
    reason:
      'SkillForge serves learners worldwide, including through VPNs and cloud egress: no geo restriction and no ' +
      'AnonymousIpList rule group. KnownBadInputs (with the Log4j rule) and the rate limit filter every request.',
    expires: NEW,
  },
  'cdn-fronts-one-dynamic-origin': {
    scanner: 'checkov',
    checks: ['CKV_AWS_305', 'CKV_AWS_310'],
    targets: [{ stack: 'edge', resource: 'aws_cloudfront_distribution.cdn_distribution' }],
    reason:
      'The origin is the cluster ingress, which serves "/" itself (no default root object) and is the only ' +
      'origin: Region failover is the DR runbook, not an origin group (recovery-objectives-on-aws decision).',
    expires: NEW,
  },
  // trivy judges Terraform by file: each record ignores its checks in whole stack files, while checkov still
  // judges every resource of those files one by one.
  'trivy-reads-no-nested-blocks-in-json': {
    scanner: 'trivy',
    checks: [
      ...['AWS-0010', 'AWS-0013', 'AWS-0030', 'AWS-0033', 'AWS-0039', 'AWS-0040', 'AWS-0042', 'AWS-0043'],
      ...['AWS-0046', 'AWS-0048', 'AWS-0073', 'AWS-0074', 'AWS-0090', 'AWS-0126', 'AWS-0130', 'AWS-0132'],
      ...['AWS-0066', 'AWS-0179'],
    ],
    targets: [{ stack: '*' }],
    reason:
      'trivy cannot read nested blocks in Terraform JSON ("nested blocks and attributes are parsed as attributes, ' +
      'and we cannot access attributes above the first level", aquasecurity/trivy#5080), so it reports every ' +
      'setting CDKTF writes as a block as missing; checkov judges the same settings resource by resource.',
    expires: NEW,
  },
  'trivy-loses-aliased-provider-resources': {
    scanner: 'trivy',
    checks: ['AWS-0011', 'AWS-0065', 'AWS-0086', 'AWS-0087', 'AWS-0091', 'AWS-0093', 'AWS-0094'],
    targets: [{ stack: '*' }],
    reason:
      'Resources on an aliased provider (aws.dr, aws.us-east-1) lose their attributes and references in trivy: ' +
      'the DR key shows rotation off and the DR replicas no public access block although cdk.tf.json sets both ' +
      '(they pass once the alias is removed); checkov checks them (CKV_AWS_7, CKV2_AWS_6, CKV_AWS_68).',
    expires: NEW,
  },
  'trivy-bucket-logging-by-file': {
    scanner: 'trivy',
    checks: ['AWS-0089'],
    targets: [{ stack: 'bootstrap' }],
    reason: 'The state bucket predates the access-logs bucket (record state-bucket-predates-log-bucket).',
    expires: REVIEWED,
  },
  'trivy-bucket-logging-in-data-stack': {
    scanner: 'trivy',
    checks: ['AWS-0089'],
    targets: [{ stack: 'data' }],
    reason:
      'The access-logs bucket and the DR replicas do not log access (records access-log-bucket-logs-not-itself, ' +
      'dr-replicas-have-no-log-bucket); trivy can only ignore by file, checkov CKV_AWS_18 judges each bucket.',
    expires: REVIEWED,
  },
};
