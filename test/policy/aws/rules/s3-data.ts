// S3 data protection: versioning, encryption, access logs, replication, lifecycle (checkov S3*, trivy aws/s3).
import { expectAttribute, failed, oneOf, passed } from '../expect';
import { fixture } from '../fixtures';
import type { Attributes, CheckResult, Resource, Rule, RuleContext } from '../types';
import { asBoolean, asNumber, blocks, blocksAt, isToken, lookup, show } from '../values';
import { BUCKET, bucketStack, judgeConnected, part } from './s3-common';

const VERSIONING = 'aws_s3_bucket_versioning';
const ENCRYPTION = 'aws_s3_bucket_server_side_encryption_configuration';
const LOGGING = 'aws_s3_bucket_logging';
const REPLICATION = 'aws_s3_bucket_replication_configuration';
const LIFECYCLE = 'aws_s3_bucket_lifecycle_configuration';

const compliant = [fixture('compliant bucket', bucketStack())];

/** The separate v4+ resource when there is one, else the deprecated inline block on aws_s3_bucket (as checkov). */
function judgeConnectedOrInline(
  bucket: Resource,
  ctx: RuleContext,
  subType: string,
  inlineBlock: string,
  judge: (holder: Resource) => CheckResult,
): CheckResult {
  if (ctx.referencing(bucket, subType, 'bucket').length === 0 && bucket.values[inlineBlock] !== undefined) {
    return judge(bucket);
  }
  return judgeConnected(bucket, ctx, subType, judge);
}

function defaultEncryption(holder: Resource): Attributes[] {
  const path = holder.type === BUCKET ? 'server_side_encryption_configuration.rule' : 'rule';
  return blocksAt(holder.values, `${path}.apply_server_side_encryption_by_default`);
}

function judgeKmsKey(value: unknown, ctx: RuleContext): CheckResult {
  if (value === undefined || value === null || value === '')
    return failed('kms_master_key_id is not set (the AWS-managed aws/s3 key is used)');
  if (isToken(value) && !ctx.isResolvableToken(value))
    return failed(`kms_master_key_id is the unresolved token ${value}`);
  if (typeof value === 'string' && value.includes('alias/aws/'))
    return failed(`kms_master_key_id ${show(value)} is an AWS-managed key`);
  return passed(`kms_master_key_id is ${String(value)}`);
}

/** A lifecycle rule that applies to the whole bucket: enabled, and no prefix or tag narrowing its filter. */
function coversWholeBucket(rule: Attributes): boolean {
  const filter = blocks(rule['filter'])[0] ?? {};
  const prefix = filter['prefix'] ?? rule['prefix'];
  return (
    (prefix === undefined || prefix === '') && filter['tag'] === undefined && filter['and'] === undefined
  );
}

