// Invalid models of classes 1–6: public endpoint CIDRs, keys written twice, workloads declared twice or named
// alike, weakened tiers, CIDRs with host bits, storage autoscaling without headroom.
import { jobDefinition, registryWith } from '../support';
import { exception, type InvalidModel, TODAY } from './shared';

export const placementCases: readonly InvalidModel[] = [
  // 1. Public endpoint CIDRs broader than the model's limit, alone or together.
  {
    issueClass: 1,
    what: 'two /1 CIDRs that together open the API to the internet',
    registry: registryWith('staging', { cluster: { publicEndpointCidrs: ['0.0.0.0/1', '128.0.0.0/1'] } }),
    firstLine:
      'environment "staging": cluster.publicEndpointCidrs[0]: got "0.0.0.0/1"; expected /24 or narrower (cluster.publicEndpointMinPrefixLength), or cluster.publicEndpointExceptions["0.0.0.0/1"] saying why, until when',
  },
  {
    issueClass: 1,
    what: 'two /1 CIDRs with exceptions, which still cover every address',
    registry: registryWith('staging', {
      cluster: {
        publicEndpointCidrs: ['0.0.0.0/1', '128.0.0.0/1'],
        publicEndpointExceptions: {
          '0.0.0.0/1': exception('2027-01-31'),
          '128.0.0.0/1': exception('2027-01-31'),
        },
      },
    }),
    context: { today: TODAY },
    firstLine:
      'environment "staging": cluster.publicEndpointCidrs: got ["0.0.0.0/1","128.0.0.0/1"]; expected CIDRs that leave part of the internet out: together these cover every IPv4 address',
  },
  {
    issueClass: 1,
    what: 'a /20 without an exception',
    registry: registryWith('prod', { cluster: { publicEndpointCidrs: ['203.0.112.0/20'] } }),
    firstLine:
      'environment "prod": cluster.publicEndpointCidrs[0]: got "203.0.112.0/20"; expected /24 or narrower (cluster.publicEndpointMinPrefixLength), or cluster.publicEndpointExceptions["203.0.112.0/20"] saying why, until when',
  },
  {
    issueClass: 1,
    what: 'a wide CIDR whose exception has expired',
    registry: registryWith('dev', {
      cluster: {
        publicEndpointCidrs: ['198.51.100.0/22'],
        publicEndpointExceptions: { '198.51.100.0/22': exception('2026-12-05') },
      },
    }),
    context: { today: TODAY },
    firstLine:
      'environment "dev": cluster.publicEndpointExceptions["198.51.100.0/22"].expires: got "2026-12-05"; expected a date from 2026-12-06 on: the exception has lapsed, so narrow the CIDR or review the exception again',
  },
  {
    issueClass: 1,
    what: 'an exception for a CIDR the endpoint does not list',
    registry: registryWith('dev', {
      cluster: { publicEndpointExceptions: { '198.51.100.0/22': exception('2027-01-31') } },
    }),
    context: { today: TODAY },
    firstLine:
      'environment "dev": cluster.publicEndpointExceptions["198.51.100.0/22"]: got "198.51.100.0/22"; expected an exception only for a CIDR of cluster.publicEndpointCidrs (none)',
  },
  {
    issueClass: 1,
    what: 'the whole internet, even with an exception',
    registry: registryWith('prod', {
      cluster: {
        publicEndpointCidrs: ['0.0.0.0/0'],
        publicEndpointExceptions: { '0.0.0.0/0': exception('2027-01-31') },
      },
    }),
    context: { today: TODAY },
    firstLine:
      'environment "prod": cluster.publicEndpointCidrs[0]: got "0.0.0.0/0"; expected a restricted CIDR, not the whole internet',
  },
  // 2. A key written twice in an environment file.
  {
    issueClass: 2,
    what: 'a second postgres block in prod.ts',
    source: {
      file: 'environments/prod.ts',
      from: '  opensearch: {',
      to: "  postgres: { instanceClass: 'db.r6g.large' },\n  opensearch: {",
    },
    firstLine:
      'environment "prod": postgres: got a second "postgres" at environments/prod.ts:38 (the first is at line 30); expected each key once: the second silently replaces the first',
  },
  {
    issueClass: 2,
    what: 'a node group size written twice in dev.ts',
    source: {
      file: 'environments/dev.ts',
      from: '        minSize: 2,',
      to: '        minSize: 2,\n        minSize: 4,',
    },
    firstLine:
      'environment "dev": cluster.nodeGroups.general.minSize: got a second "minSize" at environments/dev.ts:21 (the first is at line 20); expected each key once: the second silently replaces the first',
  },
  {
    issueClass: 2,
    what: 'a second edge block in staging.ts',
    source: {
      file: 'environments/staging.ts',
      from: '  postgres: { readCapacityFactor: 1 },',
      to: "  postgres: { readCapacityFactor: 1 },\n  edge: { hostPrefix: 'stage.' },",
    },
    firstLine:
      'environment "staging": edge: got a second "edge" at environments/staging.ts:17 (the first is at line 15); expected each key once: the second silently replaces the first',
  },
  // 3. A service or job declared twice; a job named like a service.
  {
    issueClass: 3,
    what: 'a service declared twice in the defaults',
    source: {
      file: 'environments/defaults/services.ts',
      from: "    'enrichment-worker': {",
      to: "    web: { ...httpDefaults, namespace: 'frontend' },\n    'enrichment-worker': {",
    },
    firstLine:
      'defaults (every environment): services.web: got a second "web" at environments/defaults/services.ts:132 (the first is at line 21); expected each key once: the second silently replaces the first',
  },
  {
    issueClass: 3,
    what: 'a job declared twice in the defaults',
    source: {
      file: 'environments/defaults/jobs.ts',
      from: "    'db-migrations': {",
      to: "    'onet-refresh': { ...cron, schedule: '0 5 * * *' },\n    'db-migrations': {",
    },
    firstLine:
      'defaults (every environment): jobs.onet-refresh: got a second "onet-refresh" at environments/defaults/jobs.ts:93 (the first is at line 17); expected each key once: the second silently replaces the first',
  },
  {
    issueClass: 3,
    what: 'a job named like a service of the same namespace (a cdk8s stack trace before)',
    registry: registryWith('dev', {
      jobs: { 'data-api': { ...jobDefinition('onet-refresh'), namespace: 'api' } },
    }),
    firstLine:
      'environment "dev": jobs.data-api: got "data-api"; expected a name no service uses: services.data-api runs in namespace api too, and their Kubernetes objects would collide',
  },
  {
    issueClass: 3,
    what: 'a job named like a service of another namespace',
    registry: registryWith('prod', { jobs: { web: jobDefinition('search-index-swap') } }),
    firstLine:
      'environment "prod": jobs.web: got "web"; expected a name no service uses: services.web (namespace frontend) would share its IAM role workload-web and its metric labels',
  },
  // 4. A tier weakened by the environment's own file.
  {
    issueClass: 4,
    what: "prod declared as 'staging'",
    registry: registryWith('prod', { tier: 'staging' }),
    firstLine:
      'environment "prod": tier: got "staging"; expected "production": environments/registry.ts registers prod as production, and its own file may not weaken that',
  },
  {
    issueClass: 4,
    what: "prod declared as 'development'",
    registry: registryWith('prod', { tier: 'development' }),
    firstLine:
      'environment "prod": tier: got "development"; expected "production": environments/registry.ts registers prod as production, and its own file may not weaken that',
  },
  {
    issueClass: 4,
    what: "staging declared as 'development'",
    registry: registryWith('staging', { tier: 'development' }),
    firstLine:
      'environment "staging": tier: got "development"; expected "staging": environments/registry.ts registers staging as staging, and its own file may not weaken that',
  },
  // 5. CIDRs with host bits set.
  {
    issueClass: 5,
    what: 'a VPC CIDR with host bits',
    registry: registryWith('prod', { network: { vpcCidr: '10.30.5.0/16' } }),
    firstLine:
      'environment "prod": network.vpcCidr: got "10.30.5.0/16"; expected the network address 10.30.0.0/16 (host bits are set), or the prefix you meant',
  },
  {
    issueClass: 5,
    what: 'a public endpoint CIDR with host bits',
    registry: registryWith('staging', { cluster: { publicEndpointCidrs: ['203.0.113.7/24'] } }),
    firstLine:
      'environment "staging": cluster.publicEndpointCidrs[0]: got "203.0.113.7/24"; expected the network address 203.0.113.0/24 (host bits are set), or the prefix you meant',
  },
  // 6. Storage autoscaling ceiling below the allocated storage.
  {
    issueClass: 6,
    what: 'maxAllocatedStorageGb below allocatedStorageGb',
    registry: registryWith('prod', { postgres: { maxAllocatedStorageGb: 150 } }),
    firstLine:
      'environment "prod": postgres.maxAllocatedStorageGb: got 150; expected ≥ 220: RDS storage autoscaling needs a maximum at least 10 % above postgres.allocatedStorageGb (200)',
  },
  {
    issueClass: 6,
    what: 'maxAllocatedStorageGb less than 10 % above allocatedStorageGb',
    registry: registryWith('dev', { postgres: { maxAllocatedStorageGb: 21 } }),
    firstLine:
      'environment "dev": postgres.maxAllocatedStorageGb: got 21; expected ≥ 22: RDS storage autoscaling needs a maximum at least 10 % above postgres.allocatedStorageGb (20)',
  },
];
