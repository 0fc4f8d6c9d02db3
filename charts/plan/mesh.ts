// Whether a namespace's pods carry an Istio sidecar, and what that changes for them.
import type { EnvConfig, NamespaceName, ServiceConfig } from '../../environments';

export const meshEnabled = (env: EnvConfig): boolean => env.mesh.provider === 'istio';

/** Pods of the namespace get a sidecar and must speak mutual TLS to each other (STRICT). */
export const isMeshed = (env: EnvConfig, namespace: NamespaceName): boolean =>
  meshEnabled(env) && env.namespaces[namespace].meshInjection;

/**
 * The sidecar's requests and limits as the injector's per-pod annotations
 * (https://istio.io/latest/docs/reference/config/annotations/, sidecar.istio.io/proxyCPU…), so every meshed pod
 * states what its istio-proxy container takes and quotas count it (rule quota-fits-autoscaling).
 */
export function sidecarResourceAnnotations(env: EnvConfig): Record<string, string> {
  const r = env.mesh.sidecarResources;
  return {
    'sidecar.istio.io/proxyCPU': `${r.cpuMillicores}m`,
    'sidecar.istio.io/proxyCPULimit': `${r.cpuLimitMillicores}m`,
    'sidecar.istio.io/proxyMemory': `${r.memoryMiB}Mi`,
    'sidecar.istio.io/proxyMemoryLimit': `${r.memoryLimitMiB}Mi`,
  };
}

/**
 * Pod-template annotations of a meshed service: its sidecar's resources, and the management port (metrics,
 * health) bypassing the sidecar, so Prometheus, which runs outside the mesh, can scrape it while every other port
 * stays STRICT.
 */
export function meshPodAnnotations(
  env: EnvConfig,
  namespace: NamespaceName,
  managementPort: number,
): Record<string, string> {
  return isMeshed(env, namespace)
    ? {
        ...sidecarResourceAnnotations(env),
        'traffic.sidecar.istio.io/excludeInboundPorts': String(managementPort),
      }
    : {};
}

/**
 * Batch pods stay out of the mesh: a sidecar would keep the pod running after the job's container exits, so
 * the Job would never complete. They only reach data stores and AWS, which are outside the mesh anyway.
 */
export const batchMeshLabels = (env: EnvConfig): Record<string, string> =>
  meshEnabled(env) ? { 'sidecar.istio.io/inject': 'false' } : {};

/**
 * A canary whose traffic Argo Rollouts splits through Istio (its VirtualService weights and DestinationRule
 * subsets) rather than by replica counts: meshed services that take calls.
 */
export const isCanaryRoutedByMesh = (env: EnvConfig, service: ServiceConfig): boolean =>
  service.delivery === 'canary' && service.port !== undefined && isMeshed(env, service.namespace);
