// Rules about where an environment runs: zones, network ranges and node groups (the Region catalogue and the
// public endpoint have rules of their own: catalogue.ts, exposure.ts).
import { parseCidr } from '../schema/primitives';
import { type EnvironmentRule, violation } from './types';

const PRODUCTION_MIN_ZONES = 3;

export const productionZones: EnvironmentRule = {
  id: 'production-zones',
  description: 'production environments span at least three availability zones',
  check: (env) =>
    env.tier === 'production' && env.aws.availabilityZones.length < PRODUCTION_MIN_ZONES
      ? [
          violation(
            'aws.availabilityZones',
            env.aws.availabilityZones,
            `expected at least ${PRODUCTION_MIN_ZONES} availability zones for a production environment`,
          ),
        ]
      : [],
};

export const drRegionDiffers: EnvironmentRule = {
  id: 'dr-region-differs',
  description: 'the disaster-recovery region is another region',
  check: (env) =>
    env.aws.drRegion === env.aws.region
      ? [violation('aws.drRegion', env.aws.drRegion, `expected a region other than ${env.aws.region}`)]
      : [],
};

export const vpcSize: EnvironmentRule = {
  id: 'vpc-size',
  description: 'the VPC is a /16 to /18 so each zone gets private, public and database subnets',
  check: (env) => {
    const prefix = parseCidr(env.network.vpcCidr)?.prefix ?? 0;
    return prefix < 16 || prefix > 18
      ? [
          violation(
            'network.vpcCidr',
            env.network.vpcCidr,
            'expected a /16, /17 or /18 block (one subnet per tier per zone)',
          ),
        ]
      : [];
  },
};

export const nodeGroupSizes: EnvironmentRule = {
  id: 'node-group-sizes',
  description: 'node groups satisfy minSize ≤ desiredSize ≤ maxSize',
  check: (env) =>
    Object.entries(env.cluster.nodeGroups).flatMap(([name, group]) => {
      const path = `cluster.nodeGroups.${name}`;
      if (group.minSize > group.maxSize) {
        return [violation(`${path}.minSize`, group.minSize, `expected ≤ maxSize (${group.maxSize})`)];
      }
      if (group.desiredSize < group.minSize || group.desiredSize > group.maxSize) {
        return [
          violation(
            `${path}.desiredSize`,
            group.desiredSize,
            `expected between minSize (${group.minSize}) and maxSize (${group.maxSize})`,
          ),
        ];
      }
      return [];
    }),
};

export const topologyRules = [productionZones, drRegionDiffers, vpcSize, nodeGroupSizes];
