// The destructive-change gate on the real stacks, end to end: in a throwaway clone, a renamed construct and a
// renamed bucket change the rendered prod tree; `npm run review -- --base HEAD` must stop both, and accept them
// only once acknowledged in docs/acknowledged-changes.yaml.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepo, runCli } from '../support/repo-clone';

let clone: string;
const edit = (file: string, from: string, to: string) => {
  const path = join(clone, file);
  const source = readFileSync(path, 'utf8');
  expect(source).toContain(from);
  writeFileSync(path, source.replace(from, to));
};
const acknowledge = (entries: string) =>
  writeFileSync(join(clone, 'docs/acknowledged-changes.yaml'), entries);

describe('review of real changes to the prod stacks', () => {
  beforeAll(() => {
    clone = cloneRepo();
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('passes an unchanged tree', () => {
    const result = runCli(clone, ['review', '--base', 'HEAD', '--env', 'prod']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No destructive changes to stateful resources.');
  });

  it('stops a renamed Postgres construct with the destroy/create pair on top, until acknowledged', () => {
    edit('constructs/aws/postgres.ts', "new DbInstance(this, 'primary', {", "new DbInstance(this, 'main', {");
    const result = runCli(clone, ['review', '--base', 'HEAD', '--env', 'prod']);
    expect(result.code).toBe(2);
    const top = result.stdout.split('\n').slice(0, 6).join('\n');
    expect(top).toContain(
      '`prod-data/aws_db_instance.postgres_primary` → `prod-data/aws_db_instance.postgres_main`',
    );
    acknowledge(
      [
        '- env: prod',
        '  resource: prod-data/aws_db_instance.postgres_primary',
        '  change: rename',
        '  reason: state moved with terraform state mv before the deploy (test)',
        '  acknowledged_by: test',
        '',
      ].join('\n'),
    );
    expect(runCli(clone, ['review', '--base', 'HEAD', '--env', 'prod']).code).toBe(0);
  });

  it('stops a replacement: a bucket whose name changes is destroyed and created again', () => {
    edit(
      'constructs/contracts/naming.ts',
      '`${ORG}-${env.name}-${purpose}-${env.aws.accountId}`',
      '`${ORG}-${env.name}-${purpose}-v2-${env.aws.accountId}`',
    );
    const result = runCli(clone, ['review', '--base', 'HEAD', '--env', 'prod']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/prod-data\/aws_s3_bucket\.storage_backups_bucket/);
    expect(result.stdout).toContain('`bucket`');
  });
});
