// Who may use the cluster's Kubernetes API (authentication mode API: only access entries count; AWS docs "Grant
// IAM users access to Kubernetes with EKS access entries"). Three principals, each with an AWS-managed access
// policy ("Associate access policies with access entries", access policy permissions table):
//   - the deploy role: cluster admin, to install Argo CD and sync it (bootstrap-cluster, deploy-app);
//   - the on-call role: AmazonEKSViewPolicy cluster-wide (no Secrets), plus the model's on-call group, which the
//     namespace RBAC of the rendered tree binds to its read-only and runbook roles;
//   - the break-glass role: cluster admin, assumable only with MFA, for when CI or the identity provider is down.
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import {
  BREAK_GLASS_ROLE_PURPOSE,
  CI_ROLE_PURPOSE,
  clusterName,
  iamRoleArn,
  iamRoleName,
  ONCALL_ROLE_PURPOSE,
} from '../contracts';

const ACCESS_POLICY = (name: string): string => `arn:aws:eks::aws:cluster-access-policy/${name}`;
export const CLUSTER_ADMIN_POLICY = ACCESS_POLICY('AmazonEKSClusterAdminPolicy');
export const VIEW_POLICY = ACCESS_POLICY('AmazonEKSViewPolicy');

export interface EksAccessProps {
  readonly env: EnvConfig;
  /** The cluster resource's name (a reference, so entries wait for the cluster). */
  readonly clusterName: string;
}

export class EksAccess extends Construct {
  readonly entries: EksAccessEntry[] = [];
  private readonly env: EnvConfig;

  constructor(scope: Construct, id: string, props: EksAccessProps) {
    super(scope, id);
    const { env } = props;
    this.env = env;
    const oncall = this.humanRole('oncall', ONCALL_ROLE_PURPOSE, false);
    const breakGlass = this.humanRole('break-glass', BREAK_GLASS_ROLE_PURPOSE, true);
    this.grant('deploy', props.clusterName, iamRoleArn(env, CI_ROLE_PURPOSE), CLUSTER_ADMIN_POLICY, []);
    this.grant('oncall', props.clusterName, oncall.arn, VIEW_POLICY, [env.access.groups.oncall]);
    this.grant('break-glass', props.clusterName, breakGlass.arn, CLUSTER_ADMIN_POLICY, []);
  }

  /**
   * A role people assume from this account (their own permissions decide who may call sts:AssumeRole on it); the
   * break-glass role additionally requires MFA. Its only IAM permission: describe the cluster for kubeconfig.
   */
  private humanRole(id: string, purpose: string, mfa: boolean): IamRole {
    const env = this.env;
    const account = env.aws.accountId;
    const trust = new DataAwsIamPolicyDocument(this, `${id}-trust`, {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${account}:root`] }],
          condition: mfa ? [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }] : [],
        },
      ],
    });
    const role = new IamRole(this, `${id}-role`, {
      name: iamRoleName(env, purpose),
      assumeRolePolicy: trust.json,
      maxSessionDuration: 3600,
    });
    const describe = new DataAwsIamPolicyDocument(this, `${id}-permissions`, {
      statement: [
        {
          effect: 'Allow',
          actions: ['eks:DescribeCluster'],
          resources: [`arn:aws:eks:${env.aws.region}:${account}:cluster/${clusterName(env)}`],
        },
      ],
    });
    new IamRolePolicy(this, `${id}-policy`, { role: role.id, name: 'kubeconfig', policy: describe.json });
    return role;
  }

  private grant(
    id: string,
    cluster: string,
    principalArn: string,
    policyArn: string,
    kubernetesGroups: string[],
  ): void {
    const entry = new EksAccessEntry(this, `${id}-entry`, {
      clusterName: cluster,
      principalArn,
      type: 'STANDARD',
      ...(kubernetesGroups.length > 0 ? { kubernetesGroups } : {}),
    });
    new EksAccessPolicyAssociation(this, `${id}-policy-association`, {
      clusterName: cluster,
      principalArn,
      policyArn,
      accessScope: { type: 'cluster' },
      dependsOn: [entry],
    });
    this.entries.push(entry);
  }
}
