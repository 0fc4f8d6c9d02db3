// The §4.5 playbooks act on real services within their autoscaling bounds.
import { type EnvironmentRule, violation } from './types';

export const playbookTargets: EnvironmentRule = {
  id: 'playbook-targets',
  description: 'playbooks scale existing services above their floor and within their ceiling',
  check: (env) => {
    const playbooks = [
      ['searchLatencySurge', env.playbooks.searchLatencySurge],
      ['analyticsBacklog', env.playbooks.analyticsBacklog],
    ] as const;
    return playbooks.flatMap(([key, playbook]) => {
      const path = `playbooks.${key}`;
      const service = env.services[playbook.service];
      if (!service)
        return [
          violation(
            `${path}.service`,
            playbook.service,
            `expected one of: ${Object.keys(env.services).join(', ')}`,
          ),
        ];
      if (playbook.surgeReplicas <= service.replicas.min || playbook.surgeReplicas > service.replicas.max) {
        return [
          violation(
            `${path}.surgeReplicas`,
            playbook.surgeReplicas,
            `expected above replicas.min (${service.replicas.min}) and ≤ replicas.max (${service.replicas.max}) of ${playbook.service}`,
          ),
        ];
      }
      return [];
    });
  },
};

export const latencyRecoveryBelowTarget: EnvironmentRule = {
  id: 'latency-recovery-below-target',
  description: 'the search surge playbook declares recovery below the latency objective, not at it',
  check: (env) => {
    const playbook = env.playbooks.searchLatencySurge;
    const target = env.services[playbook.service]?.latencyP95Ms;
    return target !== undefined && playbook.recoveredBelowMs >= target
      ? [
          violation(
            'playbooks.searchLatencySurge.recoveredBelowMs',
            playbook.recoveredBelowMs,
            `expected < ${playbook.service} latencyP95Ms (${target})`,
          ),
        ]
      : [];
  },
};

export const playbookRules = [playbookTargets, latencyRecoveryBelowTarget];
