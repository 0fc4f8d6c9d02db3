// Whether a namespace's pods carry an Istio sidecar, and what that changes for them.
import type { EnvConfig, NamespaceName, ServiceConfig } from '../../environments';

export const meshEnabled = (env: EnvConfig): boolean => env.mesh.provider === 'istio';

/** Pods of the namespace get a sidecar and must speak mutual TLS to each other (STRICT). */
export const isMeshed = (env: EnvConfig, namespace: NamespaceName): boolean =>
  meshEnabled(env) && env.namespaces[namespace].meshInjection;

/**
 * Pod-template annotations of a meshed service: the management port (metrics, health) bypasses the sidecar, so
 * Prometheus, which runs outside the mesh, can scrape it while every other port stays STRICT.
 */
export function meshPodAnnotations(
  env: EnvConfig,
  namespace: NamespaceName,
  managementPort: number,
): Record<string, string> {
  return isMeshed(env, namespace)
    ? { 'traffic.sidecar.istio.io/excludeInboundPorts': String(managementPort) }
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
