// Control flow of real (not dry) runs of the AWS procedures with a scripted executor: the drill instance is
// deleted whatever failed, the AWS waiter is retried up to the RTO budget, credentials never reach the logs, and
// rotation waits for AWSCURRENT before restarting anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../environments';
import { rotateSecretsDefinition } from '../../scripts/ops/commands/rotate-secrets';
import { verifyBackupsDefinition } from '../../scripts/ops/commands/verify-backups';
import { RecordingKube, ScriptedExecutor } from './support/fakes';
import { run, testDeps } from './support/ops-harness';
import { writeRenderedTree } from './support/rendered-tree';

let tree: { dir: string; remove(): void };
beforeAll(() => {
  tree = writeRenderedTree();
});
afterAll(() => tree.remove());

const DRILL = 'skillforge-staging-restore-drill-20261127-0830';
const PASSWORD = 'not-a-real-password-4242';

function drillExecutor(waitReplies: { code: number; stderr?: string }[]): ScriptedExecutor {
  return new ScriptedExecutor([
    [/describe-db-snapshots/, { stdout: 'rds:skillforge-staging-postgres-2026-11-27-02-10\n' }],
    [/DBSubnetGroupName/, { stdout: 'skillforge-staging-database\n' }],
    [/VpcSecurityGroupId/, { stdout: 'sg-0a1\tsg-0b2\n' }],
    [/DBParameterGroupName/, { stdout: 'skillforge-staging-postgres16\n' }],
    [/restore-db-instance-from-db-snapshot/, { stdout: 'creating\n' }],
    [/wait db-instance-available/, () => waitReplies.shift() ?? { code: 0 }],
    [/Endpoint.Address/, { stdout: 'drill.invalid\n' }],
    [/get-secret-value/, { stdout: JSON.stringify({ username: 'skillforge_app', password: PASSWORD }) }],
    [/delete-db-instance/, { stdout: 'deleting\n' }],
    [/wait db-instance-deleted/, {}],
  ]);
}

describe('verify-backups, for real', () => {
  it('deletes the drill instance after the restore failed', async () => {
    const exec = drillExecutor([
      { code: 255, stderr: 'Waiter DBInstanceAvailable failed: Waiter encountered a terminal failure state' },
      { code: 255, stderr: 'Waiter DBInstanceAvailable failed: Waiter encountered a terminal failure state' },
    ]);
    const result = await run(verifyBackupsDefinition, ['--env', 'staging'], testDeps(tree.dir, { exec }));

    expect(result.code).toBe(1);
    expect(exec.calls.map((call) => call.split(' ').slice(0, 4).join(' '))).toEqual([
      'aws rds describe-db-snapshots --region',
      'aws rds describe-db-instances --region',
      'aws rds describe-db-instances --region',
      'aws rds describe-db-instances --region',
      'aws rds restore-db-instance-from-db-snapshot --region',
      'aws rds wait db-instance-available',
      // The tear-down first waits for a settled instance (it fails again here, which is only logged), then deletes.
      'aws rds wait db-instance-available',
      'aws rds delete-db-instance --region',
      'aws rds wait db-instance-deleted',
    ]);
    expect(exec.calls[4]).toContain(
      '--db-snapshot-identifier rds:skillforge-staging-postgres-2026-11-27-02-10 --db-instance-class db.t4g.medium ' +
        '--db-subnet-group-name skillforge-staging-database --vpc-security-group-ids sg-0a1 sg-0b2',
    );
    expect(exec.calls[7]).toContain(`--db-instance-identifier ${DRILL} --skip-final-snapshot`);
    const steps = result.logs().map((log) => [log.step, log.event]);
    expect(steps).toContainEqual(['read-drill-endpoint', 'step.skipped']);
    expect(steps).toContainEqual(['delete-drill-instance', 'step.succeeded']);
    expect(result.stdout()).toMatch(
      /^verify-backups: step wait-drill-available failed: aws rds wait db-instance-available/,
    );
  });

  it('keeps waiting while the AWS waiter gives up early, and never logs the credentials', async () => {
    const exec = drillExecutor([
      { code: 255, stderr: 'Waiter DBInstanceAvailable failed: Max attempts exceeded' },
    ]);
    const result = await run(verifyBackupsDefinition, ['--env', 'staging'], testDeps(tree.dir, { exec }));

    // drill.invalid does not resolve, so the integrity checks fail and the instance is still deleted.
    expect(result.code).toBe(1);
    expect(exec.calls.filter((call) => call.includes('wait db-instance-available'))).toHaveLength(3);
    expect(result.logs().map((log) => log.event)).toContain('drill.still_restoring');
    expect(result.logs().find((log) => log.event === 'drill.restored')?.fields).toEqual({
      instance: DRILL,
      minutes: 0,
      rtoMinutes: 30,
    });
    expect(result.stdout()).toMatch(/^verify-backups: step integrity-checks failed: /);
    expect(exec.calls.at(-2)).toContain('delete-db-instance');
    expect(result.stderr()).not.toContain(PASSWORD);
    expect(result.stdout()).not.toContain(PASSWORD);
  });
});

describe('rotate-secrets, for real', () => {
  it('waits for the new version to become AWSCURRENT, then for External Secrets, then restarts and verifies', async () => {
    const env = loadEnvironment('staging');
    const stages = ['AWSPENDING', 'AWSPENDING', 'AWSCURRENT'];
    const exec = new ScriptedExecutor([
      [/rotate-secret/, { stdout: 'v-0002\n' }],
      [/describe-secret/, () => ({ stdout: `${stages.shift()}\n` })],
    ]);
    const sleeps: number[] = [];
    // Rolled out: Rollouts report phase Healthy, Deployments have every replica updated and available.
    const kube = new RecordingKube(() => ({
      metadata: { generation: 3 },
      spec: { replicas: 2 },
      status: {
        phase: 'Healthy',
        observedGeneration: 3,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
      },
    }));
    const result = await run(
      rotateSecretsDefinition,
      ['--env', 'staging'],
      testDeps(tree.dir, { exec, kube: async () => kube, sleep: async (ms) => void sleeps.push(ms) }),
    );

    expect(result.code).toBe(0);
    expect(exec.calls[0]).toBe(
      'aws secretsmanager rotate-secret --region eu-west-1 --secret-id skillforge/staging/postgres/app --query VersionId --output text',
    );
    expect(exec.calls.slice(1)).toEqual(
      Array(3).fill(
        'aws secretsmanager describe-secret --region eu-west-1 --secret-id skillforge/staging/postgres/app --query VersionIdsToStages."v-0002" --output text',
      ),
    );
    // Two polls of 15 s while the rotation ran, then one External Secrets refresh interval.
    expect(sleeps).toEqual([15_000, 15_000, env.secrets.refreshMinutes * 60_000]);
    const restarted = kube.calls.map((call) =>
      call.call === 'patch' ? `${call.ref.kind}/${call.ref.name}` : call.call,
    );
    expect(restarted).toEqual([
      'Rollout/assessment-api',
      'Rollout/data-api',
      'Deployment/enrichment-worker',
      'Rollout/recommendation-api',
      'Rollout/user-api',
    ]);
    expect(kube.calls[2]).toEqual({
      call: 'patch',
      ref: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'data-pipelines',
        name: 'enrichment-worker',
      },
      patch: {
        spec: {
          template: {
            metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-27T08:30:00.000Z' } },
          },
        },
      },
    });
  });
});
