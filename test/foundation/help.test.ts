// Every command explains itself: --help and -h print usage, every option with its description and an example, and
// exit 0; a mistyped option, command or environment gets the closest valid one; options npm keeps for itself are
// honoured (switches) or explained (values).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { environmentsFrom, parseOptions, UsageError } from '../../scripts/cli/args';
import { commands, main } from '../../scripts/cli/main';
import { closest } from '../../scripts/cli/suggest';

const root = join(__dirname, '..', '..');

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('--help', () => {
  it.each(Object.keys(commands))('%s --help matches its snapshot', async (name) => {
    const result = await run([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/help/${name}.txt`);
  });

  it.each(Object.keys(commands))('%s -h prints the same help', async (name) => {
    const [long, short] = await Promise.all([run([name, '--help']), run([name, '-h'])]);
    expect(short).toEqual(long);
  });

  it('lists every command, with exit 0, for skillforge --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const name of Object.keys(commands))
      expect(result.stdout).toMatch(new RegExp(`\\n {2}${name} +\\S`));
  });

  it('works through npx and through npm run with options after --', () => {
    const npx = spawnSync(process.execPath, [join(root, 'scripts/bin/skillforge.cjs'), '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(npx.status).toBe(0);
    expect(npx.stdout).toMatch(/^skillforge: the SkillForge platform command line/);
    const npm = spawnSync('npm', ['run', '--silent', 'deploy', '--', '-h'], { cwd: root, encoding: 'utf8' });
    expect(npm.status).toBe(0);
    expect(npm.stdout).toMatch(
      /^deploy: terraform init \+ plan \+ apply of that plan in each committed stack folder, in order\n\nUsage:\n/,
    );
  });
});

describe('suggestions', () => {
  const spec = {
    env: { type: 'string', value: '<name>', required: true, description: 'environment' },
    'dry-run': { type: 'boolean', description: 'print only' },
    force: { type: 'boolean', description: 'again' },
  } as const;

  it.each([
    [
      ['--env', 'prod', '--forse'],
      'x: unknown option --forse (did you mean --force?); valid options: --env <name>, --dry-run, --force',
    ],
    [
      ['--env', 'prod', '--dryrun'],
      'x: unknown option --dryrun (did you mean --dry-run?); valid options: --env <name>, --dry-run, --force',
    ],
    [
      ['--envv', 'prod'],
      'x: unknown option --envv (did you mean --env?); valid options: --env <name>, --dry-run, --force',
    ],
    [['-e', 'prod'], 'x: unknown option -e; valid options: --env <name>, --dry-run, --force'],
    [
      ['--env', 'prod', '--dry'],
      'x: unknown option --dry (did you mean --dry-run?); valid options: --env <name>, --dry-run, --force',
    ],
  ])('fails when given %j, suggesting the closest option', (argv, message) => {
    expect(() => parseOptions('x', argv, spec, {})).toThrow(new UsageError(message));
  });

  it('suggests only what is close: a swap of two letters, a missing or extra letter, a unique prefix', () => {
    expect(closest('sytnh', Object.keys(commands))).toBe('synth');
    expect(closest('deplyo', Object.keys(commands))).toBe('deploy');
    expect(closest('restore', Object.keys(commands))).toBeUndefined();
    expect(closest('target', ['env', 'auto-approve', 'bootstrap'])).toBeUndefined();
  });

  it('fails when an environment is mistyped, naming the closest one', () => {
    expect(() => environmentsFrom('synth', 'prd')).toThrow(
      new UsageError('synth: --env: got "prd"; did you mean "prod"? expected one of: dev, staging, prod'),
    );
  });
});

describe('options npm keeps for itself', () => {
  const spec = {
    env: { type: 'string', value: '<name>', description: 'environment' },
    force: { type: 'boolean', description: 'again' },
  } as const;
  const npmRun = (command: string, config: Record<string, string>) => ({
    npm_lifecycle_event: command,
    ...config,
  });

  it('honours a switch npm swallowed (npm run synth --force) and says what to type next time', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(parseOptions('synth', [], spec, npmRun('synth', { npm_config_force: 'true' }))).toEqual({
        force: true,
      });
      expect(stderr.mock.calls).toEqual([
        [
          'synth: npm kept --force for itself (it set npm_config_force); honoured it. To pass options through npm, type them after --: npm run synth -- --force\n',
        ],
      ]);
    } finally {
      stderr.mockRestore();
    }
  });

  it('fails when npm swallowed an option with a value, saying what to type', () => {
    // `npm run synth --env prod` sets npm_config_env=true and hands "prod" over as a stray argument.
    expect(() => parseOptions('synth', ['prod'], spec, npmRun('synth', { npm_config_env: 'true' }))).toThrow(
      new UsageError(
        'synth: npm kept --env for itself, so the command never saw it; type: npm run synth -- --env prod',
      ),
    );
    // `npm run synth --env=prod` keeps the value in npm_config_env and hands nothing over.
    expect(() => parseOptions('synth', [], spec, npmRun('synth', { npm_config_env: 'prod' }))).toThrow(
      new UsageError(
        'synth: npm kept --env for itself, so the command never saw it; type: npm run synth -- --env prod',
      ),
    );
  });

  it('leaves npm settings alone when npm did not run this command', () => {
    expect(parseOptions('synth', [], spec, npmRun('test', { npm_config_force: 'true' }))).toEqual({});
  });

  it('explains it through the real npm, before touching anything', () => {
    const result = spawnSync('npm', ['run', '--silent', 'plan', '--env', 'prod'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'plan: npm kept --env for itself, so the command never saw it; type: npm run plan -- --env prod\n',
    );
  });
});
