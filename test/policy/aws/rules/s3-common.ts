// What the S3 rule families share: finding a bucket's v4+ sub-resources, and a compliant bucket stack.
import { allOf, failed } from '../expect';
import { change, fixtureKmsKey, fixtureKmsKeyArn, policyJson, ref } from '../fixtures';
import type { Attributes, BlocksByType, CheckResult, Resource, RuleContext } from '../types';

export const BUCKET = 'aws_s3_bucket';

/**
 * checkov's graph connection: sub-resources whose `bucket` references this bucket (".id", ".bucket" or ".arn").
 * With none connected the bucket fails; with several, every one must pass.
 */
export function judgeConnected(
  bucket: Resource,
  ctx: RuleContext,
  subType: string,
  judge: (sub: Resource) => CheckResult,
): CheckResult {
  const subs = ctx.referencing(bucket, subType, 'bucket');
  if (subs.length === 0) return failed(`no ${subType} references this bucket`);
  return allOf(...subs.map((sub) => prefixed(sub.address, judge(sub))));
}

function prefixed(address: string, result: CheckResult): CheckResult {
  return { status: result.status, message: `${address}: ${result.message}` };
}

const bucketId = ref(BUCKET, 'assets', 'id');

export const tlsOnlyStatement = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ref(BUCKET, 'assets', 'arn'), `${ref(BUCKET, 'assets', 'arn')}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

/** One bucket with every sub-resource our S3 rules ask for, each written the way CDKTF renders it. */
export const compliantBucketParts: Readonly<Record<string, Attributes>> = {
  aws_s3_bucket: { bucket: 'skillforge-prod-assets' },
  aws_s3_bucket_public_access_block: {
    bucket: bucketId,
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
  },
  aws_s3_bucket_ownership_controls: { bucket: bucketId, rule: { object_ownership: 'BucketOwnerEnforced' } },
  aws_s3_bucket_versioning: { bucket: bucketId, versioning_configuration: { status: 'Enabled' } },
  aws_s3_bucket_server_side_encryption_configuration: {
    bucket: ref(BUCKET, 'assets', 'bucket'),
    rule: [
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: 'aws:kms',
          kms_master_key_id: fixtureKmsKeyArn,
        },
        bucket_key_enabled: true,
      },
    ],
  },
  aws_s3_bucket_logging: {
    bucket: bucketId,
    target_bucket: 'skillforge-prod-access-logs',
    target_prefix: 'assets/',
  },
  aws_s3_bucket_replication_configuration: {
    bucket: bucketId,
    role: 'arn:aws:iam::111122223333:role/s3-replication',
    rule: [
      {
        id: 'disaster-recovery',
        status: 'Enabled',
        filter: {},
        delete_marker_replication: { status: 'Enabled' },
        destination: {
          bucket: 'arn:aws:s3:::skillforge-dr-assets',
          replication_time: { status: 'Enabled', time: { minutes: 15 } },
          metrics: { status: 'Enabled', event_threshold: { minutes: 15 } },
        },
      },
    ],
  },
  aws_s3_bucket_lifecycle_configuration: {
    bucket: bucketId,
    rule: [
      {
        id: 'abort-incomplete-uploads',
        status: 'Enabled',
        filter: {},
        abort_incomplete_multipart_upload: { days_after_initiation: 7 },
      },
    ],
  },
  aws_s3_bucket_policy: { bucket: bucketId, policy: policyJson(tlsOnlyStatement) },
};

/** The compliant stack with some parts replaced or (with undefined) removed. */
export function bucketStack(changes: Readonly<Record<string, Attributes | undefined>> = {}): BlocksByType {
  const stack: Record<string, Record<string, Attributes>> = { aws_kms_key: { data: fixtureKmsKey } };
  for (const [type, values] of Object.entries({ ...compliantBucketParts, ...changes })) {
    if (values !== undefined) stack[type] = { assets: values };
  }
  return stack;
}

/** One part of the compliant bucket with attributes replaced. */
export function part(type: string, changes: Readonly<Record<string, unknown>>): Attributes {
  return change(compliantBucketParts[type] ?? {}, changes);
}
