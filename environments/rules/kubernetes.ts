// Rules the Kubernetes side relies on: requests within limits, ports that do not collide, quotas that fit the
// autoscalers' maxima, in-cluster quorums and probe and job timings that make sense together.
import type { EnvConfig } from '../schema';
import { type EnvironmentRule, type RuleViolation, violation } from './types';

interface Sized {
  readonly path: string;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly cpuLimitMillicores: number;
  readonly memoryLimitMiB: number;
}

function sizedWorkloads(env: EnvConfig): Sized[] {
  return [
    ...Object.entries(env.services).map(([name, s]) => ({
      path: `services.${name}.resources`,
      ...s.resources,
    })),
    ...Object.entries(env.jobs).map(([name, j]) => ({ path: `jobs.${name}.resources`, ...j.resources })),
    { path: 'redis.inCluster.resources', ...env.redis.inCluster.resources },
    { path: 'opensearch.inCluster.resources', ...env.opensearch.inCluster.resources },
  ];
}

export const requestsWithinLimits: EnvironmentRule = {
  id: 'requests-within-limits',
  description:
    'no container requests more cpu, memory or scratch space than its limit (the API server rejects it)',
  check: (env) => [
    ...sizedWorkloads(env).flatMap((w) => [
      ...(w.cpuMillicores > w.cpuLimitMillicores
        ? [
            violation(
              `${w.path}.cpuMillicores`,
              w.cpuMillicores,
              `expected ≤ cpuLimitMillicores (${w.cpuLimitMillicores})`,
            ),
          ]
        : []),
      ...(w.memoryMiB > w.memoryLimitMiB
        ? [violation(`${w.path}.memoryMiB`, w.memoryMiB, `expected ≤ memoryLimitMiB (${w.memoryLimitMiB})`)]
        : []),
    ]),
    ...Object.entries(env.namespaces).flatMap(([name, ns]) =>
      ns.containerDefaults.ephemeralStorageMiB > ns.containerDefaults.ephemeralStorageLimitMiB
        ? [
            violation(
              `namespaces.${name}.containerDefaults.ephemeralStorageMiB`,
              ns.containerDefaults.ephemeralStorageMiB,
              `expected ≤ ephemeralStorageLimitMiB (${ns.containerDefaults.ephemeralStorageLimitMiB})`,
            ),
          ]
        : [],
    ),
  ],
};

export const managementPortApart: EnvironmentRule = {
  id: 'management-port-apart',
  description:
    'a service serves metrics and health on a port other than its traffic port (kept out of the mesh)',
  check: (env) =>
    Object.entries(env.services).flatMap(([name, service]) => {
      const management = service.managementPort ?? env.observability.workloadManagementPort;
      return service.port === management
        ? [
            violation(
              service.managementPort === undefined
                ? `services.${name}.port`
                : `services.${name}.managementPort`,
              management,
              `expected the traffic port and the management port of ${name} to differ`,
            ),
          ]
        : [];
    }),
};

export const inClusterQuorum: EnvironmentRule = {
  id: 'in-cluster-quorum',
  description: 'an in-cluster OpenSearch runs one node or an odd quorum of three or more',
  check: (env) => {
    const replicas = env.opensearch.inCluster.replicas;
    return env.opensearch.mode === 'in-cluster' && replicas > 1 && (replicas < 3 || replicas % 2 === 0)
      ? [violation('opensearch.inCluster.replicas', replicas, 'expected 1, or an odd number ≥ 3 (a quorum)')]
      : [];
  },
};

export const startupCoversProbePeriod: EnvironmentRule = {
  id: 'startup-covers-probe-period',
  description: 'the startup probe budget spans at least one probe period',
  check: (env) => {
    const { startupSeconds, periodSeconds } = env.workloadDefaults.probes;
    return startupSeconds < periodSeconds
      ? [
          violation(
            'workloadDefaults.probes.startupSeconds',
            startupSeconds,
            `expected ≥ periodSeconds (${periodSeconds})`,
          ),
        ]
      : [];
  },
};

