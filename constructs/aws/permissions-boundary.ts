// The permissions boundary of every role the deploy role creates (skillforge-<env>-boundary). A boundary caps what
// a role's own policies can grant (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html):
// everything outside IAM, Organizations and the account settings, plus only the IAM actions the platform's
// components call (pass a project role, create a service-linked role, Karpenter's instance profiles). So a role
// the deploy role creates can never create or edit roles and policies, and the deploy role — whose IAM writes
// all require this boundary (github-deploy-role.ts) — cannot escalate through a role it creates either.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { permissionsBoundaryName, resourcePrefix } from '../contracts';

export interface PermissionsBoundaryProps {
  readonly env: EnvConfig;
}

/** Instance-profile actions Karpenter's controller uses to manage the profiles of the nodes it launches. */
export const INSTANCE_PROFILE_ACTIONS = [
  'iam:AddRoleToInstanceProfile',
  'iam:CreateInstanceProfile',
  'iam:DeleteInstanceProfile',
  'iam:GetInstanceProfile',
  'iam:ListInstanceProfiles',
  'iam:RemoveRoleFromInstanceProfile',
  'iam:TagInstanceProfile',
] as const;

export class PermissionsBoundaryPolicy extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: PermissionsBoundaryProps) {
    super(scope, id);
    const { env } = props;
    const account = env.aws.accountId;
    const document = new DataAwsIamPolicyDocument(this, 'document', {
      statement: [
        {
          sid: 'EverythingButIdentityAndAccountAdministration',
          effect: 'Allow',
          notActions: ['iam:*', 'organizations:*', 'account:*'],
          resources: ['*'],
        },
        {
          sid: 'PassOnlyProjectRoles',
          effect: 'Allow',
          actions: ['iam:PassRole', 'iam:GetRole'],
          resources: [`arn:aws:iam::${account}:role/${resourcePrefix(env)}-*`],
        },
        {
          // The load-balancer controller, EKS, RDS, ElastiCache, OpenSearch and MSK create their own on first use.
          sid: 'ServiceLinkedRoles',
          effect: 'Allow',
          actions: ['iam:CreateServiceLinkedRole'],
          resources: [`arn:aws:iam::${account}:role/aws-service-role/*`],
        },
        {
          sid: 'KarpenterInstanceProfiles',
          effect: 'Allow',
          actions: [...INSTANCE_PROFILE_ACTIONS],
          resources: [`arn:aws:iam::${account}:instance-profile/*`],
        },
      ],
    });
    this.policy = new IamPolicy(this, 'policy', {
      name: permissionsBoundaryName(env),
      description: `Permissions boundary of every role the ${env.name} deploy role creates`,
      policy: document.json,
    });
  }
}
