// Invalid models of classes 7–12: instance types, tag-only images, schedules that never fire, zones and Regions,
// versions that go down, values JSON cannot show and unknown keys of enum-keyed records.
import { registryWith } from '../support';
import { committed, exception, type InvalidModel, layer, TODAY } from './shared';

const RDS_CLASSES =
  'db.t3.{micro,small,medium,large,xlarge,2xlarge}, db.t4g.{micro,small,medium,large,xlarge,2xlarge}, db.m5.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.m6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.m6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge,32xlarge}, db.m7g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.r5.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.r6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge,32xlarge}, db.r7g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}';
const OPENSEARCH_TYPES =
  'c5.{large,xlarge,2xlarge,4xlarge,9xlarge,18xlarge}.search, c6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge}.search, i3.{large,xlarge,2xlarge,4xlarge,8xlarge,16xlarge}.search, m5.{large,xlarge,2xlarge,4xlarge,12xlarge,24xlarge}.search, m6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge}.search, or1.{medium,large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}.search, r5.{large,xlarge,2xlarge,4xlarge,12xlarge,24xlarge}.search, r6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge}.search, r6gd.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}.search, t3.{nano,micro,small,medium,large,xlarge,2xlarge}.search, t4g.{small,medium}.search';
const REGIONS =
  'eu-central-1, eu-north-1, eu-south-1, eu-west-1, eu-west-2, eu-west-3, us-east-1, us-east-2, us-west-2';
const K8S =
  'expected a version of the EKS lifecycle table (environments/defaults/kubernetes-versions.ts): 1.31, 1.32, 1.33, 1.34, 1.35';
const NAMESPACES = 'frontend, api, data-pipelines, observability, platform, support';

