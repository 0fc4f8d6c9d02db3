// The EKS control plane of runbook §1.1 (`skillforge-<env>`): private API endpoint (public only for the model's
// CIDRs), envelope encryption of Kubernetes secrets with a customer-managed key, all five control-plane log types
// into a KMS-encrypted log group with the model's retention, and the OIDC provider that IRSA roles trust.
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EksCluster as AwsEksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { clusterName, iamRoleName } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';

/** EKS writes control-plane logs to exactly this group. */
const controlPlaneLogGroup = (cluster: string): string => `/aws/eks/${cluster}/cluster`;

export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export interface EksClusterProps {
  readonly env: EnvConfig;
  /** Private subnets of the network stack: the control plane's ENIs and the nodes live there. */
  readonly subnetIds: readonly string[];
}

export class EksCluster extends Construct {
  readonly cluster: AwsEksCluster;
  readonly oidcProvider: IamOpenidConnectProvider;
  /** The issuer without https://, as IRSA trust conditions name it (<issuer>:sub, <issuer>:aud). */
  readonly oidcIssuer: string;
  /** Security group EKS attaches to the control plane and to managed node groups: data stores admit it. */
  readonly clusterSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const { env } = props;
    const name = clusterName(env);
    const secretsKey = new CustomerManagedKey(this, 'secrets-key', {
      env,
      purpose: 'eks-secrets',
      description: `Envelope encryption of Kubernetes secrets in ${name}`,
    });
    const logsKey = new CustomerManagedKey(this, 'logs-key', {
      env,
      purpose: 'eks-logs',
      description: `Control-plane logs of ${name}`,
      logGroups: [controlPlaneLogGroup(name)],
    });
    // EKS writes to exactly this name; creating it first is how retention and the CMK are set.
    const logGroup = new CloudwatchLogGroup(this, 'control-plane-logs', {
      name: controlPlaneLogGroup(name),
      retentionInDays: env.cluster.controlPlaneLogRetentionDays,
      kmsKeyId: logsKey.arn,
    });
    const trust = new DataAwsIamPolicyDocument(this, 'role-trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          principals: [{ type: 'Service', identifiers: ['eks.amazonaws.com'] }],
        },
      ],
    });
    const role = new IamRole(this, 'role', {
      name: iamRoleName(env, 'eks-cluster'),
      assumeRolePolicy: trust.json,
    });
    const clusterPolicy = new IamRolePolicyAttachment(this, 'role-cluster-policy', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
    });
    const useKey = new DataAwsIamPolicyDocument(this, 'role-key-use', {
      statement: [
        {
          effect: 'Allow',
          actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
          resources: [secretsKey.arn],
        },
      ],
    });
    const keyPolicy = new IamRolePolicy(this, 'role-key-policy', {
      role: role.id,
      name: 'secrets-encryption',
      policy: useKey.json,
    });

    const publicCidrs = [...env.cluster.publicEndpointCidrs];
    this.cluster = new AwsEksCluster(this, 'cluster', {
      name,
      version: env.cluster.kubernetesVersion,
      roleArn: role.arn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        endpointPrivateAccess: true,
        // environments/rules/topology.ts refuses 0.0.0.0/0; no CIDRs means no public endpoint at all.
        endpointPublicAccess: publicCidrs.length > 0,
        ...(publicCidrs.length > 0 ? { publicAccessCidrs: publicCidrs } : {}),
      },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: secretsKey.arn } },
      enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
      // Who may use the API is declared as access entries (eks-access.ts), the creator included: nothing implicit.
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      // STANDARD: at the end of standard support EKS upgrades the cluster instead of billing extended support; the
      // weekly health check and the review warn kubernetesSupportWarningDays before that date.
      upgradePolicy: { supportType: 'STANDARD' },
      // The pinned managed add-ons (EksAddons) are the only copies of vpc-cni, coredns and kube-proxy.
      bootstrapSelfManagedAddons: false,
      deletionProtection: true,
      // EKS validates the role's permissions when it creates the cluster, and a destroy must keep them until the
      // cluster is gone: the cluster waits for its policies (provider docs, eks_cluster example).
      dependsOn: [logGroup, clusterPolicy, keyPolicy],
    });
    const issuerUrl = this.cluster.identity.get(0).oidc.get(0).issuer;
    this.oidcProvider = new IamOpenidConnectProvider(this, 'oidc-provider', {
      url: issuerUrl,
      clientIdList: ['sts.amazonaws.com'],
    });
    this.oidcIssuer = Fn.replace(issuerUrl, 'https://', '');
    this.clusterSecurityGroupId = this.cluster.vpcConfig.clusterSecurityGroupId;
  }
}
