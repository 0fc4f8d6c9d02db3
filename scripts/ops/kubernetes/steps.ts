// Steps that act on the cluster through client.ts and print the equivalent kubectl lines: scale, create a Job
// from a CronJob, merge-patch (annotations, autoscaler floors, Argo CD sync policy), rolling restart and waiting
// for a rollout. Commands compose these instead of talking to the client directly.
import type { EnvConfig } from '../../../environments';
import type { Step, StepContext } from '../runner/procedure';
import type { JsonObject, KubeActions, ObjectRef } from './client';
import { kubectl, mergePatchLine, rolloutsPlugin } from './kubectl';

export type WorkloadKind = 'Deployment' | 'Rollout';

/** A Deployment, or an Argo Rollout for services the model delivers by canary. */
export interface Workload {
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
}

export const workloadOf = (service: {
  readonly name: string;
  readonly namespace: string;
  readonly delivery: 'canary' | 'rolling';
}): Workload => ({
  kind: service.delivery === 'canary' ? 'Rollout' : 'Deployment',
  namespace: service.namespace,
  name: service.name,
});

const workloadRef = (workload: Workload): ObjectRef => ({
  apiVersion: workload.kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
  kind: workload.kind,
  namespace: workload.namespace,
  name: workload.name,
});

export interface Patch {
  readonly ref: ObjectRef;
  readonly patch: JsonObject;
}

export const patchStep = (name: string, env: EnvConfig, patches: readonly Patch[]): Step => ({
  name,
  changes: true,
  lines: patches.map(({ ref, patch }) => mergePatchLine(env, ref, patch)),
  async run(ctx) {
    const kube = await ctx.kube();
    for (const { ref, patch } of patches) {
      await kube.mergePatch(ref, patch);
      ctx.log('kubernetes.patched', {
        kind: ref.kind,
        namespace: ref.namespace ?? null,
        name: ref.name,
        patch,
      });
    }
  },
});

export const scaleStep = (
  name: string,
  env: EnvConfig,
  namespace: string,
  deployment: string,
  replicas: number,
): Step => ({
  name,
  changes: true,
  lines: [kubectl(env, namespace, 'scale', 'deployment', deployment, `--replicas=${replicas}`)],
  async run(ctx) {
    await (await ctx.kube()).scaleDeployment(namespace, deployment, replicas);
    ctx.log('kubernetes.scaled', { namespace, deployment, replicas });
  },
});

export const createJobStep = (
  name: string,
  env: EnvConfig,
  namespace: string,
  cronJob: string,
  jobName: string,
): Step => ({
  name,
  changes: true,
  lines: [kubectl(env, namespace, 'create', 'job', `--from=cronjob/${cronJob}`, jobName)],
  async run(ctx) {
    await (await ctx.kube()).createJobFromCronJob(namespace, cronJob, jobName);
    ctx.log('kubernetes.job_created', { namespace, cronJob, job: jobName });
  },
});

/** What `kubectl rollout restart` and `kubectl argo rollouts restart` change: new pods, one batch at a time. */
export function restartPatch(workload: Workload, at: Date): JsonObject {
  return workload.kind === 'Rollout'
    ? { spec: { restartAt: at.toISOString() } }
    : {
        spec: {
          template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at.toISOString() } } },
        },
      };
}

export const restartStep = (name: string, env: EnvConfig, workloads: readonly Workload[]): Step => ({
  name,
  changes: true,
  lines: workloads.map((workload) =>
    workload.kind === 'Rollout'
      ? rolloutsPlugin(env, workload.namespace, 'restart', workload.name)
      : kubectl(env, workload.namespace, 'rollout', 'restart', `deployment/${workload.name}`),
  ),
  async run(ctx) {
    const kube = await ctx.kube();
    for (const workload of workloads) {
      await kube.mergePatch(workloadRef(workload), restartPatch(workload, ctx.deps.now()));
      ctx.log('kubernetes.restarted', { ...workload });
    }
  },
});

export const rolloutStatusStep = (
  name: string,
  env: EnvConfig,
  workloads: readonly Workload[],
  timeoutSeconds: number,
): Step => ({
  name,
  changes: false,
  lines: workloads.map((workload) =>
    workload.kind === 'Rollout'
      ? rolloutsPlugin(env, workload.namespace, 'status', workload.name, '--timeout', `${timeoutSeconds}s`)
      : kubectl(
          env,
          workload.namespace,
          'rollout',
          'status',
          `deployment/${workload.name}`,
          `--timeout=${timeoutSeconds}s`,
        ),
  ),
  async run(ctx) {
    const kube = await ctx.kube();
    for (const workload of workloads) {
      await ctx.waitFor(
        `${workload.kind.toLowerCase()}/${workload.name} to finish rolling out`,
        () => rolledOut(kube, workload),
        timeoutSeconds * 1000,
        5_000,
      );
      ctx.log('kubernetes.rolled_out', { ...workload });
    }
  },
});

/** kubectl's rollout-status rule for Deployments; the Rollout controller's phase for Rollouts. */
export async function rolledOut(kube: KubeActions, workload: Workload): Promise<true | undefined> {
  const object = await kube.read(workloadRef(workload));
  if (object === undefined)
    throw new Error(`${workload.kind} ${workload.namespace}/${workload.name} does not exist`);
  const metadata = (object.metadata ?? {}) as { generation?: number };
  const spec = (object.spec ?? {}) as { replicas?: number };
  const status = (object.status ?? {}) as Record<string, unknown>;
  if (workload.kind === 'Rollout') {
    if (status.phase === 'Degraded')
      throw new Error(`rollout ${workload.name} is Degraded: ${String(status.message)}`);
    const observed = Number(status.observedGeneration);
    return status.phase === 'Healthy' && observed >= (metadata.generation ?? 0) ? true : undefined;
  }
  const wanted = spec.replicas ?? 1;
  const done =
    Number(status.observedGeneration ?? 0) >= (metadata.generation ?? 0) &&
    Number(status.updatedReplicas ?? 0) >= wanted &&
    Number(status.replicas ?? 0) <= Number(status.updatedReplicas ?? 0) &&
    Number(status.availableReplicas ?? 0) >= Number(status.updatedReplicas ?? 0);
  return done ? true : undefined;
}

/** Reads an object once per interval until `ready` says so; used for Argo CD application status. */
export async function waitForObject(
  ctx: StepContext,
  ref: ObjectRef,
  what: string,
  ready: (object: JsonObject | undefined) => boolean,
  timeoutMs: number,
): Promise<void> {
  const kube = await ctx.kube();
  await ctx.waitFor(what, async () => (ready(await kube.read(ref)) ? true : undefined), timeoutMs, 10_000);
}