export const s3DataRules: readonly Rule[] = [
  {
    id: 's3-versioning',
    checkIds: ['CKV_AWS_21', 'AVD-AWS-0090'],
    resourceTypes: [BUCKET],
    severity: 'medium',
    description:
      'Overwritten and deleted objects can be recovered: versioning_configuration.status = "Enabled".',
    check: (bucket, ctx) =>
      judgeConnectedOrInline(bucket, ctx, VERSIONING, 'versioning', (holder) =>
        holder.type === BUCKET
          ? expectAttribute(holder, 'versioning.enabled', {
              text: 'true',
              missing: 'failed',
              accepts: (v) => asBoolean(v) === true,
            })
          : expectAttribute(holder, 'versioning_configuration.status', oneOf(['Enabled'])),
      ),
    good: [
      ...compliant,
      fixture(
        'legacy inline versioning',
        bucketStack({
          [VERSIONING]: undefined,
          [BUCKET]: { bucket: 'skillforge-prod-assets', versioning: { enabled: true } },
        }),
      ),
    ],
    bad: [
      fixture('no versioning resource', bucketStack({ [VERSIONING]: undefined })),
      fixture(
        'versioning suspended',
        bucketStack({
          [VERSIONING]: part(VERSIONING, { versioning_configuration: { status: 'Suspended' } }),
        }),
      ),
    ],
  },
  {
    id: 's3-default-encryption',
    checkIds: ['CKV_AWS_19'],
    resourceTypes: [BUCKET],
    severity: 'high',
    description:
      'Default encryption is configured explicitly (sse_algorithm AES256, aws:kms or aws:kms:dsse).',
    check: (bucket, ctx) =>
      judgeConnectedOrInline(bucket, ctx, ENCRYPTION, 'server_side_encryption_configuration', (holder) => {
        const algorithms = defaultEncryption(holder).map((d) => d['sse_algorithm']);
        return algorithms.some((a) => a === 'AES256' || a === 'aws:kms' || a === 'aws:kms:dsse')
          ? passed(`sse_algorithm is ${show(algorithms[0])}`)
          : failed(`no rule sets a default sse_algorithm (found ${show(algorithms)})`);
      }),
    good: [
      ...compliant,
      fixture(
        'SSE-S3',
        bucketStack({
          [ENCRYPTION]: part(ENCRYPTION, {
            rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
          }),
        }),
      ),
    ],
    bad: [
      fixture('no encryption configuration', bucketStack({ [ENCRYPTION]: undefined })),
      fixture(
        'configuration without a default',
        bucketStack({ [ENCRYPTION]: part(ENCRYPTION, { rule: { bucket_key_enabled: true } }) }),
      ),
    ],
  },
  {
    id: 's3-kms-encryption',
    checkIds: ['CKV_AWS_145', 'AVD-AWS-0132'],
    resourceTypes: [BUCKET],
    severity: 'high',
    description:
      'Default encryption uses our KMS key: sse_algorithm aws:kms (or aws:kms:dsse) with kms_master_key_id.',
    check: (bucket, ctx) =>
      judgeConnectedOrInline(bucket, ctx, ENCRYPTION, 'server_side_encryption_configuration', (holder) => {
        const defaults = defaultEncryption(holder)[0];
        if (!defaults) return failed('no apply_server_side_encryption_by_default block');
        const algorithm = defaults['sse_algorithm'];
        if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse')
          return failed(`sse_algorithm is ${show(algorithm)} (expected "aws:kms")`);
        return judgeKmsKey(defaults['kms_master_key_id'], ctx);
      }),
    good: compliant,
    bad: [
      fixture(
        'SSE-S3',
        bucketStack({
          [ENCRYPTION]: part(ENCRYPTION, {
            rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
          }),
        }),
      ),
      fixture(
        'aws:kms with the AWS-managed key',
        bucketStack({
          [ENCRYPTION]: part(ENCRYPTION, {
            rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } },
          }),
        }),
      ),
      fixture(
        'aws:kms with alias/aws/s3',
        bucketStack({
          [ENCRYPTION]: part(ENCRYPTION, {
            rule: {
              apply_server_side_encryption_by_default: {
                sse_algorithm: 'aws:kms',
                kms_master_key_id: 'alias/aws/s3',
              },
            },
          }),
        }),
      ),
    ],
  },
  {
    id: 's3-access-logging',
    checkIds: ['CKV_AWS_18', 'AVD-AWS-0089'],
    resourceTypes: [BUCKET],
    severity: 'medium',
    description:
      'Server access logs go to a log bucket (aws_s3_bucket_logging with target_bucket). The log bucket itself is the usual exception.',
    check: (bucket, ctx) =>
      judgeConnectedOrInline(bucket, ctx, LOGGING, 'logging', (holder) => {
        const target = lookup(
          holder.values,
          holder.type === BUCKET ? 'logging.target_bucket' : 'target_bucket',
        );
        if (target.kind === 'missing') return failed('target_bucket is not set');
        if (target.kind === 'token' && !ctx.isResolvableToken(target.text))
          return failed(`target_bucket is the unresolved token ${target.text}`);
        return passed(`logs to ${target.kind === 'token' ? target.text : show(target.value)}`);
      }),
    good: compliant,
    bad: [fixture('no access logging', bucketStack({ [LOGGING]: undefined }))],
  },
  {
    id: 's3-replication',
    checkIds: ['CKV_AWS_144'],
    resourceTypes: [BUCKET],
    severity: 'medium',
    description:
      'Objects are replicated to another Region: a replication configuration with an enabled rule.',
    check: (bucket, ctx) =>
      judgeConnected(bucket, ctx, REPLICATION, (sub) =>
        blocks(sub.values['rule']).some((rule) => rule['status'] === 'Enabled')
          ? passed('has an enabled replication rule')
          : failed('no replication rule has status "Enabled"'),
      ),
    good: compliant,
    bad: [
      fixture('no replication', bucketStack({ [REPLICATION]: undefined })),
      fixture(
        'replication disabled',
        bucketStack({
          [REPLICATION]: part(REPLICATION, {
            rule: { id: 'dr', status: 'Disabled', destination: { bucket: 'arn:aws:s3:::dr' } },
          }),
        }),
      ),
    ],
  },
  {
    id: 's3-lifecycle',
    checkIds: ['CKV2_AWS_61'],
    resourceTypes: [BUCKET],
    severity: 'low',
    description:
      'A lifecycle configuration with at least one enabled rule (where expiry for retention limits lives).',
    check: (bucket, ctx) =>
      judgeConnected(bucket, ctx, LIFECYCLE, (sub) =>
        blocks(sub.values['rule']).some((rule) => rule['status'] === 'Enabled')
          ? passed('has an enabled lifecycle rule')
          : failed('no lifecycle rule has status "Enabled"'),
      ),
    good: compliant,
    bad: [
      fixture('no lifecycle', bucketStack({ [LIFECYCLE]: undefined })),
      fixture(
        'lifecycle disabled',
        bucketStack({ [LIFECYCLE]: part(LIFECYCLE, { rule: { id: 'x', status: 'Disabled', filter: {} } }) }),
      ),
    ],
  },
  {
    id: 's3-abort-incomplete-uploads',
    checkIds: ['CKV_AWS_300'],
    resourceTypes: [LIFECYCLE],
    severity: 'low',
    description:
      'An enabled lifecycle rule covering the whole bucket aborts incomplete multipart uploads (they are billed and invisible).',
    check: (r) => {
      const rules = blocks(r.values['rule']).filter(
        (rule) => rule['status'] === 'Enabled' && coversWholeBucket(rule),
      );
      const days = rules.map((rule) =>
        asNumber(blocks(rule['abort_incomplete_multipart_upload'])[0]?.['days_after_initiation']),
      );
      const abortAfter = days.find((d) => d !== undefined && d > 0);
      return abortAfter !== undefined
        ? passed(`incomplete uploads are aborted after ${abortAfter} days`)
        : failed('no enabled whole-bucket rule sets abort_incomplete_multipart_upload.days_after_initiation');
    },
    good: compliant,
    bad: [
      fixture(
        'no abort rule',
        bucketStack({
          [LIFECYCLE]: part(LIFECYCLE, {
            rule: { id: 'expire', status: 'Enabled', filter: {}, expiration: { days: 365 } },
          }),
        }),
      ),
      fixture(
        'abort rule limited to a prefix',
        bucketStack({
          [LIFECYCLE]: part(LIFECYCLE, {
            rule: {
              id: 'abort',
              status: 'Enabled',
              filter: { prefix: 'uploads/' },
              abort_incomplete_multipart_upload: { days_after_initiation: 7 },
            },
          }),
        }),
      ),
    ],
  },
];
