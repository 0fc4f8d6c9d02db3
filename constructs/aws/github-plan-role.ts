// The read-only role pull-request plans assume (plan.yml). A pull request runs code from its branch, so this role
// is trusted only for the `pull_request` subject (a job with no GitHub environment), may read what Terraform
// refreshes and this environment's state, and writes nothing: not the state, not its lock (plans run with
// -lock=false), not any resource. Data-plane reads a refresh never needs (secret values, objects, log events,
// instance passwords, image layers) are denied explicitly.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { iamRoleName, PLAN_ROLE_PURPOSE, stackIds, stateBucketName, stateKey } from '../contracts';
import { githubTrust, stateAccessStatements } from './github-oidc';

/**
 * Read verbs per IAM service prefix of the resource types the stacks manage (Describe*, Get*, List* as each
 * service names its reads in the Service Authorization Reference). test/aws/iam checks that every resource type
 * of the rendered tree maps to one of these services and that every pattern names real actions.
 */
export const PLAN_READS: Readonly<Record<string, readonly ('Describe' | 'Get' | 'List')[]>> = {
  acm: ['Describe', 'Get', 'List'],
  cloudfront: ['Describe', 'Get', 'List'],
  ec2: ['Describe', 'Get'],
  ecr: ['Describe', 'Get', 'List'],
  eks: ['Describe', 'List'],
  elasticache: ['Describe', 'List'],
  es: ['Describe', 'Get', 'List'],
  events: ['Describe', 'List'],
  iam: ['Get', 'List'],
  kafka: ['Describe', 'Get', 'List'],
  kms: ['Describe', 'Get', 'List'],
  lambda: ['Get', 'List'],
  logs: ['Describe', 'Get', 'List'],
  rds: ['Describe', 'List'],
  route53: ['Get', 'List'],
  s3: ['Get', 'List'],
  secretsmanager: ['Describe', 'Get', 'List'],
  sqs: ['Get', 'List'],
  wafv2: ['Describe', 'Get', 'List'],
};

/** Reads that return data rather than configuration: a plan never needs them. */
export const PLAN_DENIED_DATA_READS = [
  'ec2:GetConsoleOutput',
  'ec2:GetConsoleScreenshot',
  'ec2:GetPasswordData',
  'ecr:GetAuthorizationToken',
  'ecr:GetDownloadUrlForLayer',
  'logs:GetLogEvents',
  'logs:GetLogRecord',
  'logs:GetQueryResults',
  'secretsmanager:GetSecretValue',
];

/**
 * The `sub` claim of a pull-request job without a GitHub environment (GitHub, "OpenID Connect reference", "Example
 * subject claims", filtering for pull_request events:
 * https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims).
 */
export const pullRequestSubject = (env: EnvConfig): string => `repo:${env.ci.githubRepository}:pull_request`;

export interface GithubPlanRoleProps {
  readonly env: EnvConfig;
  readonly oidcProviderArn: string;
  readonly stateKeyArn: string;
}

export class GithubPlanRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: GithubPlanRoleProps) {
    super(scope, id);
    const { env } = props;
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [githubTrust(props.oidcProviderArn, pullRequestSubject(env))],
    });
    this.role = new IamRole(this, 'role', {
      name: iamRoleName(env, PLAN_ROLE_PURPOSE),
      assumeRolePolicy: trust.json,
      maxSessionDuration: 3600,
    });
    const states = stackIds(env).map((stack) => `arn:aws:s3:::${stateBucketName(env)}/${stateKey(stack)}`);
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        ...stateAccessStatements(env, props.stateKeyArn, 'read-only'),
        {
          sid: 'RefreshReads',
          effect: 'Allow',
          actions: Object.entries(PLAN_READS).flatMap(([service, verbs]) =>
            verbs.map((verb) => `${service}:${verb}*`),
          ),
          resources: ['*'],
        },
        { sid: 'WhoAmI', effect: 'Allow', actions: ['sts:GetCallerIdentity'], resources: ['*'] },
        { sid: 'NoDataReads', effect: 'Deny', actions: PLAN_DENIED_DATA_READS, resources: ['*'] },
        {
          sid: 'NoObjectReadsButState',
          effect: 'Deny',
          actions: ['s3:GetObject*'],
          notResources: states,
        },
      ],
    });
    new IamRolePolicy(this, 'policy', {
      role: this.role.id,
      name: 'read-only-plan',
      policy: permissions.json,
    });
  }
}
