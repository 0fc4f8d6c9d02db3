// Argument errors of every operations command, through the real CLI entry point: unknown flags and environments
// are rejected with the valid list, and production changes need --confirm prod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/main';
import { weeklyHealthCheckDefinition } from '../../scripts/ops/commands/weekly-health-check';
import { captureIo, run, testDeps } from './support/ops-harness';
import { writeRenderedTree } from './support/rendered-tree';

let tree: { dir: string; remove(): void };
beforeAll(() => {
  tree = writeRenderedTree();
  // The commands read the rendered tree through deployDir(), which honours this variable.
  process.env.SKILLFORGE_DEPLOY_DIR = tree.dir;
});
afterAll(() => {
  delete process.env.SKILLFORGE_DEPLOY_DIR;
  tree.remove();
});

const COMMON = '--env <name>, --dry-run, --confirm <env>';

/** Each command's own flags after the shared ones, as the error message lists them. */
const OPTIONS: Readonly<Record<string, string>> = {
  'bootstrap-cluster': `${COMMON}, --timeout-minutes <n>`,
  'deploy-app': `${COMMON}, --timeout-minutes <n>`,
  'seed-onet-data': `${COMMON}, --database-url <url>, --data-dir <path>`,
  'verify-backups': COMMON,
  'rotate-secrets': `${COMMON}, --timeout-minutes <n>`,
  'snapshot-before-release': `${COMMON}, --release <version>`,
  'restore-redis': `${COMMON}, --timeout-minutes <n>`,
  'restore-s3': `${COMMON}, --bucket <purpose>, --prefix <prefix>, --key <key>, --to <time>`,
  'weekly-health-check': `${COMMON}, --prometheus-url <url>`,
  'search-latency-surge': `${COMMON}, --return, --prometheus-url <url>`,
  'analytics-backlog': `${COMMON}, --incident <link>, --revert, --prometheus-url <url>`,
  'annotate-baseline-sync': `${COMMON}, --revision <sha>`,
};

/** Flags a command needs besides --env before it reaches the confirmation gate. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'restore-s3': ['--bucket', 'assets', '--key', 'index.html', '--to', '2026-11-20T00:00:00Z'],
  'analytics-backlog': ['--incident', 'INC-42'],
};

async function cli(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const captured = captureIo();
  const code = await main(argv, captured.io);
  return { code, stderr: captured.stderr(), stdout: captured.stdout() };
}

describe.each(Object.keys(OPTIONS))('%s arguments', (command) => {
  it('fails when a flag is unknown, listing the valid ones', async () => {
    expect(await cli(command, '--env', 'dev', '--force')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${command}: unknown option --force; valid options: ${OPTIONS[command]}\n`,
    });
  });

  it('fails when the environment is unknown, listing the registry', async () => {
    expect(await cli(command, '--env', 'qa', '--dry-run', ...(REQUIRED[command] ?? []))).toEqual({
      code: 1,
      stdout: '',
      stderr: `${command}: --env: got "qa"; expected one of: dev, staging, prod\n`,
    });
  });

  it('fails when --env is missing', async () => {
    expect(await cli(command, '--dry-run')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${command}: --env <name> is required\n`,
    });
  });

  it('fails when --confirm names another environment', async () => {
    expect(
      await cli(command, '--env', 'prod', '--confirm', 'staging', '--dry-run', ...(REQUIRED[command] ?? [])),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: `${command}: --confirm: got "staging"; expected "prod" (the --env it confirms)\n`,
    });
  });
});

describe.each(Object.keys(OPTIONS).filter((command) => command !== 'weekly-health-check'))(
  '%s in production',
  (command) => {
    it('fails without --confirm prod before doing anything, naming the flag', async () => {
      expect(await cli(command, '--env', 'prod', ...(REQUIRED[command] ?? []))).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `${command}: this changes prod; add --confirm prod to proceed ` +
          '(or --dry-run to print the commands first)\n',
      });
    });
  },
);

describe('commands that change nothing', () => {
  it('weekly-health-check runs in production without --confirm (it only reads)', async () => {
    const failing = { run: async () => ({ code: 1, stdout: '', stderr: 'no credentials' }) };
    const result = await run(
      weeklyHealthCheckDefinition,
      ['--env', 'prod'],
      testDeps(tree.dir, { exec: failing }),
    );
    expect(result.code).toBe(2);
    expect(result.stdout()).toContain('# weekly health check: prod');
  });
});

describe('command-specific argument errors', () => {
  it.each([
    [
      ['restore-s3', '--env', 'dev', '--to', '2026-11-20T00:00:00Z', '--key', 'a'],
      'restore-s3: --bucket <purpose> is required',
    ],
    [
      ['restore-s3', '--env', 'dev', '--bucket', 'photos', '--key', 'a', '--to', '2026-11-20T00:00:00Z'],
      'restore-s3: --bucket: got "photos"; expected one of: assets, backups, analytics-exports, access-logs, audit-logs, telemetry',
    ],
    [
      [
        'restore-s3',
        '--env',
        'dev',
        '--bucket',
        'assets',
        '--key',
        'a',
        '--prefix',
        'b/',
        '--to',
        '2026-11-20T00:00:00Z',
      ],
      'restore-s3: give exactly one of --prefix <prefix> or --key <key>',
    ],
    [
      ['restore-s3', '--env', 'dev', '--bucket', 'assets', '--key', 'a', '--to', '2026-11-20'],
      'restore-s3: --to: got "2026-11-20"; expected an ISO 8601 time with a zone, e.g. 2026-11-20T00:00:00Z',
    ],
    [
      ['analytics-backlog', '--env', 'dev', '--dry-run'],
      'analytics-backlog: --incident <link> is required (it goes into the dashboard annotation)',
    ],
    [
      ['snapshot-before-release', '--env', 'dev', '--release', 'v1 final'],
      'snapshot-before-release: --release: got "v1 final"; expected letters, digits, ".", "_" or "-" (at most 64)',
    ],
    [
      ['annotate-baseline-sync', '--env', 'dev', '--revision', 'HEAD'],
      'annotate-baseline-sync: --revision: got "HEAD"; expected a full 40-character commit sha',
    ],
    [
      ['deploy-app', '--env', 'dev', '--timeout-minutes', '0'],
      'deploy-app: --timeout-minutes: got "0"; expected a whole number of at least 1',
    ],
    [
      ['seed-onet-data', '--env', 'dev', '--database-url', 'mysql://db/x', '--dry-run'],
      'seed-onet-data: --database-url has scheme "mysql:"; expected postgresql://user[:password]@host[:port]/database',
    ],
    [
      ['search-latency-surge', '--env', 'dev', '--return=yes'],
      'search-latency-surge: --return takes no value',
    ],
  ])('%j fails with its message', async (argv, message) => {
    expect(await cli(...argv)).toEqual({ code: 1, stdout: '', stderr: `${message}\n` });
  });
});
