// The role GitHub Actions assumes through OIDC to deploy this environment: trusted only for the model's repository
// *and* GitHub environment (required reviewers gate production). Everything outside IAM comes from AWS's
// PowerUserAccess; IAM is limited to roles named skillforge-<env>-* that carry the permissions boundary, so the
// role cannot make itself (or anything it creates) an administrator. It lives in <env>-bootstrap, applied by an
// administrator, because it must never be able to change itself, the plan role or the boundary.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import {
  CI_ROLE_PURPOSE,
  iamRoleArn,
  iamRoleName,
  permissionsBoundaryArn,
  PLAN_ROLE_PURPOSE,
  resourcePrefix,
} from '../contracts';
import { githubTrust, stateAccessStatements } from './github-oidc';

/** AWS managed policy: every service but IAM, Organizations and Account (vendored in test/aws/iam/managed-policies). */
export const POWER_USER_ACCESS = 'arn:aws:iam::aws:policy/PowerUserAccess';

/** IAM actions whose request carries `iam:PermissionsBoundary` (Service Authorization Reference, IAM actions table). */
const BOUNDED_ROLE_WRITES = [
  'iam:CreateRole',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary',
];

/** Role reads and writes that cannot widen what a bounded role may do. */
const ROLE_MAINTENANCE = [
  'iam:GetRole',
  'iam:DeleteRole',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
  'iam:UpdateAssumeRolePolicy',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:ListRoleTags',
  'iam:GetRolePolicy',
  'iam:ListRolePolicies',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
];

/** Every IAM write, for the denies that protect the CI roles and the boundary. */
const IAM_WRITES = [
  'iam:Add*',
  'iam:Attach*',
  'iam:Create*',
  'iam:Delete*',
  'iam:Detach*',
  'iam:PassRole',
  'iam:Put*',
  'iam:Remove*',
  'iam:Set*',
  'iam:Tag*',
  'iam:Untag*',
  'iam:Update*',
];

export interface GithubDeployRoleProps {
  readonly env: EnvConfig;
  readonly oidcProviderArn: string;
  /** The Terraform state key (its ARN; the backend's kms_key_id names the same key). */
  readonly stateKeyArn: string;
}

export class GithubDeployRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    const { env } = props;
    const account = env.aws.accountId;
    const projectRoles = `arn:aws:iam::${account}:role/${resourcePrefix(env)}-*`;
    const boundary = permissionsBoundaryArn(env);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [githubTrust(props.oidcProviderArn, deploySubject(env))],
    });
    this.role = new IamRole(this, 'role', {
      name: iamRoleName(env, CI_ROLE_PURPOSE),
      assumeRolePolicy: trust.json,
      maxSessionDuration: 3600,
    });
    new IamRolePolicyAttachment(this, 'power-user', { role: this.role.name, policyArn: POWER_USER_ACCESS });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        ...stateAccessStatements(env, props.stateKeyArn, 'read-write'),
        {
          sid: 'CreateAndChangeRolesOnlyWithinTheBoundary',
          effect: 'Allow',
          actions: BOUNDED_ROLE_WRITES,
          resources: [projectRoles],
          condition: [{ test: 'StringEquals', variable: 'iam:PermissionsBoundary', values: [boundary] }],
        },
        {
          sid: 'MaintainProjectRoles',
          effect: 'Allow',
          actions: ROLE_MAINTENANCE,
          resources: [projectRoles],
        },
        {
          sid: 'PassOnlyProjectRoles',
          effect: 'Allow',
          actions: ['iam:PassRole'],
          resources: [projectRoles],
        },
        {
          sid: 'ReadTheBoundaryAndManagedPolicies',
          effect: 'Allow',
          actions: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
          resources: [boundary, 'arn:aws:iam::aws:policy/*'],
        },
        {
          // EKS clusters' OIDC providers (IRSA); the GitHub provider belongs to <env>-bootstrap.
          sid: 'ClusterOidcProviders',
          effect: 'Allow',
          actions: [
            'iam:CreateOpenIDConnectProvider',
            'iam:DeleteOpenIDConnectProvider',
            'iam:GetOpenIDConnectProvider',
            'iam:UpdateOpenIDConnectProviderThumbprint',
            'iam:AddClientIDToOpenIDConnectProvider',
            'iam:TagOpenIDConnectProvider',
            'iam:UntagOpenIDConnectProvider',
          ],
          resources: [`arn:aws:iam::${account}:oidc-provider/oidc.eks.${env.aws.region}.amazonaws.com/id/*`],
        },
        {
          sid: 'NeverChangeTheCiRolesOrTheBoundary',
          effect: 'Deny',
          actions: IAM_WRITES,
          resources: [iamRoleArn(env, CI_ROLE_PURPOSE), iamRoleArn(env, PLAN_ROLE_PURPOSE), boundary],
        },
        {
          sid: 'NeverRemoveABoundary',
          effect: 'Deny',
          actions: ['iam:DeleteRolePermissionsBoundary'],
          resources: ['*'],
        },
      ],
    });
    new IamRolePolicy(this, 'policy', {
      role: this.role.id,
      name: 'state-and-bounded-iam',
      policy: permissions.json,
    });
  }
}

/** The `sub` claim of a job that runs in the environment's GitHub environment of the model's repository. */
export const deploySubject = (env: EnvConfig): string =>
  `repo:${env.ci.githubRepository}:environment:${env.ci.githubEnvironment}`;
