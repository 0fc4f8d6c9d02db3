// Staging: pre-production validation, the source of the `_staging_baseline` series (runbook §4.4).
import { defineEnvironment } from './layer';

export default defineEnvironment({
  name: 'staging',
  tier: 'staging',
  aws: {
    accountId: '222222222222', // EXAMPLE VALUE
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    drRegion: 'eu-central-1',
    stateKeyId: '1c8b4d2f-6e3a-4f9b-8d7c-2a3b4c5d6e7f', // EXAMPLE VALUE: output state_key_id of staging-bootstrap
  },
  network: { vpcCidr: '10.20.0.0/16' },
  edge: { hostPrefix: 'staging.' },
  postgres: { readCapacityFactor: 1 },
  // Runbook §4.4: weekly synthetic traffic in staging before the release freeze.
  jobs: { 'synthetic-traffic': { enabled: true } },
  ci: { githubEnvironment: 'staging' },
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
