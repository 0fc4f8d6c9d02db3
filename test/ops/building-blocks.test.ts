// The pieces the procedures are made of: shell rendering of command lines, the rendered-tree reader, the replica
// floor of a peak window, the S3 rollback plan and the health-check findings.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../environments';
import { planRollback } from '../../scripts/ops/commands/restore-s3';
import { autoscalerFor, readApplications } from '../../scripts/ops/gitops/rendered-tree';
import { backupFindings, secretFindings } from '../../scripts/ops/health/findings';
import { floorAt } from '../../scripts/ops/kubernetes/replica-floor';
import {
  command,
  joined,
  quoteWord,
  renderLine,
  resolveArgv,
  variable,
  words,
} from '../../scripts/ops/runner/shell';
import { writeRenderedTree } from './support/rendered-tree';

describe('command lines', () => {
  it('quote only what the shell would change, and print captures as assignments', () => {
    expect(quoteWord('--replicas=9')).toBe('--replicas=9');
    expect(quoteWord('')).toBe("''");
    expect(quoteWord("it's {x}")).toBe(`'it'\\''s {x}'`);
    expect(
      renderLine(
        command(
          [
            'aws',
            'x',
            '--id',
            variable('ID'),
            '--groups',
            words('GROUPS'),
            '--src',
            joined('b/', variable('KEY'), '?v="1"'),
          ],
          {
            capture: 'OUT',
          },
        ),
      ),
    ).toBe('OUT=$(aws x --id "$ID" --groups $GROUPS --src "b/${KEY}?v=\\"1\\"")');
  });

  it('resolve variables into argv, splitting only lists, and fail on a variable nobody set', () => {
    const vars = new Map([
      ['ID', 'a b'],
      ['GROUPS', 'sg-1\tsg-2'],
      ['KEY', 'k'],
    ]);
    expect(resolveArgv(['x', variable('ID'), words('GROUPS'), joined('b/', variable('KEY'))], vars)).toEqual([
      'x',
      'a b',
      'sg-1',
      'sg-2',
      'b/k',
    ]);
    expect(() => resolveArgv([variable('NOPE')], vars)).toThrow('$NOPE is used before any step set it');
  });
});

