// PodDisruptionBudgets keep enough pods up during node drains without ever blocking a drain.
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IPodDisruptionBudgetSpec } from 'kubernetes-models/policy/v1/PodDisruptionBudgetSpec';
import { minimumReplicas } from '../cluster-view';
import { compliantApp, hpa, pdb, replacing, without } from '../fixtures/app';
import { deployment } from '../fixtures/workloads';
import { namespaceOf, type PolicyObject } from '../manifest';
import { labelSelectorMatches } from '../selectors';
import type { PolicyRule, RuleContext } from '../types';
import { podLabelsOf, REPLICATED_KINDS } from '../workloads';

const kinds = ['PodDisruptionBudget'];

function specOf(object: PolicyObject): IPodDisruptionBudgetSpec | undefined {
  return PodDisruptionBudget.is(object.manifest) ? object.manifest.spec : undefined;
}

/** Workloads whose pods the budget's selector matches; a budget without a selector matches nothing. */
function workloadsSelectedBy(ctx: RuleContext, budget: PolicyObject): PolicyObject[] {
  const selector = specOf(budget)?.selector;
  if (selector === undefined) return [];
  const replicated: readonly string[] = REPLICATED_KINDS;
  return ctx.objects.filter(
    (object) =>
      replicated.includes(object.manifest.kind) &&
      namespaceOf(object) === namespaceOf(budget) &&
      labelSelectorMatches(selector, podLabelsOf(object.manifest)),
  );
}

/** An int-or-percent as the disruption controller reads it: percentages of `total`, rounded up. */
function podsFrom(value: number | string, total: number): number {
  return typeof value === 'number' ? value : Math.ceil((Number.parseFloat(value) / 100) * total);
}

export const disruptionBudgetRules: readonly PolicyRule[] = [
  {
    id: 'pdb-allows-evictions',
    checkIds: ['polaris:pdbDisruptionsIsZero', 'kube-linter:pdb-max-unavailable'],
    kinds,
    description:
      'A PodDisruptionBudget never forbids every eviction (maxUnavailable 0 or minAvailable 100 %).',
    check: (object) => {
      const spec = specOf(object);
      if (spec?.maxUnavailable === 0 || spec?.maxUnavailable === '0%') {
        return [`maxUnavailable ${spec.maxUnavailable} blocks every node drain`];
      }
      return spec?.minAvailable === '100%' ? ['minAvailable 100% blocks every node drain'] : [];
    },
    good: [
      { name: 'minAvailable 1', objects: [pdb()] },
      { name: 'maxUnavailable 25%', objects: [pdb({ minAvailable: undefined, maxUnavailable: '25%' })] },
    ],
    bad: [
      { name: 'maxUnavailable 0', objects: [pdb({ minAvailable: undefined, maxUnavailable: 0 })] },
      { name: 'maxUnavailable 0%', objects: [pdb({ minAvailable: undefined, maxUnavailable: '0%' })] },
      { name: 'minAvailable 100%', objects: [pdb({ minAvailable: '100%' })] },
    ],
  },
  {
    id: 'pdb-min-available-below-replicas',
    checkIds: ['polaris:pdbMinAvailableGreaterThanHPAMinReplicas', 'kube-linter:pdb-min-available'],
    kinds,
    // With minAvailable equal to the pods that exist, no pod may ever be evicted and drains hang.
    description:
      'minAvailable is below the fewest pods the selected workloads run (HPA minimum, else replicas).',
    check: (object, ctx) => {
      const minAvailable = specOf(object)?.minAvailable;
      const workloads = workloadsSelectedBy(ctx, object);
      if (minAvailable === undefined || workloads.length === 0) return [];
      const fewest = workloads.reduce((sum, workload) => sum + minimumReplicas(ctx, workload), 0);
      const required = podsFrom(minAvailable, fewest);
      return required < fewest
        ? []
        : [`minAvailable ${minAvailable} needs ${required} pods but only ${fewest} are guaranteed to run`];
    },
    good: [
      { name: '1 of HPA min 2', objects: compliantApp() },
      {
        name: '50% of HPA min 4',
        objects: replacing(compliantApp(), hpa(4, 8), pdb({ minAvailable: '50%' })),
      },
    ],
    bad: [
      { name: 'equal to HPA min', objects: replacing(compliantApp(), pdb({ minAvailable: 2 })) },
      { name: '90% of 2 rounds up to 2', objects: replacing(compliantApp(), pdb({ minAvailable: '90%' })) },
      {
        name: 'above fixed replicas',
        objects: without(
          replacing(compliantApp(), deployment({ replicas: 3 }), pdb({ minAvailable: 3 })),
          'HorizontalPodAutoscaler',
        ),
      },
    ],
  },
  {
    id: 'pdb-unhealthy-pod-eviction-policy',
    checkIds: ['kube-linter:pdb-unhealthy-pod-eviction-policy'],
    kinds,
    // The default (IfHealthyBudget) lets a crash-looping pod block a drain; the choice should be explicit.
    description:
      'A PodDisruptionBudget sets unhealthyPodEvictionPolicy explicitly (AlwaysAllow recommended).',
    check: (object) =>
      specOf(object)?.unhealthyPodEvictionPolicy === undefined
        ? ['does not set unhealthyPodEvictionPolicy']
        : [],
    good: [{ name: 'AlwaysAllow', objects: [pdb()] }],
    bad: [{ name: 'left to the default', objects: [pdb({ unhealthyPodEvictionPolicy: undefined })] }],
  },
  {
    id: 'pdb-selects-pods',
    checkIds: [],
    kinds,
    description: 'A PodDisruptionBudget selects the pods of at least one rendered workload.',
    check: (object, ctx) =>
      workloadsSelectedBy(ctx, object).length > 0
        ? []
        : ['selects no pods of any rendered workload: it protects nothing'],
    good: [{ name: 'selects web', objects: compliantApp() }],
    bad: [
      {
        name: 'label typo',
        objects: replacing(compliantApp(), pdb({ selector: { matchLabels: { app: 'wbe' } } })),
      },
      { name: 'no selector', objects: replacing(compliantApp(), pdb({ selector: undefined })) },
    ],
  },
];
