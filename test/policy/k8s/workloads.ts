// Where each workload kind keeps its pod template, so pod-spec rules see every pod the tree can start.
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { Manifest } from './manifest';

/** Every kind that carries a pod template. */
export const POD_CONTROLLER_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Rollout',
] as const;
/** Pods meant to keep running (probes, spreading and disruption budgets apply). */
export const LONG_RUNNING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout'] as const;
/** Workloads with a replica count an autoscaler or a disruption budget reasons about. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'Rollout'] as const;
export const BATCH_KINDS = ['Job', 'CronJob'] as const;

export function podTemplateOf(manifest: Manifest): IPodTemplateSpec | undefined {
  if (Deployment.is(manifest) || StatefulSet.is(manifest) || DaemonSet.is(manifest) || Job.is(manifest)) {
    return manifest.spec?.template;
  }
  if (CronJob.is(manifest)) return manifest.spec?.jobTemplate.spec?.template;
  // A Rollout that uses `workloadRef` has no template of its own; the referenced Deployment is checked instead.
  // The CRD types its template inline with the core fields but looser enums (`operator: string`), hence the cast.
  if (Rollout.is(manifest)) return manifest.spec.template as IPodTemplateSpec | undefined;
  return undefined;
}

export function podSpecOf(manifest: Manifest): IPodSpec | undefined {
  return podTemplateOf(manifest)?.spec;
}

export function podLabelsOf(manifest: Manifest): Record<string, string> {
  return podTemplateOf(manifest)?.metadata?.labels ?? {};
}

export interface ContainerRef {
  readonly container: IContainer;
  readonly init: boolean;
  /** 'container "web"' or 'init container "migrate"', the way messages name it. */
  readonly label: string;
}

/** Init containers first, the order the kubelet starts them in. */
export function containersOf(spec: IPodSpec | undefined): ContainerRef[] {
  if (spec === undefined) return [];
  const init = (spec.initContainers ?? []).map((container) => ({
    container,
    init: true,
    label: `init container "${container.name}"`,
  }));
  const main = spec.containers.map((container) => ({
    container,
    init: false,
    label: `container "${container.name}"`,
  }));
  return [...init, ...main];
}

/** Runs `problem` on every container (init containers included) and collects the messages it returns. */
export function containerProblems(
  manifest: Manifest,
  problem: (ref: ContainerRef, pod: IPodSpec) => string | undefined,
): string[] {
  const pod = podSpecOf(manifest);
  if (pod === undefined) return [];
  return containersOf(pod).flatMap((ref) => {
    const message = problem(ref, pod);
    return message === undefined ? [] : [message];
  });
}

/** spec.replicas as written (undefined when the field is left out). */
export function declaredReplicas(manifest: Manifest): number | undefined {
  if (Deployment.is(manifest) || StatefulSet.is(manifest)) return manifest.spec?.replicas;
  if (Rollout.is(manifest)) return manifest.spec.replicas;
  return undefined;
}
