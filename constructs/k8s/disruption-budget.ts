// How many pods a voluntary disruption (node drain, cluster upgrade) must leave running.
import { Construct } from 'constructs';
import { IntOrString, KubePodDisruptionBudget } from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

export type Budget = { readonly minAvailable: number } | { readonly maxUnavailable: number };

export interface DisruptionBudgetProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly selector: Labels;
  /** minAvailable must stay below the autoscaler's floor (rule pdb-under-min-replicas) so drains progress. */
  readonly budget: Budget;
}

export class DisruptionBudget extends Construct {
  constructor(scope: Construct, id: string, props: DisruptionBudgetProps) {
    super(scope, id);
    const budget =
      'minAvailable' in props.budget
        ? { minAvailable: IntOrString.fromNumber(props.budget.minAvailable) }
        : { maxUnavailable: IntOrString.fromNumber(props.budget.maxUnavailable) };
    new Manifest(
      this,
      'Resource',
      KubePodDisruptionBudget.manifest({
        metadata: objectMeta({
          name: props.name,
          namespace: props.namespace,
          labels: props.labels,
          nfr: ['availability-target'],
        }),
        spec: {
          ...budget,
          selector: { matchLabels: { ...props.selector } },
          // A crash-looping pod must not block a node drain: only healthy pods count against the budget.
          unhealthyPodEvictionPolicy: 'AlwaysAllow',
        },
      }),
    );
  }
}
