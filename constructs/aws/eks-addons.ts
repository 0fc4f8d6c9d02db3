// Core EKS add-ons at the versions the model pins (cluster.addons): upgrades are reviewed changes, never drift.
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';

/** Networking add-ons nodes need to become Ready; installed before the node groups, the rest after them. */
export const ADDONS_BEFORE_NODES: readonly string[] = ['vpc-cni', 'kube-proxy', 'eks-pod-identity-agent'];

export interface EksAddonsProps {
  readonly env: EnvConfig;
  /** before-nodes: ADDONS_BEFORE_NODES; after-nodes: every other add-on of the model. */
  readonly phase: 'before-nodes' | 'after-nodes';
  readonly clusterName: string;
  /** IRSA role per add-on that calls AWS (aws-ebs-csi-driver). Default: none, the add-on uses the node role. */
  readonly serviceAccountRoles?: Readonly<Record<string, string>>;
  /** Add-ons whose pods need nodes (coredns, the CSI controller) wait for the node groups. Default: none. */
  readonly nodes?: readonly ITerraformDependable[];
}

export class EksAddons extends Construct {
  readonly addons: EksAddon[] = [];

  constructor(scope: Construct, id: string, props: EksAddonsProps) {
    super(scope, id);
    const selected = Object.entries(props.env.cluster.addons).filter(
      ([name]) => ADDONS_BEFORE_NODES.includes(name) === (props.phase === 'before-nodes'),
    );
    for (const [name, version] of selected) {
      const addon = new EksAddon(this, name, {
        clusterName: props.clusterName,
        addonName: name,
        addonVersion: version,
        serviceAccountRoleArn: props.serviceAccountRoles?.[name],
        // Terraform is the source of truth on create; on update keep fields another controller set.
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'PRESERVE',
        dependsOn: [...(props.nodes ?? [])],
      });
      this.addons.push(addon);
    }
  }
}
