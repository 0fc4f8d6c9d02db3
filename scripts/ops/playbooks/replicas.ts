// Scaling a service by hand so that it sticks (runbook §4.5 playbooks). `kubectl scale` alone is undone within
// seconds by the autoscaler, which brings the replicas back to what its floor and metrics say, and a changed floor
// is undone within minutes by Argo CD self-heal. So a surge pauses automated sync of the service's application,
// raises the autoscaler's floor (the KEDA ScaledObject, or the HPA) and then scales; the return step lowers the
// floor, scales down and resumes automated sync with the rendered policy.
import type { EnvConfig } from '../../../environments';
import { type NamedService, servicesOf } from '../../../constructs/contracts';
import { pauseAutoSync, resumeAutoSync } from '../gitops/auto-sync';
import {
  applicationForNamespace,
  type ArgoApplication,
  autoscalerFor,
  readApplications,
  type RenderedApplications,
  type RenderedAutoscaler,
} from '../gitops/rendered-tree';
import type { ObjectRef } from '../kubernetes/client';
import { patchStep, scaleStep } from '../kubernetes/steps';
import type { Step } from '../runner/procedure';

export interface ScaleTarget {
  readonly service: NamedService;
  readonly autoscaler: RenderedAutoscaler | undefined;
  readonly apps: RenderedApplications;
  readonly app: ArgoApplication;
}

export function scaleTarget(deployDir: string, env: EnvConfig, serviceName: string): ScaleTarget {
  const service = servicesOf(env).find((candidate) => candidate.name === serviceName);
  if (service === undefined) throw new Error(`the model of ${env.name} has no service ${serviceName}`);
  if (service.delivery !== 'rolling') {
    throw new Error(`${serviceName} is an Argo Rollout; the playbooks scale Deployments (runbook §4.5)`);
  }
  const apps = readApplications(deployDir, env);
  return {
    service,
    autoscaler: autoscalerFor(deployDir, env, service.namespace, service.name),
    apps,
    app: applicationForNamespace(apps, env, service.namespace),
  };
}

const autoscalerRef = (autoscaler: RenderedAutoscaler): ObjectRef => ({
  apiVersion: autoscaler.apiVersion,
  kind: autoscaler.kind,
  namespace: autoscaler.namespace,
  name: autoscaler.name,
});

function floorStep(name: string, env: EnvConfig, target: ScaleTarget, replicas: number): Step[] {
  const { autoscaler } = target;
  if (autoscaler === undefined) return [];
  return [
    patchStep(name, env, [
      { ref: autoscalerRef(autoscaler), patch: { spec: { [autoscaler.floorField]: replicas } } },
    ]),
  ];
}

export function surgeSteps(env: EnvConfig, target: ScaleTarget, replicas: number): Step[] {
  const pause = pauseAutoSync(target.apps, target.app);
  return [
    ...(pause.length > 0 ? [patchStep('pause-auto-sync', env, pause)] : []),
    ...floorStep('raise-autoscaler-floor', env, target, replicas),
    scaleStep('scale-up', env, target.service.namespace, target.service.name, replicas),
  ];
}

/**
 * `floor`: the autoscaler's floor to restore, the rendered one (replicas.min); a peak window's higher minimum is
 * the autoscaler's own scheduled trigger (KEDA cron), so pinning it as the floor would keep it all day. `replicas`:
 * what to scale to now (the floor the model asks for at this moment).
 */
export function returnSteps(env: EnvConfig, target: ScaleTarget, floor: number, replicas: number): Step[] {
  const resume = resumeAutoSync(target.apps, target.app);
  return [
    ...floorStep('lower-autoscaler-floor', env, target, floor),
    scaleStep('scale-down', env, target.service.namespace, target.service.name, replicas),
    ...(resume.length > 0 ? [patchStep('resume-auto-sync', env, resume)] : []),
  ];
}
