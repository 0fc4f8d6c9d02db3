// Rules about services and jobs: scaling bounds, disruption budgets, references between workloads and images.
import { type EnvironmentRule, violation } from './types';

export const replicaBounds: EnvironmentRule = {
  id: 'replica-bounds',
  description: 'autoscaling bounds satisfy replicas.min ≤ replicas.max',
  check: (env) =>
    Object.entries(env.services).flatMap(([name, service]) =>
      service.replicas.min > service.replicas.max
        ? [
            violation(
              `services.${name}.replicas.min`,
              service.replicas.min,
              `expected ≤ replicas.max (${service.replicas.max})`,
            ),
          ]
        : [],
    ),
};

export const disruptionBudgetFits: EnvironmentRule = {
  id: 'pdb-under-min-replicas',
  description: 'the disruption budget leaves room to evict: pdbMinAvailable < replicas.min',
  check: (env) =>
    Object.entries(env.services).flatMap(([name, service]) =>
      service.pdbMinAvailable >= service.replicas.min
        ? [
            violation(
              `services.${name}.pdbMinAvailable`,
              service.pdbMinAvailable,
              `expected < replicas.min (${service.replicas.min}) so node drains can evict a pod`,
            ),
          ]
        : [],
    ),
};

export const peakWindowBounds: EnvironmentRule = {
  id: 'peak-window-bounds',
  description: 'a peak window ends after it starts and raises the floor within the autoscaling bounds',
  check: (env) =>
    Object.entries(env.services).flatMap(([name, service]) =>
      Object.entries(service.peakWindows).flatMap(([windowName, window]) => {
        const path = `services.${name}.peakWindows.${windowName}`;
        if (window.endHourUtc <= window.startHourUtc) {
          return [
            violation(
              `${path}.endHourUtc`,
              window.endHourUtc,
              `expected > startHourUtc (${window.startHourUtc})`,
            ),
          ];
        }
        if (window.minReplicas < service.replicas.min || window.minReplicas > service.replicas.max) {
          return [
            violation(
              `${path}.minReplicas`,
              window.minReplicas,
              `expected between replicas.min (${service.replicas.min}) and replicas.max (${service.replicas.max})`,
            ),
          ];
        }
        return [];
      }),
    ),
};

export const httpServiceShape: EnvironmentRule = {
  id: 'http-service-shape',
  description: 'http services declare a port and a P95 latency objective; public ones an ingress path',
  check: (env) =>
    Object.entries(env.services).flatMap(([name, service]) => {
      const path = `services.${name}`;
      if (service.kind === 'worker') {
        return service.port === undefined
          ? []
          : [violation(`${path}.port`, service.port, 'expected no port on a worker')];
      }
      const problems = [];
      if (service.port === undefined)
        problems.push(violation(`${path}.port`, undefined, 'expected a port for an http service'));
      if (service.latencyP95Ms === undefined) {
        problems.push(
          violation(
            `${path}.latencyP95Ms`,
            undefined,
            'expected a P95 latency objective for an http service',
          ),
        );
      }
      if (service.exposure === 'public' && service.ingressPath === undefined) {
        problems.push(
          violation(`${path}.ingressPath`, undefined, 'expected an ingress path for a public service'),
        );
      }
      return problems;
    }),
};

export const uniqueIngressPaths: EnvironmentRule = {
  id: 'unique-ingress-paths',
  description: 'no two public services share an ingress path',
  check: (env) => {
    const owners = new Map<string, string>();
    return Object.entries(env.services).flatMap(([name, service]) => {
      if (service.exposure !== 'public' || service.ingressPath === undefined) return [];
      const owner = owners.get(service.ingressPath);
      owners.set(service.ingressPath, owner ?? name);
      return owner
        ? [
            violation(
              `services.${name}.ingressPath`,
              service.ingressPath,
              `expected a path not already used by ${owner}`,
            ),
          ]
        : [];
    });
  },
};

export const callsExist: EnvironmentRule = {
  id: 'calls-exist',
  description: 'services only call http services that exist',
  check: (env) =>
    Object.entries(env.services).flatMap(([name, service]) =>
      service.calls.flatMap((callee, index) => {
        const target = env.services[callee];
        const path = `services.${name}.calls[${index}]`;
        if (!target)
          return [violation(path, callee, `expected one of: ${httpServiceNames(env.services).join(', ')}`)];
        if (callee === name) return [violation(path, callee, 'expected another service, not itself')];
        return target.kind === 'http'
          ? []
          : [violation(path, callee, 'expected an http service (workers take no calls)')];
      }),
    ),
};

function httpServiceNames(services: Readonly<Record<string, { readonly kind: string }>>): string[] {
  return Object.entries(services)
    .filter(([, service]) => service.kind === 'http')
    .map(([name]) => name)
    .sort();
}

export const jobTrigger: EnvironmentRule = {
  id: 'job-trigger',
  description: 'CronJobs have a schedule; PreSync hooks do not',
  check: (env) =>
    Object.entries(env.jobs).flatMap(([name, job]) => {
      if (job.trigger === 'cron' && job.schedule === undefined) {
        return [violation(`jobs.${name}.schedule`, undefined, 'expected a cron schedule for a cron job')];
      }
      if (job.trigger === 'presync-hook' && job.schedule !== undefined) {
        return [
          violation(`jobs.${name}.schedule`, job.schedule, 'expected no schedule on a presync-hook job'),
        ];
      }
      return [];
    }),
};

/**
 * A job and a service of one name would render objects of one name (a ServiceAccount, network policies) into the
 * same namespace, which cdk8s refuses with a stack trace; in different namespaces they would still share the IAM
 * role workload-<name> and the metric labels keyed by workload name.
 */
export const workloadNamesDistinct: EnvironmentRule = {
  id: 'workload-names-distinct',
  description: 'no job is named like a service',
  check: (env) =>
    Object.entries(env.jobs).flatMap(([name, job]) => {
      const service = env.services[name];
      if (service === undefined) return [];
      return [
        violation(
          `jobs.${name}`,
          name,
          service.namespace === job.namespace
            ? `expected a name no service uses: services.${name} runs in namespace ${job.namespace} too, and their Kubernetes objects would collide`
            : `expected a name no service uses: services.${name} (namespace ${service.namespace}) would share its IAM role workload-${name} and its metric labels`,
        ),
      ];
    }),
};

export const workloadRules = [
  replicaBounds,
  disruptionBudgetFits,
  peakWindowBounds,
  httpServiceShape,
  uniqueIngressPaths,
  callsExist,
  jobTrigger,
  workloadNamesDistinct,
];
