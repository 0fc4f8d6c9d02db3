// Defaults for the six namespaces of runbook §1.1: Pod Security level, mesh injection, quota and limit ranges.
import type { EnvironmentLayer } from '../layer';

const appQuota = { requestsCpu: 16, requestsMemoryGiB: 32, limitsCpu: 32, limitsMemoryGiB: 64, pods: 100 };
const containerDefaults = { cpuMillicores: 100, memoryMiB: 128 };

export const namespaceDefaults = {
  namespaces: {
    frontend: {
      podSecurity: 'restricted',
      meshInjection: true,
      quota: { ...appQuota, pods: 40 },
      containerDefaults,
    },
    api: { podSecurity: 'restricted', meshInjection: true, quota: appQuota, containerDefaults },
    'data-pipelines': { podSecurity: 'restricted', meshInjection: true, quota: appQuota, containerDefaults },
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
