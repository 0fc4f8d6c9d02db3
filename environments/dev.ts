// Development: the shared dev cluster. Smaller, two zones, in-cluster Redis and OpenSearch to save cost.
import { defineEnvironment } from './layer';

export default defineEnvironment({
  name: 'dev',
  tier: 'development',
  aws: {
    accountId: '111111111111', // EXAMPLE VALUE
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    drRegion: 'eu-central-1',
    stateKeyId: '0b7a3c1e-5d2f-4e8a-9c6b-1f2e3d4c5b6a', // EXAMPLE VALUE: output state_key_id of dev-bootstrap
  },
  network: { vpcCidr: '10.10.0.0/16' },
  cluster: {
    nodeGroups: {
      general: {
        instanceTypes: ['m6i.large'],
        capacityType: 'SPOT',
        minSize: 2,
        desiredSize: 2,
        maxSize: 3,
        diskSizeGb: 50,
      },
    },
    karpenter: { capacityTypes: ['spot', 'on-demand'] },
  },
  edge: { hostPrefix: 'dev.' },
  postgres: {
    instanceClass: 'db.t4g.medium',
    replicaInstanceClass: 'db.t4g.medium',
    allocatedStorageGb: 20,
    maxAllocatedStorageGb: 100,
    readCapacityFactor: 0,
  },
  redis: { mode: 'in-cluster' },
  opensearch: { mode: 'in-cluster' },
  // In-cluster OpenSearch has no IAM-mapped security plugin to configure.
  jobs: { 'opensearch-security-config': { enabled: false } },
  kafka: { brokerInstanceType: 'kafka.t3.small', volumeSizeGb: 20 },
  ci: { githubEnvironment: 'dev' },
  releases: {
    web: { tag: '1.5.0', digest: 'sha256:b155abbf0d1a0228629deb9c33d41506d155add3ed7092aa830e9d0032507364' },
    'user-api': {
      tag: '1.5.0',
      digest: 'sha256:482fee3e1b5b9b47025a9d7695d1257c22a25a86ccc9424aa90fb590be895e20',
    },
    'assessment-api': {
      tag: '1.5.0',
      digest: 'sha256:9dd9edb92bb132a49e914dfe33aaa2ffa070624cacaa3d83a75302ada0334a70',
    },
    'recommendation-api': {
      tag: '1.5.0',
      digest: 'sha256:a6c0aa903ae60f5401edc2488a30415bb3b84f00e298e2c8adcbd9ee6028e500',
    },
    'data-api': {
      tag: '1.5.0',
      digest: 'sha256:39e8d3cd0246f87e25829aabef29f6977d9c4723093ce39fcae35307fa9f2a8a',
    },
    'search-api': {
      tag: '1.5.0',
      digest: 'sha256:33e55a66826d172dd28d98f2c4e371f3d0324aecd7aa0a1430813d0c12c0adad',
    },
    'enrichment-worker': {
      tag: '1.5.0',
      digest: 'sha256:60b850b8ff488eefb45bb1b7b99b945cbcf47346eb27ecb726cb1afe3362458e',
    },
    'analytics-event-router': {
      tag: '1.5.0',
      digest: 'sha256:ff28f3000773efad5df53db06041e8a9632e4eea228afcf9027cc3f7879cdd99',
    },
    'etl-runner': {
      tag: '1.5.0',
      digest: 'sha256:9bd6119b19663bde7ef3970f83c5af7a3d6bc49f2c6bd7c82b5622f5db508af7',
    },
    'db-migrator': {
      tag: '1.5.0',
      digest: 'sha256:cb9b48349545386b9368364150d398365f8d00fbd68d8c0596b6dacdf5a09fe8',
    },
    'ops-toolbox': {
      tag: '1.5.0',
      digest: 'sha256:a821a8821e2d2b1190329b7d9bd83f84c88a5f2b05a8ab3f8e31ea4012a78d96',
    },
  },
});
