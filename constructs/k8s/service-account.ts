// One ServiceAccount per workload: RBAC and IAM (IRSA) are granted per workload, never to "default".
import { Construct } from 'constructs';
import { KubeServiceAccount } from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

export interface WorkloadServiceAccountProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  /** IAM role the pods assume (roleArnFor in constructs/contracts). Default: none, the pods get no AWS access. */
  readonly roleArn?: string;
  /** Extra annotations, e.g. Argo CD hook markers. Default: none. */
  readonly annotations?: Labels;
}

export class WorkloadServiceAccount extends Construct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: WorkloadServiceAccountProps) {
    super(scope, id);
    this.name = props.name;
    new Manifest(
      this,
      'Resource',
      KubeServiceAccount.manifest({
        metadata: objectMeta({
          name: props.name,
          namespace: props.namespace,
          labels: props.labels,
          annotations: {
            ...props.annotations,
            ...(props.roleArn ? { [IRSA_ANNOTATION]: props.roleArn } : {}),
          },
        }),
        // Pods never need an API token (see pod.ts); a pod added later does not get one by accident either.
        automountServiceAccountToken: false,
      }),
    );
  }
}
