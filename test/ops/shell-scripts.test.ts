// Every shell script in the repository passes the real shellcheck, and the runbook-named wrappers really run the
// TypeScript commands with their arguments.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from './support/ops-harness';

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'cdktf.out', 'deploy', 'vendor']);

/** Files named *.sh, or starting with a sh/bash shebang. */
function shellScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : shellScripts(file);
    if (!entry.isFile()) return [];
    if (entry.name.endsWith('.sh')) return [file];
    const head = readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 64);
    return /^#!\S*(\/|env )(ba)?sh\b/.test(head) ? [file] : [];
  });
}

const WRAPPERS = ['bootstrap-cluster', 'deploy-app', 'seed-onet-data', 'verify-backups'];

describe('shell scripts', () => {
  const scripts = shellScripts(REPOSITORY_ROOT);

  it('include the runbook-named wrappers', () => {
    const relative = scripts.map((file) => path.relative(REPOSITORY_ROOT, file));
    expect(relative).toEqual(expect.arrayContaining(WRAPPERS.map((name) => `scripts/ops/bin/${name}.sh`)));
  });

  it('pass shellcheck', () => {
    const result = spawnSync('shellcheck', ['--severity=style', ...scripts], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('shellcheck reports a broken script (the check can fail)', () => {
    const result = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: 'echo $1\n', encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('SC2086');
  });

  it.each(WRAPPERS)('%s.sh passes its arguments to the command', (name) => {
    const result = spawnSync(
      path.join(REPOSITORY_ROOT, 'scripts', 'ops', 'bin', `${name}.sh`),
      ['--env', 'qa'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${name}: --env: got "qa"; expected one of: dev, staging, prod\n`);
  });
});
