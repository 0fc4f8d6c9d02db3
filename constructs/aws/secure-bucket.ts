// An S3 bucket with every control the platform expects (runbook §1.2, §3.3): versioning, default encryption with a
// customer-managed key, all four public-access-block flags, ACLs disabled, a TLS-only bucket policy, lifecycle
// rules with the model's retention, and server access logging. Loosening any of these is an explicit prop.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';

/** A statement in the shape DataAwsIamPolicyDocument takes. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principals: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly condition?: readonly {
    readonly test: string;
    readonly variable: string;
    readonly values: readonly string[];
  }[];
}

export type BucketEncryption =
  | { readonly kind: 'kms'; readonly keyArn: string }
  /** Only for targets of S3 server access logs, which cannot be delivered to SSE-KMS buckets. */
  | { readonly kind: 's3-managed'; readonly reason: string };

export interface SecureBucketProps {
  readonly env: EnvConfig;
  readonly bucketName: string;
  readonly encryption: BucketEncryption;
  /** Current objects expire after this many days; null keeps them (the model's storage.buckets.*). */
  readonly expireAfterDays: number | null;
  /** Old versions expire after this many days; null keeps them (the Terraform state history). */
  readonly noncurrentVersionRetentionDays: number | null;
  /** From storage.abortIncompleteUploadDays. */
  readonly abortIncompleteUploadDays: number;
  /** Where server access logs go. Default: none, which the policy tests flag unless an exception says why. */
  readonly accessLogs?: { readonly targetBucket: string; readonly prefix: string };
  /**
   * Default BucketOwnerEnforced (ACLs disabled). BucketOwnerPreferred only for a bucket that receives CloudFront
   * standard logs, which are still delivered through an ACL grant.
   */
  readonly objectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred';
  /** Statements added to the bucket policy (log delivery, replication); the TLS-only denies are always there. */
  readonly extraStatements?: readonly PolicyStatement[];
  /** Provider for another region (the DR replica). Default: the stack's provider. */
  readonly provider?: TerraformProvider;
}

export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly versioning: S3BucketVersioningA;
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const provider = props.provider;
    this.bucket = new S3Bucket(this, 'bucket', {
      provider,
      bucket: props.bucketName,
      // Emptying a bucket on destroy would delete backups and audit evidence.
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    this.arn = this.bucket.arn;
    this.name = props.bucketName;
    const bucket = this.bucket.id;
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      provider,
      bucket,
      rule: { objectOwnership: props.objectOwnership ?? 'BucketOwnerEnforced' },
    });
    this.versioning = new S3BucketVersioningA(this, 'versioning', {
      provider,
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      provider,
      bucket,
      rule: [
        props.encryption.kind === 'kms'
          ? {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: 'aws:kms',
                kmsMasterKeyId: props.encryption.keyArn,
              },
              // Bucket keys cut KMS request costs by ~99 % for write-heavy buckets.
              bucketKeyEnabled: true,
            }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      provider,
      bucket,
      rule: [
        {
          id: 'retention',
          status: 'Enabled',
          filter: [{}],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: props.abortIncompleteUploadDays }],
          ...(props.noncurrentVersionRetentionDays === null
            ? {}
            : { noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionRetentionDays }] }),
          ...(props.expireAfterDays === null ? {} : { expiration: [{ days: props.expireAfterDays }] }),
        },
      ],
      dependsOn: [this.versioning],
    });
    if (props.accessLogs) {
      new S3BucketLoggingA(this, 'access-logs', {
        provider,
        bucket,
        targetBucket: props.accessLogs.targetBucket,
        targetPrefix: props.accessLogs.prefix,
      });
    }
    const policy = new DataAwsIamPolicyDocument(this, 'policy-document', {
      provider,
      statement: [...transportStatements(props.env, this.bucket.arn), ...(props.extraStatements ?? [])].map(
        toDocumentStatement,
      ),
    });
    new S3BucketPolicy(this, 'policy', { provider, bucket, policy: policy.json });
  }
}

/** Deny plain HTTP, and deny TLS older than the runbook's minimum (slo.minimumTlsVersion). */
function transportStatements(env: EnvConfig, bucketArn: string): PolicyStatement[] {
  const resources = [bucketArn, `${bucketArn}/*`];
  const everyone = [{ type: '*', identifiers: ['*'] }];
  return [
    {
      sid: 'DenyInsecureTransport',
      effect: 'Deny',
      principals: everyone,
      actions: ['s3:*'],
      resources,
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    },
    {
      sid: 'DenyOutdatedTls',
      effect: 'Deny',
      principals: everyone,
      actions: ['s3:*'],
      resources,
      condition: [
        { test: 'NumericLessThan', variable: 's3:TlsVersion', values: [env.slo.minimumTlsVersion] },
      ],
    },
  ];
}

export function toDocumentStatement(statement: PolicyStatement) {
  return {
    sid: statement.sid,
    effect: statement.effect,
    // Identity policies have no principals; an empty block list would render as noise.
    principals:
      statement.principals.length > 0
        ? statement.principals.map((p) => ({ type: p.type, identifiers: [...p.identifiers] }))
        : undefined,
    actions: [...statement.actions],
    resources: [...statement.resources],
    condition: statement.condition?.map((c) => ({
      test: c.test,
      variable: c.variable,
      values: [...c.values],
    })),
  };
}
