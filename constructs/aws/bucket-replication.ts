// Cross-region replication of one bucket to its disaster-recovery replica with S3 Replication Time Control
// (runbook §3.3 "restore via cross-region replication"; §1.3 RPO). RTC is what turns replication into a promise:
// 99.99 % of objects within 15 minutes, with metrics and missed-threshold events (docs/decisions).
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { S3BucketReplicationConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-replication-configuration';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { iamRoleName } from '../contracts';
import { recordNfr } from './nfr';
import type { SecureBucket } from './secure-bucket';

/** S3 RTC's threshold is fixed by AWS at 15 minutes; environments/rules/recovery.ts checks the RPO allows it. */
export const S3_RTC_MINUTES = 15;

export interface BucketReplicationProps {
  readonly env: EnvConfig;
  /** Short purpose used in the role name, e.g. "backups" → skillforge-prod-replicate-backups. */
  readonly purpose: string;
  readonly source: SecureBucket;
  readonly sourceKeyArn: string;
  readonly replica: SecureBucket;
  readonly replicaKeyArn: string;
}

export class BucketReplication extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: BucketReplicationProps) {
    super(scope, id);
    const { env, source, replica } = props;
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['s3.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [env.aws.accountId] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: iamRoleName(env, `replicate-${props.purpose}`),
      assumeRolePolicy: trust.json,
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        {
          effect: 'Allow',
          actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
          resources: [source.arn],
        },
        {
          effect: 'Allow',
          actions: [
            's3:GetObjectVersionForReplication',
            's3:GetObjectVersionAcl',
            's3:GetObjectVersionTagging',
          ],
          resources: [`${source.arn}/*`],
        },
        {
          effect: 'Allow',
          actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
          resources: [`${replica.arn}/*`],
        },
        {
          effect: 'Allow',
          actions: ['kms:Decrypt'],
          resources: [props.sourceKeyArn],
          condition: [
            {
              test: 'StringEquals',
              variable: 'kms:ViaService',
              values: [`s3.${env.aws.region}.amazonaws.com`],
            },
          ],
        },
        {
          effect: 'Allow',
          actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [props.replicaKeyArn],
          condition: [
            {
              test: 'StringEquals',
              variable: 'kms:ViaService',
              values: [`s3.${env.aws.drRegion}.amazonaws.com`],
            },
          ],
        },
      ],
    });
    new IamRolePolicy(this, 'policy', { role: this.role.id, name: 'replicate', policy: permissions.json });
    recordNfr(
      new S3BucketReplicationConfigurationA(this, 'configuration', {
        bucket: source.bucket.id,
        role: this.role.arn,
        rule: [
          {
            id: 'disaster-recovery',
            status: 'Enabled',
            priority: 1,
            filter: {},
            deleteMarkerReplication: { status: 'Enabled' },
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
            destination: {
              bucket: replica.arn,
              storageClass: 'STANDARD',
              encryptionConfiguration: { replicaKmsKeyId: props.replicaKeyArn },
              replicationTime: { status: 'Enabled', time: { minutes: S3_RTC_MINUTES } },
              metrics: { status: 'Enabled', eventThreshold: { minutes: S3_RTC_MINUTES } },
            },
          },
        ],
        // Both sides must be versioned before S3 accepts a replication configuration.
        dependsOn: [source.versioning, replica.versioning],
      }),
      'rpo',
    );
  }
}
