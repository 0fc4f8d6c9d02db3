// <env>-cluster: EKS with its node groups, pinned add-ons, the OIDC provider and one IRSA role per binding of the
// model (controllers and workloads). Depends on <env>-network for the private subnets.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { EksAccess } from '../constructs/aws/eks-access';
import { EksAddons } from '../constructs/aws/eks-addons';
import { EksCluster } from '../constructs/aws/eks-cluster';
import { IrsaRoles } from '../constructs/aws/irsa-roles';
import { Karpenter } from '../constructs/aws/karpenter';
import { NodeGroups } from '../constructs/aws/node-groups';
import { OriginSecurityGroup } from '../constructs/aws/origin-security-group';
import { SkillforgeStack } from './base-stack';
import type { NetworkStack } from './network-stack';

export class ClusterStack extends SkillforgeStack {
  readonly eks: EksCluster;
  readonly irsa: IrsaRoles;

  constructor(scope: Construct, env: EnvConfig, network: NetworkStack) {
    super(scope, { env, layer: 'cluster' });
    const subnetIds = network.network.privateSubnetIds;
    this.eks = new EksCluster(this, 'eks', { env, subnetIds });
    const clusterName = this.eks.cluster.name;
    new EksAccess(this, 'access', { env, clusterName });
    new OriginSecurityGroup(this, 'origin', { env, vpcId: network.network.vpc.id });
    new Karpenter(this, 'karpenter', { env, clusterName });
    this.irsa = new IrsaRoles(this, 'irsa', {
      env,
      oidcProviderArn: this.eks.oidcProvider.arn,
      oidcIssuer: this.eks.oidcIssuer,
    });
    const networking = new EksAddons(this, 'addons-before-nodes', {
      env,
      clusterName,
      phase: 'before-nodes',
    });
    const nodes = new NodeGroups(this, 'nodes', {
      env,
      clusterName,
      subnetIds,
      dependsOn: networking.addons,
    });
    const csiRole = this.irsa.roles.get('ebs-csi-driver');
    new EksAddons(this, 'addons', {
      env,
      clusterName,
      phase: 'after-nodes',
      nodes: nodes.groups,
      serviceAccountRoles: csiRole ? { 'aws-ebs-csi-driver': csiRole.arn } : {},
    });
  }
}
