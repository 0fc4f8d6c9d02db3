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
  /** AWS service principals allowed to use the key (e.g. logs.eu-west-1.amazonaws.com). Default: none. */
  readonly servicePrincipals?: readonly string[];
  /** Days before a scheduled deletion completes. Default 30, the maximum, so a mistake can be undone. */
  readonly deletionWindowDays?: number;
  /** IAM role ARNs (not whole accounts) that may encrypt and decrypt with the key. Default: none. */
  readonly userRoleArns?: readonly string[];
  /** Provider for another region (the DR key, or us-east-1 for CloudFront). Default: the stack's provider. */
  readonly provider?: TerraformProvider;
}

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
      ...(props.servicePrincipals?.length
        ? [
            {
              sid: 'ServiceUse',
              effect: 'Allow',
              principals: [{ type: 'Service', identifiers: [...props.servicePrincipals] }],
              actions: [
                'kms:Encrypt*',
                'kms:Decrypt*',
                'kms:ReEncrypt*',
                'kms:GenerateDataKey*',
                'kms:Describe*',
              ],
              resources: ['*'],
              condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [account] }],
            },
          ]
        : []),
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
