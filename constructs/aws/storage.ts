// The buckets of storage.buckets (runbook §1.2 object storage, §3.3 restore): every purpose with its GDPR/CCPA
// retention, server access logs into the access-logs bucket, and, where the environment replicates, a replica
// in the DR region with Replication Time Control.
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { BucketPurpose, EnvConfig } from '../../environments';
import { bucketName, replicaBucketName } from '../contracts';
import { BucketReplication } from './bucket-replication';
import { CustomerManagedKey } from './customer-managed-key';
import { SecureBucket } from './secure-bucket';

export interface StorageProps {
  readonly env: EnvConfig;
  readonly keyArn: string;
  /** Provider of the DR region; needed only when storage.crossRegionReplication is on. */
  readonly drProvider?: TerraformProvider;
}

export class Storage extends Construct {
  readonly buckets = new Map<BucketPurpose, SecureBucket>();
  readonly accessLogs: SecureBucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const { env } = props;
    const config = env.storage.buckets;
    const logs = config['access-logs'];
    if (!logs) throw new Error(`environment ${env.name}: storage.buckets has no access-logs bucket`);
    const logsName = bucketName(env, 'access-logs');
    this.accessLogs = new SecureBucket(this, 'access-logs', {
      env,
      bucketName: logsName,
      encryption: {
        kind: 's3-managed',
        reason: 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3',
      },
      expireAfterDays: logs.expireAfterDays,
      noncurrentVersionRetentionDays: logs.noncurrentVersionRetentionDays,
      abortIncompleteUploadDays: env.storage.abortIncompleteUploadDays,
      // CloudFront standard logs are still written through an ACL grant to the awslogsdelivery account.
      objectOwnership: 'BucketOwnerPreferred',
      extraStatements: [
        {
          sid: 'ServerAccessLogDelivery',
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['logging.s3.amazonaws.com'] }],
          actions: ['s3:PutObject'],
          resources: [`arn:aws:s3:::${logsName}/s3/*`],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] }],
        },
      ],
    });
    this.buckets.set('access-logs', this.accessLogs);
    const replicate = env.storage.crossRegionReplication;
    const drKey =
      replicate && props.drProvider
        ? new CustomerManagedKey(this, 'dr-key', {
            env,
            purpose: 'storage-dr',
            description: `Replicas of ${env.name}'s buckets in ${env.aws.drRegion}`,
            provider: props.drProvider,
          })
        : undefined;
    for (const [purpose, bucket] of Object.entries(config) as [
      BucketPurpose,
      (typeof config)[BucketPurpose],
    ][]) {
      if (purpose === 'access-logs' || !bucket) continue;
      const retention = {
        expireAfterDays: bucket.expireAfterDays,
        noncurrentVersionRetentionDays: bucket.noncurrentVersionRetentionDays,
        abortIncompleteUploadDays: env.storage.abortIncompleteUploadDays,
      };
      const source = new SecureBucket(this, purpose, {
        env,
        bucketName: bucketName(env, purpose),
        encryption: { kind: 'kms', keyArn: props.keyArn },
        // By reference: the logging configuration then waits for the log bucket (a plain name could race it).
        accessLogs: { targetBucket: this.accessLogs.bucket.bucket, prefix: `s3/${purpose}/` },
        ...retention,
      });
      this.buckets.set(purpose, source);
      if (!replicate || !bucket.replicate) continue;
      if (!drKey || !props.drProvider)
        throw new Error(`environment ${env.name}: replication needs a DR provider`);
      const replica = new SecureBucket(this, `${purpose}-replica`, {
        env,
        bucketName: replicaBucketName(env, purpose),
        encryption: { kind: 'kms', keyArn: drKey.arn },
        provider: props.drProvider,
        ...retention,
      });
      new BucketReplication(this, `${purpose}-replication`, {
        env,
        purpose,
        source,
        sourceKeyArn: props.keyArn,
        replica,
        replicaKeyArn: drKey.arn,
      });
    }
  }
}
