// Values that must name something AWS actually has: Regions and their zones, RDS classes, OpenSearch instance
// types and EKS Kubernetes versions. Each is checked against a cited table (environments/catalogue/,
// environments/defaults/kubernetes-versions.ts) and refused with the known values, instead of being rendered as
// given or failing inside a renderer.
import {
  knownRegions,
  openSearchNodeTypeList,
  openSearchNodeTypes,
  openSearchWarmTypeList,
  openSearchWarmTypes,
  rdsInstanceClassList,
  rdsInstanceClassVcpus,
  zonesOf,
} from '../catalogue';
import { eksKubernetesVersions } from '../defaults/kubernetes-versions';
import { type EnvironmentRule, type RuleViolation, violation } from './types';

const REGION_TABLE = 'environments/catalogue/aws-regions.ts';

export const knownRegion: EnvironmentRule = {
  id: 'known-region',
  description: 'the Region and the DR Region are Regions of the catalogue',
  check: (env) =>
    (['region', 'drRegion'] as const).flatMap((field) =>
      knownRegions.includes(env.aws[field])
        ? []
        : [
            violation(
              `aws.${field}`,
              env.aws[field],
              `expected a Region of ${REGION_TABLE}: ${knownRegions.join(', ')}`,
            ),
          ],
    ),
};

export const zonesInRegion: EnvironmentRule = {
  id: 'zones-in-region',
  description: 'every availability zone exists in the environment Region, once',
  check: (env) => {
    const zones = zonesOf(env.aws.region);
    // An unknown Region is reported by known-region; its zones cannot be judged.
    if (zones.length === 0) return [];
    return env.aws.availabilityZones.flatMap((zone, index) => {
      const path = `aws.availabilityZones[${index}]`;
      if (!zones.includes(zone)) {
        return [violation(path, zone, `expected a zone of Region ${env.aws.region}: ${zones.join(', ')}`)];
      }
      if (env.aws.availabilityZones.indexOf(zone) !== index) {
        return [violation(path, zone, 'expected each zone once')];
      }
      return [];
    });
  },
};

export const knownRdsClasses: EnvironmentRule = {
  id: 'known-rds-classes',
  description: 'every RDS instance class (primary, replicas, restore drill) is one RDS for PostgreSQL offers',
  check: (env) =>
    (
      [
        ['postgres.instanceClass', env.postgres.instanceClass],
        ['postgres.replicaInstanceClass', env.postgres.replicaInstanceClass],
        ['backups.restoreDrillInstanceClass', env.backups.restoreDrillInstanceClass],
      ] as const
    ).flatMap(([path, value]) =>
      rdsInstanceClassVcpus.has(value)
        ? []
        : [violation(path, value, `expected an RDS for PostgreSQL class: ${rdsInstanceClassList}`)],
    ),
};

export const knownOpenSearchTypes: EnvironmentRule = {
  id: 'known-opensearch-types',
  description: 'a managed search domain uses instance types OpenSearch Service offers for each node role',
  check: (env) => {
    const search = env.opensearch;
    if (search.mode !== 'managed') return [];
    const problems: RuleViolation[] = [];
    const node = (path: string, type: string) => {
      if (!openSearchNodeTypes.includes(type))
        problems.push(
          violation(path, type, `expected an OpenSearch instance type: ${openSearchNodeTypeList}`),
        );
    };
    node('opensearch.dataNodes.instanceType', search.dataNodes.instanceType);
    if (search.dedicatedMasters.enabled)
      node('opensearch.dedicatedMasters.instanceType', search.dedicatedMasters.instanceType);
    if (search.ultrawarm.enabled && !openSearchWarmTypes.includes(search.ultrawarm.instanceType)) {
      problems.push(
        violation(
          'opensearch.ultrawarm.instanceType',
          search.ultrawarm.instanceType,
          `expected an UltraWarm instance type: ${openSearchWarmTypeList}`,
        ),
      );
    }
    return problems;
  },
};

export const reviewedKubernetesVersion: EnvironmentRule = {
  id: 'reviewed-kubernetes-version',
  description: 'the EKS Kubernetes version is one of the lifecycle table',
  check: (env) => {
    const known = Object.keys(eksKubernetesVersions);
    return known.includes(env.cluster.kubernetesVersion)
      ? []
      : [
          violation(
            'cluster.kubernetesVersion',
            env.cluster.kubernetesVersion,
            `expected a version of the EKS lifecycle table (environments/defaults/kubernetes-versions.ts): ${known.join(', ')}`,
          ),
        ];
  },
};

export const catalogueRules = [
  knownRegion,
  zonesInRegion,
  knownRdsClasses,
  knownOpenSearchTypes,
  reviewedKubernetesVersion,
];
