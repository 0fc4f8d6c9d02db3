// Synth replaces every environment folder or none. Killed at any point, the next command finds the tree entirely
// old (or, past the commit point, entirely new); a folder that cannot be replaced rolls back the ones already done.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedSynth } from '../../scripts/render/transaction';
import { cloneRepo, runCliAsync } from '../support/repo-clone';
import { runCliAsUnprivileged } from '../support/unprivileged';
import { treeHash } from '../support/tree-hash';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** Hash of every environment folder, in registry order. */
const hashes = (deploy: string) => ENVIRONMENTS.map((env) => treeHash(join(deploy, env)));
const leftovers = (deploy: string) => readdirSync(deploy).filter((name) => name.startsWith('.render-'));

/** Runs synth --force until it reaches `step`, then kills it with SIGKILL. */
function killSynthAt(clone: string, step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(clone, 'scripts/bin/skillforge.cjs'), 'synth', '--force'], {
      cwd: clone,
      env: { ...process.env, SKILLFORGE_TEST_PAUSE_AT: step },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`paused at ${step}\n`)) child.kill('SIGKILL');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`synth ended before ${step}:\n${output}`)),
    );
  });
}

/** A change every environment renders differently, so each deploy/<env> folder has an old and a new state. */
function changeEveryEnvironment(clone: string): void {
  const operations = join(clone, 'environments/defaults/operations.ts');
  const source = readFileSync(operations, 'utf8');
  const changed = source.replace(
    "apiErrorRate: { maxPercent: 1, for: '5m'",
    "apiErrorRate: { maxPercent: 2, for: '5m'",
  );
  if (changed === source) throw new Error(`${operations} no longer sets apiErrorRate.maxPercent to 1`);
  writeFileSync(operations, changed);
}

describe('synth is all-or-nothing across environments', () => {
  let clone: string;
  let deploy: string;
  let before: string[];

  beforeAll(() => {
    clone = cloneRepo();
    deploy = join(clone, 'deploy');
    changeEveryEnvironment(clone);
    before = hashes(deploy);
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('puts the old tree back when killed mid-way: one folder swapped in, the next parked, the last untouched', async () => {
    await killSynthAt(clone, 'parked:1');
    // The kill really landed mid-way: dev is new, staging is parked away, prod is still old.
    expect(treeHash(join(deploy, 'dev'))).not.toBe(before[0]);
    expect(existsSync(join(deploy, 'staging'))).toBe(false);
    expect(treeHash(join(deploy, 'prod'))).toBe(before[2]);
    expect(await recoverInterruptedSynth(deploy)).toEqual([
      expect.stringMatching(
        /^\.render-\w+: put back the previous deploy\/dev, deploy\/staging, deploy\/prod$/,
      ),
    ]);
    expect(hashes(deploy)).toEqual(before);
    expect(leftovers(deploy)).toEqual([]);
  });

  it('keeps the new tree when killed after every folder was replaced, and the next synth removes the leftovers', async () => {
    await killSynthAt(clone, 'committed');
    const killedAfterCommit = hashes(deploy);
    expect(killedAfterCommit.every((hash, index) => hash !== before[index])).toBe(true);
    expect(leftovers(deploy)).toHaveLength(1);
    // The next command cleans up first; a full synth then renders exactly what the killed one had swapped in.
    const next = await runCliAsync(clone, ['synth', '--force']);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(
      /^skillforge: an interrupted synth was cleaned up: \.render-\w+: removed \(its render was complete\)\n$/,
    );
    expect(leftovers(deploy)).toEqual([]);
    expect(hashes(deploy)).toEqual(killedAfterCommit);
  });

  it('keeps its staging folders out of git', () => {
    const ignore = readFileSync(join(clone, '.gitignore'), 'utf8');
    expect(ignore.split('\n')).toContain('deploy/.render-*/');
  });
});

describe('synth when a folder cannot be replaced', () => {
  let clone: string;

  beforeAll(() => {
    clone = cloneRepo();
    changeEveryEnvironment(clone);
  });
  afterAll(() => {
    chmodSync(join(clone, 'deploy/prod'), 0o755);
    rmSync(clone, { recursive: true, force: true });
  });

  it('fails naming the folder and rolls back the environments already swapped: the tree stays entirely old', async () => {
    const deploy = join(clone, 'deploy');
    const before = hashes(deploy);
    // Moving a directory to another parent rewrites its "..": without write permission on deploy/prod the rename
    // fails after dev and staging were already swapped in.
    chmodSync(join(deploy, 'prod'), 0o555);
    const result = await runCliAsUnprivileged(clone, ['synth', '--force']);
    expect(result.stderr).toBe(
      'synth: cannot replace deploy/prod (EACCES: permission denied); nothing was changed, every folder and file is as it was before this synth\n',
    );
    expect(result.code).toBe(1);
    expect(hashes(deploy)).toEqual(before);
    expect(leftovers(deploy)).toEqual([]);
  });
});
