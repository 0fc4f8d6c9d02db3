// The CLI rejects what the cdktf CLI would silently ignore, and an invalid model never touches deploy/.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../scripts/cli/args';
import { cloneRepo, repoRoot, runCli } from '../support/repo-clone';
import { treeHash } from '../support/tree-hash';

describe('argument parsing', () => {
  const spec = {
    env: { type: 'string', value: '<name>', required: true, description: 'environment' },
    'dry-run': { type: 'boolean', description: 'print only' },
  } as const;

  it('parses --flag value, --flag=value and booleans', () => {
    expect(parseOptions('x', ['--env', 'prod', '--dry-run'], spec)).toEqual({ env: 'prod', 'dry-run': true });
    expect(parseOptions('x', ['--env=dev'], spec)).toEqual({ env: 'dev' });
  });

  it.each([
    [['--env', 'prod', '--force'], 'x: unknown option --force; valid options: --env <name>, --dry-run'],
    [['prod'], 'x: unexpected argument "prod"; valid options: --env <name>, --dry-run'],
    [['--dry-run'], 'x: --env <name> is required'],
    [['--env'], 'x: --env needs a value <name>'],
    [['--env', '--dry-run'], 'x: --env needs a value <name>'],
    [['--env', 'a', '--env', 'b'], 'x: --env given twice'],
    [['--env', 'a', '--dry-run=yes'], 'x: --dry-run takes no value'],
  ])('fails when given %j', (argv, message) => {
    expect(() => parseOptions('x', argv, spec)).toThrow(new UsageError(message));
  });
});

describe('skillforge CLI', () => {
  let clone: string;
  beforeAll(() => {
    clone = cloneRepo();
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('fails when the environment is not registered, naming the valid ones', () => {
    const result = runCli(clone, ['synth', '--env', 'qa']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('synth: --env: got "qa"; expected one of: dev, staging, prod\n');
  });

  it('fails on flags cdktf would silently ignore', () => {
    const result = runCli(clone, ['deploy', '--env', 'prod', '--target', 'prod-data']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'deploy: unknown option --target; valid options: --env <name>, --auto-approve, --bootstrap\n',
    );
  });

  it('fails when deploy or plan is not told which environment', () => {
    expect(runCli(clone, ['plan']).stderr).toBe('plan: --env <name> is required\n');
  });

  it('fails on an unknown command, suggesting the closest one and listing the commands', () => {
    const result = runCli(clone, ['sytnh']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^skillforge: unknown command "sytnh" \(did you mean "synth"\?\)\nskillforge: the SkillForge platform command line .*\n\nCommands:\n {2}synth {20}render environments into deploy\/\n/,
    );
  });

  it('writes nothing when the model is invalid: the previous render stays intact', () => {
    const before = treeHash(join(clone, 'deploy'));
    const prodFile = join(clone, 'environments', 'prod.ts');
    writeFileSync(
      prodFile,
      readFileSync(prodFile, 'utf8').replace("natGateways: 'one-per-az'", "natGateways: 'single'"),
    );
    const result = runCli(clone, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'environment "prod": network.natGateways: got "single"; expected "one-per-az" so one zone failing keeps egress\n',
    );
    expect(treeHash(join(clone, 'deploy'))).toBe(before);
  });

  it('renders the same tree as the committed one from a fresh clone', () => {
    const clean = cloneRepo();
    try {
      expect(runCli(clean, ['synth']).code).toBe(0);
      expect(treeHash(join(clean, 'deploy'))).toBe(treeHash(join(repoRoot, 'deploy')));
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});
