// The kubectl command lines a dry run prints for the Kubernetes actions of client.ts. Every line names the context
// from the model, so a printed line does the same thing whatever context the operator's shell has selected.
import type { EnvConfig } from '../../../environments';
import { kubeContext } from '../../../constructs/contracts';
import { type Arg, command, type CommandLine } from '../runner/shell';
import type { JsonObject, ObjectRef } from './client';

/** kubectl's resource name for each kind this tool touches (fully qualified for custom resources). */
const RESOURCES: Readonly<Record<string, string>> = {
  Deployment: 'deployment',
  ConfigMap: 'configmap',
  CronJob: 'cronjob',
  HorizontalPodAutoscaler: 'horizontalpodautoscaler',
  ScaledObject: 'scaledobjects.keda.sh',
  Application: 'applications.argoproj.io',
  Rollout: 'rollouts.argoproj.io',
};

export function resourceOf(kind: string): string {
  const resource = RESOURCES[kind];
  if (resource === undefined) throw new Error(`no kubectl resource name known for kind ${kind}`);
  return resource;
}

export function kubectl(env: EnvConfig, namespace: string | undefined, ...args: Arg[]): CommandLine {
  return command([
    'kubectl',
    '--context',
    kubeContext(env),
    ...(namespace === undefined ? [] : ['-n', namespace]),
    ...args,
  ]);
}

/**
 * The Argo Rollouts kubectl plugin. kubectl refuses flags before a plugin's name, so --context and -n follow the
 * plugin's own arguments here.
 */
export function rolloutsPlugin(env: EnvConfig, namespace: string, ...args: Arg[]): CommandLine {
  return command(['kubectl', 'argo', 'rollouts', ...args, '-n', namespace, '--context', kubeContext(env)]);
}

export function mergePatchLine(env: EnvConfig, ref: ObjectRef, patch: JsonObject): CommandLine {
  return kubectl(
    env,
    ref.namespace,
    'patch',
    resourceOf(ref.kind),
    ref.name,
    '--type',
    'merge',
    '-p',
    JSON.stringify(patch),
  );
}

export function annotateLine(env: EnvConfig, ref: ObjectRef, key: string, value: string): CommandLine {
  return kubectl(
    env,
    ref.namespace,
    'annotate',
    resourceOf(ref.kind),
    ref.name,
    `${key}=${value}`,
    '--overwrite',
  );
}

export const annotationPatch = (key: string, value: string): JsonObject => ({
  metadata: { annotations: { [key]: value } },
});
