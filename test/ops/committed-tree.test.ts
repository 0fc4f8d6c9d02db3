// The operations commands against the committed rendered tree (deploy/), not a fixture: every command's dry run
// works for every environment, and the parts of the tree the commands depend on are there (an Application per
// release namespace, an autoscaler owning each playbook service's floor, the analytics dashboard).
import { describe, expect, it } from 'vitest';
import { deployDir } from '../../scripts/cli/paths';
import { analyticsBacklogDefinition } from '../../scripts/ops/commands/analytics-backlog';
import { annotateBaselineSyncDefinition } from '../../scripts/ops/commands/annotate-baseline-sync';
import { bootstrapClusterDefinition } from '../../scripts/ops/commands/bootstrap-cluster';
import { deployAppDefinition, RELEASE_NAMESPACES } from '../../scripts/ops/commands/deploy-app';
import { restoreRedisDefinition } from '../../scripts/ops/commands/restore-redis';
import { restoreS3Definition } from '../../scripts/ops/commands/restore-s3';
import { rotateSecretsDefinition } from '../../scripts/ops/commands/rotate-secrets';
import { searchLatencySurgeDefinition } from '../../scripts/ops/commands/search-latency-surge';
import { seedOnetDataDefinition } from '../../scripts/ops/commands/seed-onet-data';
import { snapshotBeforeReleaseDefinition } from '../../scripts/ops/commands/snapshot-before-release';
import { verifyBackupsDefinition } from '../../scripts/ops/commands/verify-backups';
import { weeklyHealthCheckDefinition } from '../../scripts/ops/commands/weekly-health-check';
import {
  applicationForNamespace,
  autoscalerFor,
  dashboardUid,
  readApplications,
} from '../../scripts/ops/gitops/rendered-tree';
import type { OpsCommandDefinition } from '../../scripts/ops/runner/command';
import { environments } from './support/expected';
import { run, testDeps } from './support/ops-harness';

const COMMANDS: readonly [OpsCommandDefinition, readonly string[]][] = [
  [bootstrapClusterDefinition, []],
  [deployAppDefinition, []],
  [seedOnetDataDefinition, []],
  [verifyBackupsDefinition, []],
  [rotateSecretsDefinition, []],
  [snapshotBeforeReleaseDefinition, []],
  [restoreS3Definition, ['--bucket', 'assets', '--prefix', 'img/', '--to', '2026-11-20T00:00:00Z']],
  [weeklyHealthCheckDefinition, []],
  [searchLatencySurgeDefinition, []],
  [searchLatencySurgeDefinition, ['--return']],
  [analyticsBacklogDefinition, ['--incident', 'INC-42']],
  [analyticsBacklogDefinition, ['--revert']],
  [annotateBaselineSyncDefinition, []],
];

describe.each(environments())('the committed tree of $name', (env) => {
  const tree = deployDir();

  it.each(
    COMMANDS.map(
      ([definition, extra]) => [`${definition.name} ${extra.join(' ')}`.trim(), definition, extra] as const,
    ),
  )('%s --dry-run exits 0', async (_name, definition, extra) => {
    const result = await run(definition, ['--env', env.name, '--dry-run', ...extra], testDeps(tree));
    expect({ code: result.code, out: result.code === 0 ? '' : result.stdout() }).toEqual({
      code: 0,
      out: '',
    });
  });

  it('restore-redis --dry-run exits 0 wherever Redis is managed', async () => {
    const dry = run(restoreRedisDefinition, ['--env', env.name, '--dry-run'], testDeps(tree));
    if (env.redis.mode === 'managed') expect((await dry).code).toBe(0);
    else await expect(dry).rejects.toThrow(`restore-redis: redis.mode is "${env.redis.mode}"`);
  });

  it('has what the commands read: release applications, playbook autoscalers, the analytics dashboard', () => {
    const apps = readApplications(tree, env);
    expect(
      RELEASE_NAMESPACES.map(
        (namespace) => applicationForNamespace(apps, env, namespace).destinationNamespace,
      ),
    ).toEqual([...RELEASE_NAMESPACES]);
    for (const playbook of [env.playbooks.searchLatencySurge, env.playbooks.analyticsBacklog]) {
      const service = env.services[playbook.service]!;
      // Without an autoscaler to raise, a surge would be undone at once: the playbooks depend on one existing.
      expect(autoscalerFor(tree, env, service.namespace, playbook.service)).toBeDefined();
    }
    expect(dashboardUid(tree, env, 'Analytics Pipeline Health')).not.toBe('');
  });
});
