// Rules across environments: one registry, consistent names, no overlapping networks, a real baseline source.
import { parseCidr } from '../schema/primitives';
import type { RegistryRule } from './types';

export const vpcCidrsDisjoint: RegistryRule = {
  id: 'vpc-cidrs-disjoint',
  description: 'VPC CIDRs of different environments do not overlap (peering and transit stay possible)',
  check: (envs) =>
    envs.flatMap((env, index) =>
      envs.slice(0, index).flatMap((earlier) => {
        const a = parseCidr(env.network.vpcCidr);
        const b = parseCidr(earlier.network.vpcCidr);
        return a && b && a.first <= b.last && b.first <= a.last
          ? [
              {
                environment: env.name,
                path: 'network.vpcCidr',
                value: env.network.vpcCidr,
                expected: `expected no overlap with ${earlier.name} (${earlier.network.vpcCidr})`,
              },
            ]
          : [];
      }),
    ),
};

export const baselineEnvironmentExists: RegistryRule = {
  id: 'baseline-environment-exists',
  description: 'the staging-baseline source is a registered environment',
  check: (envs) => {
    const names = envs.map((env) => env.name);
    return envs.flatMap((env) =>
      names.includes(env.observability.baselineEnvironment)
        ? []
        : [
            {
              environment: env.name,
              path: 'observability.baselineEnvironment',
              value: env.observability.baselineEnvironment,
              expected: `expected one of: ${names.join(', ')}`,
            },
          ],
    );
  },
};

export const registryRules = [vpcCidrsDisjoint, baselineEnvironmentExists];
