// Autoscalers own the replica count of the workloads they target, and never let it drop to a single pod.
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { autoscalerOf, autoscalersTargeting, findObject } from '../cluster-view';
import { compliantApp, hpa, replacing, scaledObject, without } from '../fixtures/app';
import { deployment, rollout } from '../fixtures/workloads';
import { nameOf, namespaceOf, type Manifest } from '../manifest';
import type { PolicyRule } from '../types';
import { declaredReplicas, REPLICATED_KINDS } from '../workloads';

const AUTOSCALER_KINDS = ['HorizontalPodAutoscaler', 'ScaledObject'];
/** One pod is a single point of failure: every node drain or crash is an outage. */
const MIN_AUTOSCALED_REPLICAS = 2;

function scaledObjectWithoutMinimum(): IScaledObject & Manifest {
  const scaler = scaledObject();
  return { ...scaler, spec: { ...scaler.spec, minReplicaCount: undefined } };
}

/** The compliant app scaled by KEDA instead of a plain HPA. */
const kedaApp = [...without(compliantApp(), 'HorizontalPodAutoscaler'), scaledObject()];

export const scalingRules: readonly PolicyRule[] = [
  {
    id: 'autoscaled-workload-omits-replicas',
    checkIds: ['kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured'],
    kinds: REPLICATED_KINDS,
    // Argo CD would reset spec.replicas to the rendered value on every sync, fighting the autoscaler.
    description: 'A workload targeted by an HPA or a KEDA ScaledObject does not set spec.replicas.',
    check: (object, ctx) => {
      const replicas = declaredReplicas(object.manifest);
      const autoscalers = autoscalersTargeting(ctx, object);
      if (replicas === undefined || autoscalers.length === 0) return [];
      const by = autoscalers
        .map((ref) => `${ref.autoscaler.manifest.kind} ${nameOf(ref.autoscaler)}`)
        .join(', ');
      return [`sets replicas: ${replicas} but is scaled by ${by}: leave replicas out`];
    },
    good: [
      { name: 'HPA-managed without replicas', objects: compliantApp() },
      {
        name: 'fixed replicas without autoscaler',
        objects: without(replacing(compliantApp(), deployment({ replicas: 3 })), 'HorizontalPodAutoscaler'),
      },
    ],
    bad: [
      { name: 'HPA target sets replicas', objects: replacing(compliantApp(), deployment({ replicas: 3 })) },
      { name: 'KEDA target sets replicas', objects: replacing(kedaApp, deployment({ replicas: 2 })) },
      { name: 'Rollout with HPA sets replicas', objects: compliantApp(rollout({ replicas: 4 })) },
    ],
  },
  {
    id: 'autoscaler-min-replicas',
    checkIds: ['kube-score:horizontalpodautoscaler-replicas', 'polaris:hpaMinAvailability'],
    kinds: AUTOSCALER_KINDS,
    description: `HPAs and ScaledObjects keep at least ${MIN_AUTOSCALED_REPLICAS} replicas (HPA default 1, KEDA default 0).`,
    check: (object) => {
      const ref = autoscalerOf(object);
      return ref === undefined || ref.minReplicas >= MIN_AUTOSCALED_REPLICAS
        ? []
        : [
            `may scale down to ${ref.minReplicas} replica(s): set the minimum to at least ${MIN_AUTOSCALED_REPLICAS}`,
          ];
    },
    good: [
      { name: 'HPA min 2', objects: [hpa(2, 6)] },
      { name: 'ScaledObject min 2', objects: [scaledObject(2, 10)] },
    ],
    bad: [
      { name: 'HPA min 1', objects: [hpa(1, 6)] },
      { name: 'ScaledObject scaling to zero by default', objects: [scaledObjectWithoutMinimum()] },
    ],
  },
  {
    id: 'autoscaler-max-above-min',
    checkIds: ['polaris:hpaMaxAvailability'],
    kinds: AUTOSCALER_KINDS,
    description: 'An autoscaler can scale: its maximum is above its minimum.',
    check: (object) => {
      const ref = autoscalerOf(object);
      return ref === undefined || ref.maxReplicas > ref.minReplicas
        ? []
        : [`maximum ${ref.maxReplicas} is not above minimum ${ref.minReplicas}: the autoscaler cannot scale`];
    },
    good: [{ name: 'HPA 2..6', objects: [hpa(2, 6)] }],
    bad: [
      { name: 'HPA 3..3', objects: [hpa(3, 3)] },
      { name: 'ScaledObject 4..2', objects: [scaledObject(4, 2)] },
    ],
  },
  {
    id: 'autoscaler-target-exists',
    checkIds: [
      'kube-score:horizontalpodautoscaler-has-target',
      'kube-linter:dangling-horizontalpodautoscaler',
    ],
    kinds: AUTOSCALER_KINDS,
    description: 'The workload an HPA or ScaledObject scales is rendered in the same namespace.',
    check: (object, ctx) => {
      const ref = autoscalerOf(object);
      if (
        ref === undefined ||
        findObject(ctx, ref.target.kind, namespaceOf(object), ref.target.name) !== undefined
      )
        return [];
      return [
        `scales ${ref.target.kind} "${ref.target.name}", which is not rendered in namespace ${namespaceOf(object)}`,
      ];
    },
    good: [
      { name: 'HPA target rendered', objects: compliantApp() },
      { name: 'ScaledObject target rendered', objects: kedaApp },
    ],
    bad: [
      { name: 'target missing', objects: without(compliantApp(), 'Deployment') },
      {
        name: 'wrong kind',
        objects: replacing(compliantApp(), hpa(2, 6, { kind: 'StatefulSet', name: 'web' })),
      },
    ],
  },
  {
    id: 'single-autoscaler-per-workload',
    checkIds: [],
    kinds: REPLICATED_KINDS,
    // KEDA creates its own HPA for a ScaledObject; a second HPA on the same target makes the two fight.
    description: 'At most one HPA or ScaledObject targets a workload.',
    check: (object, ctx) => {
      const autoscalers = autoscalersTargeting(ctx, object);
      return autoscalers.length <= 1
        ? []
        : [
            `is scaled by ${autoscalers.map((ref) => `${ref.autoscaler.manifest.kind} ${nameOf(ref.autoscaler)}`).join(' and ')}`,
          ];
    },
    good: [{ name: 'one HPA', objects: compliantApp() }],
    bad: [{ name: 'HPA and ScaledObject', objects: [...compliantApp(), scaledObject()] }],
  },
];
