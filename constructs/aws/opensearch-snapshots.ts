// The snapshot repository of runbook §3.3 ("nightly snapshot to object storage"): a bucket with the backups'
// retention and the role the OpenSearch service assumes to write into it. The nightly job registers the
// repository with this role (it may pass it: see grant-policies.ts) and takes the snapshot.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { bucketName, iamRoleName } from '../contracts';
import { opensearchSnapshotServiceRole } from './grant-policies';
import { SecureBucket } from './secure-bucket';

export interface OpenSearchSnapshotsProps {
  readonly env: EnvConfig;
  readonly storageKeyArn: string;
  /** The access-log bucket by reference (its `bucket` attribute), so logging waits for it. */
  readonly accessLogsBucket: string;
}

export class OpenSearchSnapshots extends Construct {
  readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: OpenSearchSnapshotsProps) {
    super(scope, id);
    const { env } = props;
    // Snapshots are backups: they keep the backups bucket's retention from the model.
    const retention = env.storage.buckets.backups;
    this.bucket = new SecureBucket(this, 'bucket', {
      env,
      bucketName: bucketName(env, 'opensearch-snapshots'),
      encryption: { kind: 'kms', keyArn: props.storageKeyArn },
      expireAfterDays: retention.expireAfterDays,
      noncurrentVersionRetentionDays: retention.noncurrentVersionRetentionDays,
      abortIncompleteUploadDays: env.storage.abortIncompleteUploadDays,
      accessLogs: { targetBucket: props.accessLogsBucket, prefix: 's3/opensearch-snapshots/' },
    });
    const trust = new DataAwsIamPolicyDocument(this, 'role-trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['es.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] }],
        },
      ],
    });
    const role = new IamRole(this, 'role', {
      name: iamRoleName(env, opensearchSnapshotServiceRole),
      assumeRolePolicy: trust.json,
    });
    const write = new DataAwsIamPolicyDocument(this, 'role-permissions', {
      statement: [
        { effect: 'Allow', actions: ['s3:ListBucket'], resources: [this.bucket.arn] },
        {
          effect: 'Allow',
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: [`${this.bucket.arn}/*`],
        },
        {
          effect: 'Allow',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.storageKeyArn],
          condition: [
            {
              test: 'StringEquals',
              variable: 'kms:ViaService',
              values: [`s3.${env.aws.region}.amazonaws.com`],
            },
          ],
        },
      ],
    });
    new IamRolePolicy(this, 'role-policy', {
      role: role.id,
      name: 'snapshot-repository',
      policy: write.json,
    });
  }
}
