// Questions rules ask about the other objects of an environment: which pods a selector hits, which autoscaler
// manages a workload, how few replicas it can run with.
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { nameOf, namespaceOf, type PolicyObject } from './manifest';
import type { RuleContext } from './types';
import { declaredReplicas, podLabelsOf, podSpecOf, POD_CONTROLLER_KINDS } from './workloads';

export interface PodTemplateRef {
  readonly owner: PolicyObject;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: IPodSpec;
}

export function objectsOfKind(ctx: RuleContext, kind: string, namespace?: string): PolicyObject[] {
  return ctx.objects.filter(
    (object) =>
      object.manifest.kind === kind && (namespace === undefined || namespaceOf(object) === namespace),
  );
}

export function findObject(
  ctx: RuleContext,
  kind: string,
  namespace: string,
  name: string,
): PolicyObject | undefined {
  return objectsOfKind(ctx, kind, namespace).find((object) => nameOf(object) === name);
}

/** The pod templates of every workload in a namespace. */
export function podTemplatesIn(ctx: RuleContext, namespace: string): PodTemplateRef[] {
  const kinds: readonly string[] = POD_CONTROLLER_KINDS;
  return ctx.objects.flatMap((owner) => {
    if (!kinds.includes(owner.manifest.kind) || namespaceOf(owner) !== namespace) return [];
    const spec = podSpecOf(owner.manifest);
    return spec === undefined ? [] : [{ owner, labels: podLabelsOf(owner.manifest), spec }];
  });
}

export interface AutoscalerRef {
  readonly autoscaler: PolicyObject;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly target: { readonly kind: string; readonly name: string };
}

/** An HPA or a KEDA ScaledObject with the API defaults filled in (HPA min 1; KEDA min 0, max 100). */
export function autoscalerOf(object: PolicyObject): AutoscalerRef | undefined {
  const manifest = object.manifest;
  if (HorizontalPodAutoscaler.is(manifest) && manifest.spec !== undefined) {
    const { scaleTargetRef, minReplicas, maxReplicas } = manifest.spec;
    return {
      autoscaler: object,
      minReplicas: minReplicas ?? 1,
      maxReplicas,
      target: { kind: scaleTargetRef.kind, name: scaleTargetRef.name },
    };
  }
  if (ScaledObject.is(manifest)) {
    const { scaleTargetRef, minReplicaCount, maxReplicaCount } = manifest.spec;
    return {
      autoscaler: object,
      minReplicas: minReplicaCount ?? 0,
      maxReplicas: maxReplicaCount ?? 100,
      target: { kind: scaleTargetRef.kind ?? 'Deployment', name: scaleTargetRef.name },
    };
  }
  return undefined;
}

export function autoscalersTargeting(ctx: RuleContext, workload: PolicyObject): AutoscalerRef[] {
  return ['HorizontalPodAutoscaler', 'ScaledObject']
    .flatMap((kind) => objectsOfKind(ctx, kind, namespaceOf(workload)))
    .flatMap((object) => autoscalerOf(object) ?? [])
    .filter((ref) => ref.target.kind === workload.manifest.kind && ref.target.name === nameOf(workload));
}

/** The fewest pods the workload runs with outside a rollout: the autoscaler's floor, else spec.replicas (default 1). */
export function minimumReplicas(ctx: RuleContext, workload: PolicyObject): number {
  const autoscalers = autoscalersTargeting(ctx, workload);
  if (autoscalers.length > 0) return Math.min(...autoscalers.map((ref) => ref.minReplicas));
  return declaredReplicas(workload.manifest) ?? 1;
}
