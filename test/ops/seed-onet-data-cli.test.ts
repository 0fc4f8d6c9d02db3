// `seed-onet-data` end to end through the real launcher (scripts/bin/skillforge.cjs, the esbuild bundle npm runs)
// against a real PostgreSQL server: first load, a second run that changes nothing, and a broken row that loads
// nothing and names its file and line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../scripts/ops/seed-onet-data';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { copyDataDir, countRows, replaceLine, tableFingerprint, withClient } from './seed-onet-data/fixtures';
import { REPOSITORY_ROOT } from './support/ops-harness';

const LAUNCHER = path.join(REPOSITORY_ROOT, 'scripts', 'bin', 'skillforge.cjs');

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // PG* variables of the machine running the tests must not leak into the connection under test.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
    const child = spawn(process.execPath, [LAUNCHER, 'seed-onet-data', ...args], {
      cwd: REPOSITORY_ROOT,
      env: { ...clean, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const events = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map(
      (line) => JSON.parse(line) as { event: string; step: string | null; fields: Record<string, unknown> },
    );

describe('seed-onet-data through the CLI', () => {
  it('loads the vendored dataset, then a second run changes nothing and says so', async () => {
    const url = await server.createDatabase('cli_load');
    const target = `postgres@127.0.0.1:${server.port}/cli_load`;

    const first = await cli(['--env', 'dev', '--database-url', url]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `seeded ${target}: occupations +1110 ~0 -0, skills +4806 ~0 -0; ` +
        'migrations 001_create_reference_tables, 002_create_load_history\n',
    );
    const before = await withClient(url, async (client) => ({
      occupations: await countRows(client, 'occupations'),
      skills: await countRows(client, 'skills'),
      fingerprint: await tableFingerprint(client),
    }));
    expect(before).toMatchObject({ occupations: 1110, skills: 4806 });

    const second = await cli(['--env', 'dev', '--database-url', url]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(
      `${target} is already up to date (occupations 1110, skills 4806 rows); nothing changed\n`,
    );
    expect(events(second.stderr).map((event) => event.event)).toContain('seed.already_up_to_date');
    expect(await withClient(url, tableFingerprint)).toBe(before.fingerprint);
  });

  it('takes the connection from the PG* variables when no --database-url is given', async () => {
    await server.createDatabase('cli_pg_env');
    const result = await cli(['--env', 'dev', '--dry-run'], {
      PGHOST: '127.0.0.1',
      PGPORT: String(server.port),
      PGDATABASE: 'cli_pg_env',
      PGUSER: 'postgres',
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(3, 6)).toEqual([
      `# into postgres@127.0.0.1:${server.port}/cli_pg_env (connection from pg-environment)`,
      '# one transaction: migrations, COPY into staging tables, apply the differences, record load_history',
      '# files valid: occupations 1110 rows, skills 4806 rows; pending migrations: 001_create_reference_tables, 002_create_load_history',
    ]);
  });

  it('fails when a row is broken, naming file and line, and loads nothing', async () => {
    const url = await server.createDatabase('cli_broken');
    const data = await copyDataDir();
    try {
      await replaceLine(data.dir, path.join('onet', 'occupation-data.txt'), 3, (line) =>
        line.replace(/^\S+/, '11-101'),
      );
      const { rejections } = await readDataset(data.dir);
      expect(rejections.map((rejection) => rejection.line)).toEqual([3]);
      const file = path.join(data.dir, 'onet', 'occupation-data.txt');

      const result = await cli(['--env', 'dev', '--database-url', url, '--data-dir', data.dir]);

      expect(result.code).toBe(1);
      expect(result.stdout).toBe(
        `seed-onet-data: step seed failed: 1 source row(s) rejected; nothing was loaded:\n` +
          `  ${file}:3: ${rejections[0]!.reason}\n`,
      );
      const rejected = events(result.stderr).find((event) => event.event === 'seed.row_rejected');
      expect(rejected).toMatchObject({ step: 'seed', fields: { file, line: 3 } });
      const tables = await withClient(
        url,
        async (client) =>
          (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows,
      );
      expect(tables).toEqual([]);
    } finally {
      await data.remove();
    }
  });
});
