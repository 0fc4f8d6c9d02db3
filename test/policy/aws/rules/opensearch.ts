// OpenSearch domains (checkov Elasticsearch*/OpenSearch*, trivy aws/elasticsearch).
import {
  allOf,
  atLeast,
  expectAttribute,
  expectNonEmptyList,
  expectSet,
  failed,
  isTrue,
  oneOf,
  passed,
} from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn, ref } from '../fixtures';
import type { Attributes, Rule } from '../types';
import { asBoolean, blocks, lookup } from '../values';

const TYPE = 'aws_opensearch_domain';
const logGroupArn = ref('aws_cloudwatch_log_group', 'search', 'arn');

const compliantDomain: Attributes = {
  domain_name: 'skillforge-prod-search',
  engine_version: 'OpenSearch_2.13',
  cluster_config: {
    instance_type: 'r6g.large.search',
    instance_count: 3,
    dedicated_master_enabled: true,
    dedicated_master_count: 3,
    dedicated_master_type: 'm6g.large.search',
    zone_awareness_enabled: true,
    zone_awareness_config: { availability_zone_count: 3 },
  },
  encrypt_at_rest: { enabled: true, kms_key_id: fixtureKmsKeyArn },
  node_to_node_encryption: { enabled: true },
  domain_endpoint_options: { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
  advanced_security_options: { enabled: true, internal_user_database_enabled: false },
  vpc_options: {
    subnet_ids: ['subnet-0a1', 'subnet-0b2', 'subnet-0c3'],
    security_group_ids: [ref('aws_security_group', 'search', 'id')],
  },
  log_publishing_options: [
    { log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: logGroupArn },
    { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: logGroupArn, enabled: true },
  ],
};

function searchStack(domain: Attributes) {
  return {
    aws_kms_key: { data: fixtureKmsKey },
    aws_cloudwatch_log_group: { search: { name: '/aws/opensearch/skillforge-prod', retention_in_days: 365 } },
    aws_security_group: { search: { description: 'OpenSearch domain', vpc_id: 'vpc-0abc' } },
    [TYPE]: { search: domain },
  };
}

/** `compliantDomain` with one nested block's attributes changed (undefined removes one). */
function withBlock(block: string, changes: Readonly<Record<string, unknown>>): Attributes {
  return change(compliantDomain, { [block]: change(blocks(compliantDomain[block])[0] ?? {}, changes) });
}

const compliant = [fixture('compliant domain', searchStack(compliantDomain))];
const bad = (name: string, domain: Attributes) => fixture(name, searchStack(domain));

export const opensearchRules: readonly Rule[] = [
  {
    id: 'opensearch-encrypt-at-rest',
    checkIds: ['CKV_AWS_5', 'AVD-AWS-0048'],
    resourceTypes: [TYPE],
    severity: 'high',
    description: 'Indices, logs and snapshots are encrypted at rest (encrypt_at_rest.enabled = true).',
    check: (r) => expectAttribute(r, 'encrypt_at_rest.enabled', isTrue),
    good: compliant,
    bad: [
      bad('encryption disabled', withBlock('encrypt_at_rest', { enabled: false })),
      bad('no encrypt_at_rest block', change(compliantDomain, { encrypt_at_rest: undefined })),
    ],
  },
  {
    id: 'opensearch-cmk',
    checkIds: ['CKV_AWS_247'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description: 'At-rest encryption uses our KMS key (encrypt_at_rest.kms_key_id set).',
    check: (r, ctx) => expectSet(r, ctx, 'encrypt_at_rest.kms_key_id'),
    good: compliant,
    bad: [bad('AWS-owned key', withBlock('encrypt_at_rest', { kms_key_id: undefined }))],
  },
  {
    id: 'opensearch-node-to-node-encryption',
    checkIds: ['CKV_AWS_6', 'AVD-AWS-0043'],
    resourceTypes: [TYPE],
    severity: 'high',
    description:
      'Traffic between nodes is encrypted (node_to_node_encryption.enabled = true). Judged for every domain, as ' +
      'trivy does; checkov skips single-node domains.',
    check: (r) => expectAttribute(r, 'node_to_node_encryption.enabled', isTrue),
    good: compliant,
    bad: [
      bad('node-to-node disabled', withBlock('node_to_node_encryption', { enabled: false })),
      bad(
        'no node_to_node_encryption block',
        change(compliantDomain, { node_to_node_encryption: undefined }),
      ),
    ],
  },
  {
    id: 'opensearch-enforce-https',
    checkIds: ['CKV_AWS_83', 'AVD-AWS-0046'],
    resourceTypes: [TYPE],
    severity: 'high',
    description: 'The endpoint refuses plain HTTP (domain_endpoint_options.enforce_https = true).',
    check: (r) => expectAttribute(r, 'domain_endpoint_options.enforce_https', isTrue),
    good: compliant,
    bad: [
      bad('HTTP allowed', withBlock('domain_endpoint_options', { enforce_https: false })),
      bad('no domain_endpoint_options', change(compliantDomain, { domain_endpoint_options: undefined })),
    ],
  },
  {
    id: 'opensearch-tls-policy',
    checkIds: ['CKV_AWS_228', 'AVD-AWS-0126'],
    resourceTypes: [TYPE],
    severity: 'high',
    description: 'The endpoint accepts TLS 1.2 or later only (a Policy-Min-TLS-1-2 security policy).',
    check: (r) =>
      expectAttribute(
        r,
        'domain_endpoint_options.tls_security_policy',
        oneOf(['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10']),
      ),
    good: compliant,
    bad: [
      bad(
        'TLS 1.0 policy',
        withBlock('domain_endpoint_options', { tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' }),
      ),
      bad(
        'policy left to the default',
        withBlock('domain_endpoint_options', { tls_security_policy: undefined }),
      ),
    ],
  },
  {
    id: 'opensearch-logging',
    checkIds: ['CKV_AWS_84'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description:
      'Domain logs are published to CloudWatch: at least one log_publishing_options block, each with a ' +
      'cloudwatch_log_group_arn and not disabled.',
    check: (r, ctx) => {
      const options = blocks(r.values['log_publishing_options']);
      if (options.length === 0)
        return failed('log_publishing_options is not set (expected at least one log type)');
      const problems = options.flatMap((option, i) => {
        const name = `log_publishing_options[${i}] (${String(option['log_type'])})`;
        const arn = option['cloudwatch_log_group_arn'];
        const arnOk =
          typeof arn === 'string' && arn !== '' && (!arn.includes('${') || ctx.isResolvableToken(arn));
        return [
          ...(arnOk ? [] : [`${name} has no resolvable cloudwatch_log_group_arn`]),
          ...(asBoolean(option['enabled']) === false ? [`${name} is disabled`] : []),
        ];
      });
      return problems.length === 0
        ? passed(`${options.length} log types published to CloudWatch`)
        : failed(problems.join('; '));
    },
    good: compliant,
    bad: [
      bad('no log publishing', change(compliantDomain, { log_publishing_options: undefined })),
      bad(
        'a disabled log type',
        change(compliantDomain, {
          log_publishing_options: {
            log_type: 'INDEX_SLOW_LOGS',
            cloudwatch_log_group_arn: logGroupArn,
            enabled: false,
          },
        }),
      ),
    ],
  },
  {
    id: 'opensearch-audit-logging',
    checkIds: ['CKV_AWS_317', 'AVD-AWS-0042'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description:
      'Audit logs are published: a log_publishing_options block with log_type AUDIT_LOGS and enabled = true.',
    check: (r) => {
      const audit = blocks(r.values['log_publishing_options']).find((o) => o['log_type'] === 'AUDIT_LOGS');
      if (!audit) return failed('no log_publishing_options block has log_type "AUDIT_LOGS"');
      return asBoolean(audit['enabled']) === true
        ? passed('AUDIT_LOGS are published')
        : failed(
            `AUDIT_LOGS block has enabled = ${JSON.stringify(audit['enabled'] ?? null)} (expected true)`,
          );
    },
    good: compliant,
    bad: [
      bad(
        'no audit log',
        change(compliantDomain, {
          log_publishing_options: [
            { log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: logGroupArn },
          ],
        }),
      ),
      bad(
        'audit log without enabled = true',
        change(compliantDomain, {
          log_publishing_options: { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: logGroupArn },
        }),
      ),
    ],
  },
  {
    id: 'opensearch-in-vpc',
    checkIds: ['CKV_AWS_137', 'CKV_AWS_248'],
    resourceTypes: [TYPE],
    severity: 'high',
    description:
      'The domain lives in our VPC with explicit security groups (vpc_options with subnet_ids and security_group_ids).',
    check: (r) => {
      if (lookup(r.values, 'vpc_options').kind === 'missing')
        return failed('vpc_options is not set: the endpoint is public');
      return allOf(
        expectNonEmptyList(r, 'vpc_options.subnet_ids'),
        expectNonEmptyList(r, 'vpc_options.security_group_ids'),
      );
    },
    good: compliant,
    bad: [
      bad('public endpoint', change(compliantDomain, { vpc_options: undefined })),
      bad('default security group', withBlock('vpc_options', { security_group_ids: undefined })),
    ],
  },
  {
    id: 'opensearch-dedicated-master-enabled',
    checkIds: ['CKV2_AWS_59'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description:
      'Cluster management runs on dedicated master nodes (cluster_config.dedicated_master_enabled = true).',
    check: (r) => expectAttribute(r, 'cluster_config.dedicated_master_enabled', isTrue),
    good: compliant,
    bad: [bad('no dedicated masters', withBlock('cluster_config', { dedicated_master_enabled: false }))],
  },
  {
    id: 'opensearch-high-availability',
    checkIds: ['CKV_AWS_318'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description:
      'At least three dedicated masters spread over zones (dedicated_master_count ≥ 3, zone_awareness_enabled).',
    check: (r) =>
      allOf(
        expectAttribute(r, 'cluster_config.dedicated_master_count', atLeast(3)),
        expectAttribute(r, 'cluster_config.zone_awareness_enabled', isTrue),
      ),
    good: compliant,
    bad: [
      bad('two masters', withBlock('cluster_config', { dedicated_master_count: 2 })),
      bad('single zone', withBlock('cluster_config', { zone_awareness_enabled: undefined })),
    ],
  },
  {
    id: 'opensearch-fine-grained-access',
    checkIds: ['CKV2_AWS_52'],
    resourceTypes: [TYPE],
    severity: 'high',
    description: 'Fine-grained access control is on (advanced_security_options.enabled = true).',
    check: (r) => expectAttribute(r, 'advanced_security_options.enabled', isTrue),
    good: compliant,
    bad: [
      bad('FGAC disabled', withBlock('advanced_security_options', { enabled: false })),
      bad('no advanced_security_options', change(compliantDomain, { advanced_security_options: undefined })),
    ],
  },
];
