// Every cross-field rule with a failing example and its exact message: what an operator sees is part of the contract.
import { describe, expect, it } from 'vitest';
import type { ValidationContext } from '../../environments';
import { allRules } from '../../environments/rules';
import { jobDefinition, loadErrorOf, registryWith } from './support';

describe('cross-field rules of the environment model', () => {
  const cases: {
    rule: string;
    when: string;
    registry: ReturnType<typeof registryWith>;
    context?: Partial<ValidationContext>;
    message: string;
  }[] = [
    {
      rule: 'production-zones',
      when: 'a production environment uses two zones',
      registry: registryWith('prod', { aws: { availabilityZones: ['eu-west-1a', 'eu-west-1b'] } }),
      // Zone awareness of the search domain breaks too: every rule reports, not just the first.
      message: [
        'environment "prod": aws.availabilityZones: got ["eu-west-1a","eu-west-1b"]; expected at least 3 availability zones for a production environment',
        'environment "prod": opensearch.dataNodes.count: got 3; expected a multiple of 2 (zone awareness)',
      ].join('\n'),
    },
    {
      rule: 'zones-in-region',
      when: 'a zone belongs to another region',
      registry: registryWith('dev', { aws: { availabilityZones: ['eu-west-1a', 'eu-central-1b'] } }),
      message:
        'environment "dev": aws.availabilityZones[1]: got "eu-central-1b"; expected a zone of Region eu-west-1: eu-west-1a, eu-west-1b, eu-west-1c',
    },
    {
      rule: 'known-region',
      when: 'the DR Region is not in the catalogue',
      registry: registryWith('prod', { aws: { drRegion: 'eu-west-9' } }),
      message:
        'environment "prod": aws.drRegion: got "eu-west-9"; expected a Region of environments/catalogue/aws-regions.ts: eu-central-1, eu-north-1, eu-south-1, eu-west-1, eu-west-2, eu-west-3, us-east-1, us-east-2, us-west-2',
    },
    {
      rule: 'known-rds-classes',
      when: 'the restore drill names a class RDS does not have',
      registry: registryWith('dev', { backups: { restoreDrillInstanceClass: 'db.t4g.huge' } }),
      message: expect.stringMatching(
        /^environment "dev": backups\.restoreDrillInstanceClass: got "db\.t4g\.huge"; expected an RDS for PostgreSQL class: db\.t3\.\{micro,small,/,
      ) as unknown as string,
    },
    {
      rule: 'known-opensearch-types',
      when: 'UltraWarm is given a data-node type',
      registry: registryWith('prod', { opensearch: { ultrawarm: { instanceType: 'r6g.large.search' } } }),
      message:
        'environment "prod": opensearch.ultrawarm.instanceType: got "r6g.large.search"; expected an UltraWarm instance type: ultrawarm1.{medium,large,xlarge}.search',
    },
    {
      rule: 'reviewed-kubernetes-version',
      when: 'the Kubernetes version is missing from the lifecycle table',
      registry: registryWith('staging', { cluster: { kubernetesVersion: '1.30' } }),
      message:
        'environment "staging": cluster.kubernetesVersion: got "1.30"; expected a version of the EKS lifecycle table (environments/defaults/kubernetes-versions.ts): 1.31, 1.32, 1.33, 1.34, 1.35',
    },
    {
      rule: 'versions-never-go-down',
      when: 'the model lowers the Kafka version the committed render records',
      registry: registryWith('prod', { kafka: { kafkaVersion: '3.5.1' } }),
      context: { committedVersions: new Map([['prod', { 'kafka.kafkaVersion': '3.6.0' }]]) },
      message:
        'environment "prod": kafka.kafkaVersion: got "3.5.1"; expected 3.6.0 or later: deploy/prod/versions.json records 3.6.0, and an MSK cluster cannot be downgraded in place',
    },
    {
      rule: 'workload-names-distinct',
      when: 'a job takes the name of a service in another namespace',
      registry: registryWith('dev', { jobs: { flagd: jobDefinition('assessments-recalculation') } }),
      message:
        'environment "dev": jobs.flagd: got "flagd"; expected a name no service uses: services.flagd (namespace api) would share its IAM role workload-flagd and its metric labels',
    },
    {
      rule: 'external-images-pinned',
      when: 'the tag-only exception of an external image has lapsed',
      registry: registryWith('dev', {
        images: {
          k6: { tagOnlyException: { reason: 'waiting for the upstream release', expires: '2026-01-31' } },
        },
      }),
      message:
        'environment "dev": images.k6.tagOnlyException.expires: got "2026-01-31"; expected a date from 2026-12-06 on: the exception has lapsed, so pin a digest or review the exception again',
      context: { today: '2026-12-06' },
    },
    {
      rule: 'storage-autoscaling-headroom',
      when: 'the autoscaling ceiling is below the allocated storage',
      registry: registryWith('prod', { postgres: { maxAllocatedStorageGb: 150 } }),
      message:
        'environment "prod": postgres.maxAllocatedStorageGb: got 150; expected ≥ 220: RDS storage autoscaling needs a maximum at least 10 % above postgres.allocatedStorageGb (200)',
    },
    {
      rule: 'dr-region-differs',
      when: 'the DR region is the primary region',
      registry: registryWith('prod', { aws: { drRegion: 'eu-west-1' } }),
      message: 'environment "prod": aws.drRegion: got "eu-west-1"; expected a region other than eu-west-1',
    },
    {
      rule: 'vpc-size',
      when: 'the VPC is too small for the subnet plan',
      registry: registryWith('dev', { network: { vpcCidr: '10.10.0.0/20' } }),
      message:
        'environment "dev": network.vpcCidr: got "10.10.0.0/20"; expected a /16, /17 or /18 block (one subnet per tier per zone)',
    },
    {
      rule: 'public-endpoint-narrow',
      when: 'the API endpoint is opened to the internet',
      registry: registryWith('staging', { cluster: { publicEndpointCidrs: ['0.0.0.0/0'] } }),
      message:
        'environment "staging": cluster.publicEndpointCidrs[0]: got "0.0.0.0/0"; expected a restricted CIDR, not the whole internet',
    },
    {
      rule: 'node-group-sizes',
      when: 'a node group minimum exceeds its maximum',
      registry: registryWith('prod', { cluster: { nodeGroups: { general: { minSize: 20 } } } }),
      message: 'environment "prod": cluster.nodeGroups.general.minSize: got 20; expected ≤ maxSize (6)',
    },
    {
      rule: 'replica-bounds',
      when: 'HPA min is above max',
      registry: registryWith('prod', { services: { 'data-api': { replicas: { min: 9, max: 8 } } } }),
      message: 'environment "prod": services.data-api.replicas.min: got 9; expected ≤ replicas.max (8)',
    },
    {
      rule: 'pdb-under-min-replicas',
      when: 'the PDB does not fit under the HPA minimum',
      registry: registryWith('staging', { services: { 'user-api': { pdbMinAvailable: 3 } } }),
      message:
        'environment "staging": services.user-api.pdbMinAvailable: got 3; expected < replicas.min (3) so node drains can evict a pod',
    },
    {
      rule: 'peak-window-bounds',
      when: 'the EU-peak floor is below the normal minimum',
      registry: registryWith('prod', {
        services: { 'search-api': { peakWindows: { 'eu-peak': { minReplicas: 5 } } } },
      }),
      message:
        'environment "prod": services.search-api.peakWindows.eu-peak.minReplicas: got 5; expected between replicas.min (6) and replicas.max (12)',
    },
    {
      rule: 'http-service-shape',
      when: 'a worker declares a port',
      registry: registryWith('dev', { services: { 'enrichment-worker': { port: 8080 } } }),
      message: 'environment "dev": services.enrichment-worker.port: got 8080; expected no port on a worker',
    },
    {
      rule: 'unique-ingress-paths',
      when: 'two public services share a path',
      registry: registryWith('dev', { services: { 'data-api': { ingressPath: '/api/search' } } }),
      message:
        'environment "dev": services.search-api.ingressPath: got "/api/search"; expected a path not already used by data-api',
    },
    {
      rule: 'calls-exist',
      when: 'a service calls one that does not exist',
      registry: registryWith('dev', { services: { 'data-api': { calls: ['billing-api'] } } }),
      message:
        'environment "dev": services.data-api.calls[0]: got "billing-api"; expected one of: assessment-api, data-api, flagd, recommendation-api, search-api, user-api, web',
    },
    {
      rule: 'job-trigger',
      when: 'a PreSync hook has a schedule',
      registry: registryWith('dev', { jobs: { 'db-migrations': { schedule: '0 1 * * *' } } }),
      message:
        'environment "dev": jobs.db-migrations.schedule: got "0 1 * * *"; expected no schedule on a presync-hook job',
    },
    {
      rule: 'images-exist',
      when: 'a job runs an image missing from the catalogue',
      registry: registryWith('dev', { jobs: { 'onet-refresh': { image: 'etl' } } }),
      message: expect.stringMatching(
        /^environment "dev": jobs\.onet-refresh\.image: got "etl"; expected one of: analytics-event-router, assessment-api, /,
      ) as unknown as string,
    },
    {
      rule: 'releases-pinned',
      when: 'a release pins an image that is not ours',
      registry: registryWith('staging', {
        releases: { k6: { tag: '1.0.0', digest: `sha256:${'a'.repeat(64)}` } },
      }),
      message: expect.stringMatching(
        /^environment "staging": releases\.k6: got "k6"; expected one of: analytics-event-router, /,
      ) as unknown as string,
    },
    {
      rule: 'stores-enabled',
      when: 'a service depends on a disabled store',
      registry: registryWith('dev', { kafka: { mode: 'disabled' } }),
      message: [
        'environment "dev": services.assessment-api.dependsOn[2]: got "kafka"; expected a store this environment runs (kafka is disabled)',
        'environment "dev": services.analytics-event-router.dependsOn[0]: got "kafka"; expected a store this environment runs (kafka is disabled)',
      ].join('\n'),
    },
    {
      rule: 'retention-covers-rpo',
      when: 'point-in-time restore reaches back less than a week',
      registry: registryWith('dev', { postgres: { backupRetentionDays: 3 } }),
      message:
        'environment "dev": postgres.backupRetentionDays: got 3; expected ≥ 7 days of point-in-time restore (RPO 15 min)',
    },
    {
      rule: 'search-topology',
      when: 'UltraWarm runs without dedicated masters',
      registry: registryWith('staging', { opensearch: { ultrawarm: { enabled: true, count: 2 } } }),
      message:
        'environment "staging": opensearch.ultrawarm.enabled: got true; expected dedicatedMasters.enabled (UltraWarm requires them)',
    },
    {
      rule: 'production-grade',
      when: 'production syncs automatically',
      registry: registryWith('prod', { gitops: { automatedSync: true } }),
      message:
        'environment "prod": gitops.automatedSync: got true; expected false: production syncs after manual approval (runbook §2.1)',
    },
    {
      rule: 'playbook-targets',
      when: 'the surge does not raise search-api above its floor',
      registry: registryWith('prod', { playbooks: { searchLatencySurge: { surgeReplicas: 6 } } }),
      message:
        'environment "prod": playbooks.searchLatencySurge.surgeReplicas: got 6; expected above replicas.min (6) and ≤ replicas.max (12) of search-api',
    },
    {
      rule: 'latency-recovery-below-target',
      when: 'recovery is declared at the objective itself',
      registry: registryWith('prod', { playbooks: { searchLatencySurge: { recoveredBelowMs: 350 } } }),
      message:
        'environment "prod": playbooks.searchLatencySurge.recoveredBelowMs: got 350; expected < search-api latencyP95Ms (350)',
    },
    {
      rule: 'ingestion-lag-reachable',
      when: 'the ingestion lag threshold is as long as the window it is measured in',
      registry: registryWith('prod', { alerts: { ingestionBehindBaseline: { window: '10m' } } }),
      message:
        'environment "prod": alerts.ingestionBehindBaseline.window: got "10m"; expected longer than maxMinutes (10 minutes): the lag cannot exceed the window it is measured in',
    },
    {
      rule: 'probe-interval-tolerates-one-failure',
      when: 'probes run at the 30 s scrape interval, so one failed probe in the hour is under 99.5 %',
      registry: registryWith('prod', { observability: { probeIntervalSeconds: 30 } }),
      message:
        'environment "prod": observability.probeIntervalSeconds: got 30; expected at most 18 seconds: alerts.syntheticUptime.window 1h must hold at least 200 probes for one failed probe to stay above alerts.syntheticUptime.minPercent (99.5 %)',
    },
    {
      rule: 'tls-minimum-honoured',
      when: 'the runbook minimum is TLS 1.3 but CloudFront still accepts TLS 1.2',
      registry: registryWith('dev', { slo: { minimumTlsVersion: '1.3' } }),
      message:
        'environment "dev": edge.cdn.minimumProtocolVersion: got "TLSv1.2_2021"; expected a TLSv1.3_* policy because slo.minimumTlsVersion is "1.3"',
    },
    {
      rule: 'replication-meets-rpo',
      when: 'the RPO is shorter than S3 Replication Time Control replicates',
      registry: registryWith('prod', { slo: { rpoMinutes: 10 } }),
      message:
        'environment "prod": slo.rpoMinutes: got 10; expected ≥ 15 (S3 Replication Time Control replicates within 15 minutes)',
    },
    {
      rule: 'vpc-cidrs-disjoint',
      when: 'two environments share address space',
      registry: registryWith('staging', { network: { vpcCidr: '10.10.0.0/17' } }),
      message:
        'environment "staging": network.vpcCidr: got "10.10.0.0/17"; expected no overlap with dev (10.10.0.0/16)',
    },
    {
      rule: 'baseline-environment-exists',
      when: 'the baseline source is not registered',
      registry: registryWith('prod', { observability: { baselineEnvironment: 'preprod' } }),
      message:
        'environment "prod": observability.baselineEnvironment: got "preprod"; expected one of: dev, staging, prod',
    },
    {
      rule: 'argocd-namespace-apart',
      when: "Argo CD shares a team's namespace",
      registry: registryWith('dev', { gitops: { argoCdNamespace: 'platform' } }),
      message:
        'environment "dev": gitops.argoCdNamespace: got "platform"; expected a namespace no workload or platform chart deploys into (not api, data-pipelines, frontend, istio-system, observability, platform, support): an AppProject allowed there could create Applications',
    },
    {
      rule: 'hotfix-only-in-staging',
      when: 'production marks a release as a hotfix',
      registry: registryWith('prod', { releases: { web: { hotfix: 'INC-42: blank page on Safari' } } }),
      message:
        'environment "prod": releases.web.hotfix: got "INC-42: blank page on Safari"; expected no hotfix marker in a production environment: only staging may take a digest dev never held (docs/gitops.md#promotion)',
    },
    {
      rule: 'requests-within-limits',
      when: 'a namespace requests more scratch space than its limit',
      registry: registryWith('staging', {
        namespaces: { frontend: { containerDefaults: { ephemeralStorageMiB: 2048 } } },
      }),
      message:
        'environment "staging": namespaces.frontend.containerDefaults.ephemeralStorageMiB: got 2048; expected ≤ ephemeralStorageLimitMiB (1024)',
    },
    {
      rule: 'management-port-apart',
      when: 'flagd serves metrics on its traffic port',
      registry: registryWith('dev', { services: { flagd: { managementPort: 8013 } } }),
      message:
        'environment "dev": services.flagd.managementPort: got 8013; expected the traffic port and the management port of flagd to differ',
    },
    {
      rule: 'in-cluster-quorum',
      when: 'in-cluster OpenSearch has two nodes',
      registry: registryWith('dev', { opensearch: { inCluster: { replicas: 2 } } }),
      message:
        'environment "dev": opensearch.inCluster.replicas: got 2; expected 1, or an odd number ≥ 3 (a quorum)',
    },
    {
      rule: 'startup-covers-probe-period',
      when: 'the startup budget is shorter than one probe period',
      registry: registryWith('prod', { workloadDefaults: { probes: { startupSeconds: 5 } } }),
      message:
        'environment "prod": workloadDefaults.probes.startupSeconds: got 5; expected ≥ periodSeconds (10)',
    },
    {
      rule: 'load-within-deadline',
      when: 'synthetic traffic would run into its deadline',
      registry: registryWith('staging', {
        jobs: { 'synthetic-traffic': { load: { durationMinutes: 45 } } },
      }),
      message:
        'environment "staging": jobs.synthetic-traffic.load.durationMinutes: got 45; expected < activeDeadlineMinutes (45)',
    },
    {
      rule: 'quota-fits-autoscaling',
      when: 'the api quota cannot hold search-api at a higher maximum',
      registry: registryWith('prod', { services: { 'search-api': { replicas: { max: 40 } } } }),
      message: [
        'environment "prod": namespaces.api.quota.requestsCpu: got 32; expected ≥ 48 (cores of cpu requests at the autoscalers\' maxima)',
        'environment "prod": namespaces.api.quota.limitsCpu: got 160; expected ≥ 237 (cores of cpu limits at the autoscalers\' maxima)',
        'environment "prod": namespaces.api.quota.requestsMemoryGiB: got 40; expected ≥ 50 (GiB of memory requests at the autoscalers\' maxima)',
        'environment "prod": namespaces.api.quota.limitsMemoryGiB: got 80; expected ≥ 119 (GiB of memory limits at the autoscalers\' maxima)',
      ].join('\n'),
    },
    {
      rule: 'quota-fits-autoscaling',
      when: 'the sidecars of the api services at their maxima no longer fit the quota',
      registry: registryWith('prod', { mesh: { sidecarResources: { cpuMillicores: 250 } } }),
      message:
        'environment "prod": namespaces.api.quota.requestsCpu: got 32; expected ≥ 39 (cores of cpu requests at the autoscalers\' maxima)',
    },
  ];

  for (const { rule, when, registry, context, message } of cases) {
    it(`${rule} fails when ${when}`, () => {
      expect(loadErrorOf(registry, context)).toEqual(message);
    });
  }

  it('has a failing example for every rule', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(allRules.map((rule) => rule.id)));
  });
});