export const catalogueAndValueCases: readonly InvalidModel[] = [
  // 7. Instance types that do not exist.
  {
    issueClass: 7,
    what: 'an OpenSearch data-node type that does not exist',
    registry: registryWith('prod', { opensearch: { dataNodes: { instanceType: 'r6g.huge.search' } } }),
    firstLine: `environment "prod": opensearch.dataNodes.instanceType: got "r6g.huge.search"; expected an OpenSearch instance type: ${OPENSEARCH_TYPES}`,
  },
  {
    issueClass: 7,
    what: 'an OpenSearch master type written without .search',
    registry: registryWith('prod', { opensearch: { dedicatedMasters: { instanceType: 'm6g.large' } } }),
    firstLine: `environment "prod": opensearch.dedicatedMasters.instanceType: got "m6g.large"; expected an OpenSearch instance type: ${OPENSEARCH_TYPES}`,
  },
  {
    issueClass: 7,
    what: 'an UltraWarm type that does not exist',
    registry: registryWith('prod', {
      opensearch: { ultrawarm: { instanceType: 'ultrawarm2.medium.search' } },
    }),
    firstLine:
      'environment "prod": opensearch.ultrawarm.instanceType: got "ultrawarm2.medium.search"; expected an UltraWarm instance type: ultrawarm1.{medium,large,xlarge}.search',
  },
  {
    issueClass: 7,
    what: 'an RDS class that does not exist (a stack trace in the replica count before)',
    registry: registryWith('prod', { postgres: { instanceClass: 'db.r6g.huge' } }),
    firstLine: `environment "prod": postgres.instanceClass: got "db.r6g.huge"; expected an RDS for PostgreSQL class: ${RDS_CLASSES}`,
  },
  {
    issueClass: 7,
    what: 'a replica class of a family RDS does not have',
    registry: registryWith('staging', { postgres: { replicaInstanceClass: 'db.r9g.large' } }),
    firstLine: `environment "staging": postgres.replicaInstanceClass: got "db.r9g.large"; expected an RDS for PostgreSQL class: ${RDS_CLASSES}`,
  },
  {
    issueClass: 7,
    what: 'a restore-drill class that does not exist',
    registry: registryWith('dev', { backups: { restoreDrillInstanceClass: 'db.t4g.tiny' } }),
    firstLine: `environment "dev": backups.restoreDrillInstanceClass: got "db.t4g.tiny"; expected an RDS for PostgreSQL class: ${RDS_CLASSES}`,
  },
  // 8. External images pinned by tag only.
  {
    issueClass: 8,
    what: 'a new external image with a tag and no digest',
    registry: registryWith('dev', {
      images: {
        busybox: {
          source: 'external',
          repository: 'docker.io/library/busybox',
          tag: '1.37.0',
          runAsUser: 10001,
        },
      },
    }),
    firstLine:
      'environment "dev": images.busybox.digest: got nothing; expected a "sha256:…" digest pinning docker.io/library/busybox:1.37.0 (a tag can be pushed again), or images.busybox.tagOnlyException saying why, until when',
  },
  {
    issueClass: 8,
    what: 'a tag-only exception that has lapsed',
    registry: registryWith('staging', { images: { flagd: { tagOnlyException: { expires: '2026-11-30' } } } }),
    context: { today: TODAY },
    firstLine:
      'environment "staging": images.flagd.tagOnlyException.expires: got "2026-11-30"; expected a date from 2026-12-06 on: the exception has lapsed, so pin a digest or review the exception again',
  },
  {
    issueClass: 8,
    what: 'a tag-only exception kept after the digest was pinned',
    registry: registryWith('prod', { images: { redis: { digest: `sha256:${'0'.repeat(64)}` } } }),
    firstLine:
      'environment "prod": images.redis.tagOnlyException: got {"reason":"no digest recorded yet (no registry reachable when pinned); run `c...; expected no exception once images.redis.digest pins the image',
  },
  {
    issueClass: 8,
    what: 'a tag-only exception on one of our own images',
    registry: registryWith('dev', { images: { web: { tagOnlyException: exception('2027-01-31') } } }),
    firstLine:
      'environment "dev": images.web.tagOnlyException: got {"reason":"the office VPN range, until the bastion host is live","expires":"2...; expected no exception on our own image: releases pin it by digest',
  },
  // 9. Cron schedules that can never fire.
  {
    issueClass: 9,
    what: 'the 31st of February',
    registry: registryWith('prod', { jobs: { 'onet-refresh': { schedule: '0 1 31 2 *' } } }),
    firstLine:
      'environment "prod": jobs.onet-refresh.schedule: got "0 1 31 2 *"; expected a schedule that fires: day of month 31 never occurs in month 2',
  },
  {
    issueClass: 9,
    what: 'the 30th of February',
    registry: registryWith('staging', { jobs: { 'backup-verification': { schedule: '0 3 30 2 *' } } }),
    firstLine:
      'environment "staging": jobs.backup-verification.schedule: got "0 3 30 2 *"; expected a schedule that fires: day of month 30 never occurs in month 2',
  },
  {
    issueClass: 9,
    what: 'the 31st of the 30-day months only',
    registry: registryWith('dev', { jobs: { 'jaat-refresh': { schedule: '30 1 31 4,6,9,11 *' } } }),
    firstLine:
      'environment "dev": jobs.jaat-refresh.schedule: got "30 1 31 4,6,9,11 *"; expected a schedule that fires: day of month 31 never occurs in month 4,6,9,11',
  },
  // 10. Availability zones and Regions that do not exist.
  {
    issueClass: 10,
    what: 'a zone letter the Region does not have',
    registry: registryWith('prod', {
      aws: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1z'] },
    }),
    firstLine:
      'environment "prod": aws.availabilityZones[2]: got "eu-west-1z"; expected a zone of Region eu-west-1: eu-west-1a, eu-west-1b, eu-west-1c',
  },
  {
    issueClass: 10,
    what: 'a Region that does not exist',
    registry: registryWith('dev', {
      aws: { region: 'eu-west-9', availabilityZones: ['eu-west-9a', 'eu-west-9b'] },
    }),
    firstLine: `environment "dev": aws.region: got "eu-west-9"; expected a Region of environments/catalogue/aws-regions.ts: ${REGIONS}`,
  },
  {
    issueClass: 10,
    what: 'a DR Region missing from the catalogue',
    registry: registryWith('staging', { aws: { drRegion: 'ap-south-9' } }),
    firstLine: `environment "staging": aws.drRegion: got "ap-south-9"; expected a Region of environments/catalogue/aws-regions.ts: ${REGIONS}`,
  },
  // 11. Versions that go down, and Kubernetes versions missing from the lifecycle table.
  {
    issueClass: 11,
    what: 'Redis 7.1 → 6.2',
    registry: registryWith('prod', { redis: { engineVersion: '6.2' } }),
    context: committed('prod', { 'redis.engineVersion': '7.1' }),
    firstLine:
      'environment "prod": redis.engineVersion: got "6.2"; expected 7.1 or later: deploy/prod/versions.json records 7.1, and ElastiCache for Redis cannot be downgraded in place',
  },
  {
    issueClass: 11,
    what: 'Kafka 3.6.0 → 3.5.1',
    registry: registryWith('staging', { kafka: { kafkaVersion: '3.5.1' } }),
    context: committed('staging', { 'kafka.kafkaVersion': '3.6.0' }),
    firstLine:
      'environment "staging": kafka.kafkaVersion: got "3.5.1"; expected 3.6.0 or later: deploy/staging/versions.json records 3.6.0, and an MSK cluster cannot be downgraded in place',
  },
  {
    issueClass: 11,
    what: 'PostgreSQL 17 → 16 (the model back at the major it had before an upgrade was rendered)',
    registry: registryWith('prod', {}),
    context: committed('prod', { 'postgres.engineVersion': '17' }),
    firstLine:
      'environment "prod": postgres.engineVersion: got "16"; expected 17 or later: deploy/prod/versions.json records 17, and RDS for PostgreSQL cannot be downgraded in place',
  },
  {
    issueClass: 11,
    what: 'PostgreSQL recorded with a minor ("16.4", a render from before the major pin) → 15',
    registry: registryWith('dev', { postgres: { engineVersion: '15' } }),
    context: committed('dev', { 'postgres.engineVersion': '16.4' }),
    firstLine:
      'environment "dev": postgres.engineVersion: got "15"; expected 16.4 or later: deploy/dev/versions.json records 16.4, and RDS for PostgreSQL cannot be downgraded in place',
  },
  {
    issueClass: 11,
    what: 'OpenSearch 2.13 → 2.11',
    registry: registryWith('prod', { opensearch: { engineVersion: 'OpenSearch_2.11' } }),
    context: committed('prod', { 'opensearch.engineVersion': 'OpenSearch_2.13' }),
    firstLine:
      'environment "prod": opensearch.engineVersion: got "OpenSearch_2.11"; expected OpenSearch_2.13 or later: deploy/prod/versions.json records OpenSearch_2.13, and an OpenSearch domain cannot be downgraded in place',
  },
  {
    issueClass: 11,
    what: 'Kubernetes 1.99, missing from the lifecycle table',
    registry: registryWith('prod', { cluster: { kubernetesVersion: '1.99' } }),
    firstLine: `environment "prod": cluster.kubernetesVersion: got "1.99"; ${K8S}`,
  },
  {
    issueClass: 11,
    what: 'Kubernetes 1.35 → 1.34',
    registry: registryWith('staging', { cluster: { kubernetesVersion: '1.34' } }),
    context: committed('staging', { 'cluster.kubernetesVersion': '1.35' }),
    firstLine:
      'environment "staging": cluster.kubernetesVersion: got "1.34"; expected 1.35 or later: deploy/staging/versions.json records 1.35, and an EKS cluster cannot be downgraded in place',
  },
  // 12. Values JSON cannot show, and unknown keys of enum-keyed records.
  {
    issueClass: 12,
    what: 'NaN',
    registry: registryWith('dev', { postgres: { allocatedStorageGb: NaN } }),
    firstLine: 'environment "dev": postgres.allocatedStorageGb: got NaN; expected number, received NaN',
  },
  {
    issueClass: 12,
    what: 'Infinity',
    registry: registryWith('prod', { slo: { frontendTtiSeconds: Infinity } }),
    firstLine: 'environment "prod": slo.frontendTtiSeconds: got Infinity; expected number, received Infinity',
  },
  {
    issueClass: 12,
    what: '-Infinity',
    registry: registryWith('staging', { edge: { waf: { rateLimitPer5Minutes: -Infinity } } }),
    firstLine:
      'environment "staging": edge.waf.rateLimitPer5Minutes: got -Infinity; expected number, received -Infinity',
  },
  {
    issueClass: 12,
    what: 'a namespace the model does not know ("allowed keys:" listed, not empty)',
    registry: registryWith('dev', layer({ namespaces: { billing: { podSecurity: 'restricted' } } })),
    firstLine: `environment "dev": namespaces.billing: got {"podSecurity":"restricted"}; expected no such key; allowed keys: ${NAMESPACES}`,
  },
  {
    issueClass: 12,
    what: 'an EKS add-on the model does not know',
    registry: registryWith(
      'prod',
      layer({ cluster: { addons: { 'aws-efs-csi-driver': 'v2.1.0-eksbuild.1' } } }),
    ),
    firstLine:
      'environment "prod": cluster.addons.aws-efs-csi-driver: got "v2.1.0-eksbuild.1"; expected no such key; allowed keys: vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver, eks-pod-identity-agent',
  },
];
