// What the two GitHub Actions roles share: GitHub's OIDC provider in the account, the trust statement that admits
// one `sub` claim of the model's repository, and access to this environment's Terraform state.
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { stackIds, stateBucketName, stateKey } from '../contracts';
import type { PolicyStatement } from './secure-bucket';
import { toDocumentStatement } from './secure-bucket';

export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';

export function githubOidcProvider(scope: Construct, id: string): IamOpenidConnectProvider {
  return new IamOpenidConnectProvider(scope, id, {
    url: `https://${GITHUB_OIDC_ISSUER}`,
    clientIdList: ['sts.amazonaws.com'],
  });
}

/**
 * Web-identity trust for exactly one subject (GitHub, "Configuring OpenID Connect in Amazon Web Services":
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services,
 * "Configuring the role and trust policy").
 */
export function githubTrust(providerArn: string, subject: string) {
  return {
    effect: 'Allow',
    principals: [{ type: 'Federated', identifiers: [providerArn] }],
    actions: ['sts:AssumeRoleWithWebIdentity'],
    condition: [
      { test: 'StringEquals', variable: `${GITHUB_OIDC_ISSUER}:sub`, values: [subject] },
      { test: 'StringEquals', variable: `${GITHUB_OIDC_ISSUER}:aud`, values: ['sts.amazonaws.com'] },
    ],
  };
}

/**
 * This environment's state objects (and, read-write, their lock objects), encrypted with the state key. Reading
 * needs kms:Decrypt; writing needs kms:GenerateDataKey too (S3 with SSE-KMS, "Permissions required":
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms).
 */
export function stateAccessStatements(
  env: EnvConfig,
  stateKeyArn: string,
  mode: 'read-only' | 'read-write',
): ReturnType<typeof toDocumentStatement>[] {
  const bucket = `arn:aws:s3:::${stateBucketName(env)}`;
  const stacks = stackIds(env);
  const states = stacks.map((stack) => `${bucket}/${stateKey(stack)}`);
  const locks = states.map((state) => `${state}.tflock`);
  const viaS3 = [
    { test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${env.aws.region}.amazonaws.com`] },
  ];
  const statements: PolicyStatement[] = [
    {
      sid: 'ListStateObjects',
      effect: 'Allow',
      principals: [],
      actions: ['s3:ListBucket'],
      resources: [bucket],
      condition: [{ test: 'StringLike', variable: 's3:prefix', values: stacks.map((stack) => `${stack}/*`) }],
    },
    mode === 'read-write'
      ? {
          sid: 'ReadAndWriteStateAndLocks',
          effect: 'Allow',
          principals: [],
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: [...states, ...locks],
        }
      : { sid: 'ReadState', effect: 'Allow', principals: [], actions: ['s3:GetObject'], resources: states },
    {
      sid: 'StateKey',
      effect: 'Allow',
      principals: [],
      actions: mode === 'read-write' ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
      resources: [stateKeyArn],
      condition: viaS3,
    },
  ];
  return statements.map(toDocumentStatement);
}