export const loadWithinDeadline: EnvironmentRule = {
  id: 'load-within-deadline',
  description: 'a load-generating job finishes its run before its deadline stops it',
  check: (env) =>
    Object.entries(env.jobs).flatMap(([name, job]) =>
      job.load && job.load.durationMinutes >= job.activeDeadlineMinutes
        ? [
            violation(
              `jobs.${name}.load.durationMinutes`,
              job.load.durationMinutes,
              `expected < activeDeadlineMinutes (${job.activeDeadlineMinutes})`,
            ),
          ]
        : [],
    ),
};

/**
 * What each namespace runs at its autoscalers' maxima, plus one run of each enabled job and in-cluster store. A
 * service pod in a meshed namespace carries an istio-proxy sidecar (mesh.sidecarResources); batch pods opt out.
 */
function peakUsage(env: EnvConfig, namespace: string) {
  const usage = { cpu: 0, memory: 0, cpuLimit: 0, memoryLimit: 0, pods: 0 };
  const add = (count: number, r: Omit<Sized, 'path'>) => {
    usage.cpu += count * r.cpuMillicores;
    usage.memory += count * r.memoryMiB;
    usage.cpuLimit += count * r.cpuLimitMillicores;
    usage.memoryLimit += count * r.memoryLimitMiB;
    usage.pods += count;
  };
  const namespaces: Readonly<Record<string, { readonly meshInjection: boolean }>> = env.namespaces;
  const meshed = env.mesh.provider === 'istio' && namespaces[namespace]?.meshInjection === true;
  for (const s of Object.values(env.services)) {
    if (s.namespace !== namespace) continue;
    add(s.replicas.max, s.resources);
    if (meshed) {
      add(s.replicas.max, env.mesh.sidecarResources);
      usage.pods -= s.replicas.max;
    }
  }
  for (const j of Object.values(env.jobs)) if (j.enabled && j.namespace === namespace) add(1, j.resources);
  if (namespace === 'platform') {
    if (env.redis.mode === 'in-cluster') add(1, env.redis.inCluster.resources);
    if (env.opensearch.mode === 'in-cluster')
      add(env.opensearch.inCluster.replicas, env.opensearch.inCluster.resources);
  }
  return usage;
}

export const quotaFitsAutoscaling: EnvironmentRule = {
  id: 'quota-fits-autoscaling',
  description:
    "a namespace's quota admits every service at its maximum replicas, with its istio-proxy sidecar where meshed, plus one run of each job",
  check: (env) =>
    Object.entries(env.namespaces).flatMap(([name, ns]) => {
      const use = peakUsage(env, name);
      const q = ns.quota;
      const path = `namespaces.${name}.quota`;
      const checks: [string, number, number, string][] = [
        ['requestsCpu', q.requestsCpu, Math.ceil(use.cpu / 1000), 'cores of cpu requests'],
        ['limitsCpu', q.limitsCpu, Math.ceil(use.cpuLimit / 1000), 'cores of cpu limits'],
        ['requestsMemoryGiB', q.requestsMemoryGiB, Math.ceil(use.memory / 1024), 'GiB of memory requests'],
        ['limitsMemoryGiB', q.limitsMemoryGiB, Math.ceil(use.memoryLimit / 1024), 'GiB of memory limits'],
        ['pods', q.pods, use.pods, 'pods'],
      ];
      return checks.flatMap(([field, quota, needed, what]): RuleViolation[] =>
        quota < needed
          ? [
              violation(
                `${path}.${field}`,
                quota,
                `expected ≥ ${needed} (${what} at the autoscalers' maxima)`,
              ),
            ]
          : [],
      );
    }),
};

export const kubernetesRules = [
  requestsWithinLimits,
  managementPortApart,
  inClusterQuorum,
  startupCoversProbePeriod,
  loadWithinDeadline,
  quotaFitsAutoscaling,
];
