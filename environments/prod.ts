// Production: multi-AZ everywhere, dedicated search masters and UltraWarm, DR replication, manual sync gate.
import { defineEnvironment } from './layer';

export default defineEnvironment({
  name: 'prod',
  tier: 'production',
  aws: {
    accountId: '333333333333', // EXAMPLE VALUE
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    drRegion: 'eu-central-1',
    stateKeyId: '2d9c5e3a-7f4b-4a0c-9e8d-3b4c5d6e7f80', // EXAMPLE VALUE: output state_key_id of prod-bootstrap
  },
  network: { vpcCidr: '10.30.0.0/16', natGateways: 'one-per-az' },
  cluster: {
    nodeGroups: {
      general: {
        instanceTypes: ['m6i.xlarge'],
        capacityType: 'ON_DEMAND',
        minSize: 3,
        desiredSize: 3,
        maxSize: 6,
        diskSizeGb: 100,
      },
    },
    // Runbook peaks (HPA/KEDA at every service's maximum) land here; the capacity proof checks they fit.
    karpenter: { limits: { cpu: 64, memoryGiB: 256 }, diskSizeGb: 100 },
  },
  edge: { hostPrefix: '' },
  postgres: {
    instanceClass: 'db.r6g.xlarge',
    replicaInstanceClass: 'db.r6g.xlarge',
    allocatedStorageGb: 200,
    maxAllocatedStorageGb: 1000,
    backupRetentionDays: 14,
    performanceInsightsRetentionDays: 731,
  },
  opensearch: {
    dataNodes: { instanceType: 'r6g.large.search', count: 3, volumeSizeGb: 200 },
    dedicatedMasters: { enabled: true, instanceType: 'm6g.large.search', count: 3 },
    ultrawarm: { enabled: true, instanceType: 'ultrawarm1.medium.search', count: 2 },
  },
  storage: { crossRegionReplication: true },
  // Runbook §1.2: 365 days of image retention in prod.
  registry: { imageRetentionDays: 365 },
  // Runbook §2.1: production releases need a manual approval.
  gitops: { automatedSync: false },
  ci: { githubEnvironment: 'production' },
  // Promotion: each digest here must have been staging's first (test/gitops/promotion.test.ts).
  releases: {
    web: { tag: '1.4.2', digest: 'sha256:d1864540c44317880193e9178dd89a68cc2e559ed500d599de0471b86fb22412' },
    'user-api': {
      tag: '1.4.2',
      digest: 'sha256:e1204aa4592c220c5de1ff1c99ba905c3c8e6779133d2db3d6b83ee527b88c0a',
    },
    'assessment-api': {
      tag: '1.4.2',
      digest: 'sha256:09d6955c55d18240bea407f58f39a5a03b5e4e37c0cfcbb86d08c2fe03652101',
    },
    'recommendation-api': {
      tag: '1.4.2',
      digest: 'sha256:054dc031785f9a641ed7670639ec7ea1e2a568e1077c29f259a8b6a4eb5aa7f7',
    },
    'data-api': {
      tag: '1.4.2',
      digest: 'sha256:a2e56464bbfd28b91f9fb3b702919e9c2b4c00b7f10faf0fb682215e5d086717',
    },
    'search-api': {
      tag: '1.4.2',
      digest: 'sha256:f3df4ab62b905ca9ce2c7946b8b294a29706881aff2b1e270be946b91b8e2ea2',
    },
    'enrichment-worker': {
      tag: '1.4.2',
      digest: 'sha256:1c5b513079cbe4544df571f4a788f6b5dd637480e06a2757ca656520db51fea5',
    },
    'analytics-event-router': {
      tag: '1.4.2',
      digest: 'sha256:aca891b98f1c4252d54778ff9a0350ecb17f8bce077e415755eb521afe6a31ea',
    },
    'etl-runner': {
      tag: '1.4.2',
      digest: 'sha256:7ac8a31e15a42d4905181c0c4d0bba0b3400a9bc9f7e746817fd668c8bada587',
    },
    'db-migrator': {
      tag: '1.4.2',
      digest: 'sha256:849b5f5a8b52d88ad507ee6359ed2cfcc9fc64858f6fc95169a6c1615f9c0950',
    },
    'ops-toolbox': {
      tag: '1.4.2',
      digest: 'sha256:38521cffd4b5c36cd6225021f0f06446be15157982902a9ecc2c8206a2326eb1',
    },
  },
});
