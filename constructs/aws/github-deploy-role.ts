// The role GitHub Actions assumes through OIDC to plan and deploy this environment: trusted only for the model's
// repository *and* GitHub environment (required reviewers gate production), allowed to use this environment's
// state objects, and to manage only IAM roles and policies named skillforge-<env>-*.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import {
  CI_ROLE_PURPOSE,
  iamRoleName,
  resourcePrefix,
  stackIds,
  stateBucketName,
  stateKey,
} from '../contracts';

export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';

/** The `sub` claim of a job that runs in the given GitHub environment of the given repository. */
export const githubSubject = (env: EnvConfig): string =>
  `repo:${env.ci.githubRepository}:environment:${env.ci.githubEnvironment}`;

export interface GithubDeployRoleProps {
  readonly env: EnvConfig;
}

export class GithubDeployRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    const { env } = props;
    const account = env.aws.accountId;
    const provider = new IamOpenidConnectProvider(this, 'oidc-provider', {
      url: `https://${GITHUB_OIDC_ISSUER}`,
      clientIdList: ['sts.amazonaws.com'],
    });
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [provider.arn] }],
          condition: [
            { test: 'StringEquals', variable: `${GITHUB_OIDC_ISSUER}:sub`, values: [githubSubject(env)] },
            { test: 'StringEquals', variable: `${GITHUB_OIDC_ISSUER}:aud`, values: ['sts.amazonaws.com'] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: iamRoleName(env, CI_ROLE_PURPOSE),
      assumeRolePolicy: trust.json,
      maxSessionDuration: 3600,
    });
    // Everything but IAM, in this environment's own account (one account per environment).
    new IamRolePolicyAttachment(this, 'power-user', {
      role: this.role.name,
      policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    const bucket = `arn:aws:s3:::${stateBucketName(env)}`;
    const stacks = stackIds(env);
    const prefix = resourcePrefix(env);
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        {
          effect: 'Allow',
          actions: ['s3:ListBucket'],
          resources: [bucket],
          condition: [
            { test: 'StringLike', variable: 's3:prefix', values: stacks.map((stack) => `${stack}/*`) },
          ],
        },
        {
          effect: 'Allow',
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: stacks.flatMap((stack) => [
            `${bucket}/${stateKey(stack)}`,
            `${bucket}/${stateKey(stack)}.tflock`,
          ]),
        },
        {
          effect: 'Allow',
          actions: [
            'iam:CreateRole',
            'iam:DeleteRole',
            'iam:GetRole',
            'iam:UpdateRole',
            'iam:UpdateAssumeRolePolicy',
            'iam:TagRole',
            'iam:UntagRole',
            'iam:PutRolePolicy',
            'iam:GetRolePolicy',
            'iam:DeleteRolePolicy',
            'iam:ListRolePolicies',
            'iam:ListAttachedRolePolicies',
            'iam:AttachRolePolicy',
            'iam:DetachRolePolicy',
            'iam:ListInstanceProfilesForRole',
            'iam:PassRole',
          ],
          resources: [`arn:aws:iam::${account}:role/${prefix}-*`],
        },
        {
          effect: 'Allow',
          actions: [
            'iam:CreateOpenIDConnectProvider',
            'iam:DeleteOpenIDConnectProvider',
            'iam:GetOpenIDConnectProvider',
            'iam:UpdateOpenIDConnectProviderThumbprint',
            'iam:AddClientIDToOpenIDConnectProvider',
            'iam:TagOpenIDConnectProvider',
          ],
          resources: [`arn:aws:iam::${account}:oidc-provider/*`],
        },
        {
          effect: 'Allow',
          actions: ['iam:CreateServiceLinkedRole'],
          resources: [`arn:aws:iam::${account}:role/aws-service-role/*`],
        },
      ],
    });
    new IamRolePolicy(this, 'policy', {
      role: this.role.id,
      name: 'state-and-iam',
      policy: permissions.json,
    });
  }
}