describe('rendered tree', () => {
  const env = loadEnvironment('staging');

  it('orders applications by sync wave, then name, and keeps their sync policies', () => {
    const tree = writeRenderedTree();
    try {
      const apps = readApplications(tree.dir, env);
      expect(apps.root).toMatchObject({ name: 'root', automated: { prune: true, selfHeal: true } });
      expect(apps.children.map((app) => [app.wave, app.name])).toEqual([
        [-1, 'namespaces'],
        [1, 'istiod'],
        [2, 'cert-manager'],
        [4, 'platform'],
        [5, 'observability'],
        [6, 'data-pipelines'],
        [6, 'support'],
        [7, 'api'],
        [8, 'frontend'],
      ]);
      expect(apps.children[0]).toMatchObject({
        syncOptions: ['CreateNamespace=false', 'FailOnSharedResource=true', 'PruneLast=true'],
        retry: { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } },
      });
      expect(autoscalerFor(tree.dir, env, 'api', 'search-api')).toEqual({
        kind: 'ScaledObject',
        apiVersion: 'keda.sh/v1alpha1',
        namespace: 'api',
        name: 'search-api',
        floorField: 'minReplicaCount',
      });
      expect(autoscalerFor(tree.dir, env, 'api', 'flagd')).toBeUndefined();
    } finally {
      tree.remove();
    }
  });

  it('fails when the tree is not rendered, saying how to render it', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'ops-empty-'));
    try {
      expect(() => readApplications(empty, env)).toThrow(
        `${empty}/staging/argocd/root.yaml does not exist; render it with: npm run synth -- --env staging`,
      );
      expect(() => autoscalerFor(empty, env, 'api', 'search-api')).toThrow(
        `${empty}/staging/k8s/api does not exist; render it with: npm run synth -- --env staging`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('replica floor', () => {
  const search = loadEnvironment('prod').services['search-api']!;
  it.each([
    ['2026-11-27T07:59:59Z', 6, []],
    ['2026-11-27T08:00:00Z', 7, ['eu-peak']],
    ['2026-11-27T11:59:59Z', 7, ['eu-peak']],
    ['2026-11-27T12:00:00Z', 6, []],
  ])('at %s is %i', (time, replicas, windows) => {
    expect(floorAt(search, new Date(time))).toEqual({ replicas, windows });
  });

  it('honours the day-of-week field, with 7 meaning Sunday', () => {
    const weekdays = {
      ...search,
      peakWindows: { w: { startHourUtc: 8, endHourUtc: 12, daysOfWeek: '1-5', minReplicas: 7 } },
    };
    const sundays = {
      ...search,
      peakWindows: { w: { startHourUtc: 8, endHourUtc: 12, daysOfWeek: '7', minReplicas: 8 } },
    };
    expect(floorAt(weekdays, new Date('2026-11-28T09:00:00Z')).replicas).toBe(6); // a Saturday
    expect(floorAt(weekdays, new Date('2026-11-27T09:00:00Z')).replicas).toBe(7); // a Friday
    expect(floorAt(sundays, new Date('2026-11-29T09:00:00Z')).replicas).toBe(8);
  });
});

describe('S3 rollback plan', () => {
  const to = new Date('2026-11-20T00:00:00Z');
  const version = (Key: string, VersionId: string, LastModified: string, IsLatest = false) => ({
    Key,
    VersionId,
    LastModified,
    IsLatest,
  });

  it('copies back the version current at the time, deletes keys created later, leaves unchanged keys', () => {
    const plan = planRollback(
      {
        Versions: [
          version('a.png', 'a2', '2026-11-21T10:00:00Z', true),
          version('a.png', 'a1', '2026-11-10T10:00:00Z'),
          version('new.png', 'n1', '2026-11-22T10:00:00Z', true),
          version('same.png', 's1', '2026-11-01T10:00:00Z', true),
          version('gone.png', 'g1', '2026-11-05T10:00:00Z'),
        ],
        DeleteMarkers: [version('gone.png', 'g2', '2026-11-21T09:00:00Z', true)],
      },
      to,
      undefined,
    );
    expect(plan).toEqual([
      { key: 'a.png', action: 'copy', versionId: 'a1', size: undefined },
      { key: 'gone.png', action: 'copy', versionId: 'g1', size: undefined },
      { key: 'new.png', action: 'delete' },
    ]);
  });

  it('with --key, touches that key only', () => {
    const listing = {
      Versions: [
        version('a', 'a2', '2026-11-21T00:00:00Z', true),
        version('ab', 'b2', '2026-11-21T00:00:00Z', true),
      ],
    };
    expect(planRollback(listing, to, 'a')).toEqual([{ key: 'a', action: 'delete' }]);
  });
});

describe('health findings', () => {
  const now = new Date('2026-11-27T08:30:00Z');
  const env = loadEnvironment('prod');
  const postgres = { path: 'postgres/app', rotation: 'postgres-alternating-users' } as const;

  it('flags a nightly snapshot older than 26 hours', () => {
    expect(backupFindings('2026-11-27T02:10:00+00:00', now)[0]!.status).toBe('ok');
    expect(backupFindings('2026-11-26T02:10:00+00:00', now)[0]).toEqual({
      status: 'attention',
      text: 'latest automated RDS snapshot 2026-11-26T02:10:00.000Z (30.3 h ago, expected ≤ 26 h)',
    });
  });

  it('flags rotation that is off or overdue and lists rotations due within a week', () => {
    const describe = (fields: Record<string, unknown>) => ({
      secret: postgres,
      description: { Name: 'skillforge/prod/postgres/app', ...fields },
    });
    expect(
      secretFindings(
        env,
        [
          describe({ RotationEnabled: false }),
          describe({ RotationEnabled: true, LastRotatedDate: '2026-10-01T00:00:00Z' }),
          describe({
            RotationEnabled: true,
            LastRotatedDate: '2026-11-01T08:30:00Z',
            NextRotationDate: '2026-12-01T08:30:00Z',
          }),
        ],
        now,
      ),
    ).toEqual([
      { status: 'attention', text: 'skillforge/prod/postgres/app: automatic rotation is off' },
      {
        status: 'attention',
        text: 'skillforge/prod/postgres/app: last rotated 57 days ago; rotation every 30 days',
      },
      { status: 'ok', text: 'skillforge/prod/postgres/app: rotated 26 days ago; rotates in 4.0 days' },
    ]);
  });
});
