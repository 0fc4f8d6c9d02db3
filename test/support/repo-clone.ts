// A throwaway copy of the working tree as its own git repository (node_modules symlinked), for end-to-end tests
// of commands that look at git state or must not touch the real deploy/ tree.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'cdktf.out', '.scratch']);

export function cloneRepo(): string {
  const clone = mkdtempSync(join(tmpdir(), 'skillforge-clone-'));
  cpSync(repoRoot, clone, {
    recursive: true,
    filter: (source) => !SKIP.has(basename(source)) || source === repoRoot,
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'clone');
  return clone;
}

/** Runs the project CLI in a directory and returns its exit code and output (stderr too when it succeeds). */
export function runCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(cwd, 'scripts/bin/skillforge.cjs'), ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * runCli without blocking the test worker: for runs that render (seconds, minutes on a loaded machine), so the
 * worker keeps answering vitest meanwhile.
 */
export function runCliAsync(
  cwd: string,
  args: readonly string[],
  options: { readonly env?: NodeJS.ProcessEnv; readonly uid?: number; readonly gid?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(cwd, 'scripts/bin/skillforge.cjs'), ...args], {
      cwd,
      env: { ...process.env, ...options.env },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
