// A customer-managed KMS key with rotation and an explicit key policy (CKV_AWS_7, CKV2_AWS_64, CKV_AWS_33).
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { kmsAliasName } from '../contracts';

export interface CustomerManagedKeyProps {
  readonly env: EnvConfig;
  /** Short purpose used in the alias, e.g. "logs" → alias/skillforge-prod-logs. */
  readonly purpose: string;
  readonly description: string;
  /**
   * CloudWatch Logs log groups (names, `*` allowed) whose events the key encrypts. The Logs service may use the
   * key only for those, by the encryption context Logs sends (kms:EncryptionContext:aws:logs:arn). Default: none.
   */
  readonly logGroups?: readonly string[];
  /** Days before a scheduled deletion completes. Default 30, the maximum, so a mistake can be undone. */
  readonly deletionWindowDays?: number;
  /** IAM role ARNs (not whole accounts) that may encrypt and decrypt with the key. Default: none. */
  readonly userRoleArns?: readonly string[];
  /**
   * The service those roles must go through (kms:ViaService), e.g. secretsmanager.eu-west-1.amazonaws.com. A key
   * policy that names a role is enough on its own for KMS, so without this the role could decrypt directly.
   * Default: none (direct use).
   */
  readonly userViaService?: string;
  /** Provider for another region (the DR key, or us-east-1 for CloudFront). Default: the stack's provider. */
  readonly provider?: TerraformProvider;
}

/**
 * The key policy CloudWatch Logs needs, as AWS documents it ("Encrypt log data in CloudWatch Logs using AWS KMS",
 * step 2: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html): the Logs service
 * principal of the region, limited by `kms:EncryptionContext:aws:logs:arn` to the named log groups. DescribeKey
 * carries no encryption context, so it has its own statement.
 */
function logsStatements(env: EnvConfig, logGroups: readonly string[]) {
  const logs = [{ type: 'Service', identifiers: [`logs.${env.aws.region}.amazonaws.com`] }];
  return [
    {
      sid: 'CloudWatchLogsUseForTheseLogGroups',
      effect: 'Allow',
      principals: logs,
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      condition: [
        {
          test: 'ArnLike',
          variable: 'kms:EncryptionContext:aws:logs:arn',
          values: logGroups.map((group) => logGroupArn(env, group)),
        },
      ],
    },
    {
      sid: 'CloudWatchLogsDescribe',
      effect: 'Allow',
      principals: logs,
      actions: ['kms:DescribeKey'],
      resources: ['*'],
    },
  ];
}

/** ARN of a log group by name, as Logs puts it in the encryption context (no trailing `:*`). */
export const logGroupArn = (env: EnvConfig, name: string): string =>
  `arn:aws:logs:${env.aws.region}:${env.aws.accountId}:log-group:${name}`;

export class CustomerManagedKey extends Construct {
  readonly key: KmsKey;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const account = props.env.aws.accountId;
    const statements = [
      {
        sid: 'AccountAdministration',
        effect: 'Allow',
        principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${account}:root`] }],
        actions: ['kms:*'],
        resources: ['*'],
      },
      ...(props.logGroups?.length ? logsStatements(props.env, props.logGroups) : []),
      ...(props.userRoleArns?.length
        ? [
            {
              sid: 'RoleUse',
              effect: 'Allow',
              principals: [{ type: 'AWS', identifiers: [...props.userRoleArns] }],
              actions: [
                'kms:Encrypt',
                'kms:Decrypt',
                'kms:ReEncrypt*',
                'kms:GenerateDataKey*',
                'kms:DescribeKey',
              ],
              resources: ['*'],
              condition: props.userViaService
                ? [{ test: 'StringEquals', variable: 'kms:ViaService', values: [props.userViaService] }]
                : undefined,
            },
          ]
        : []),
    ];
    const provider = props.provider;
    const policy = new DataAwsIamPolicyDocument(this, 'policy', { provider, statement: statements });
    this.key = new KmsKey(this, 'key', {
      provider,
      description: props.description,
      enableKeyRotation: true,
      isEnabled: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: policy.json,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'alias', {
      provider,
      name: kmsAliasName(props.env, props.purpose),
      targetKeyId: this.key.keyId,
    });
    this.arn = this.key.arn;
  }
}
