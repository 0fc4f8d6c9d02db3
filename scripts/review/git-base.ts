// The base side of the review: `deploy/` as committed at a git ref, extracted into a temporary folder.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { ReviewError } from './model';

const execFileAsync = promisify(execFile);

async function git(repoRoot: string, args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', repoRoot, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The commit a ref names; an unknown ref is a ReviewError that names it. */
export async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  // A ref starting with "-" would be read as an option by git.
  if (ref === '' || ref.startsWith('-')) throw new ReviewError(`unknown git ref "${ref}"`);
  try {
    return (await git(repoRoot, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new ReviewError(`unknown git ref "${ref}": no commit of that name in ${repoRoot}`);
  }
}

/** Runs `git archive <commit> <path> | tar -x -C <target>`, failing if either side fails. */
function archiveInto(repoRoot: string, commit: string, path: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['-C', repoRoot, 'archive', '--format=tar', commit, '--', path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const extract = spawn('tar', ['-x', '-C', target], { stdio: ['pipe', 'ignore', 'pipe'] });
    const errors: string[] = [];
    archive.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    extract.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    archive.stdout.pipe(extract.stdin);
    let pending = 2;
    let failed = false;
    const done = (name: string) => (code: number | null) => {
      if (code !== 0) failed = true;
      pending -= 1;
      if (pending > 0) return;
      if (failed) {
        reject(new ReviewError(`cannot extract ${path} at ${commit} (${name}): ${errors.join('').trim()}`));
      } else {
        resolve();
      }
    };
    archive.on('error', reject);
    extract.on('error', reject);
    archive.on('close', done('git archive'));
    extract.on('close', done('tar'));
  });
}

/**
 * Writes `<target>/deploy/…` as committed at `commit`. Returns false, leaving `<target>/deploy` absent, when the
 * commit has no `deploy/` folder: the review then reports every rendered file as added.
 */
export async function extractDeployTree(repoRoot: string, commit: string, target: string): Promise<boolean> {
  mkdirSync(target, { recursive: true });
  const listing = await git(repoRoot, ['ls-tree', '--name-only', commit, '--', 'deploy']);
  if (listing.trim() === '') return false;
  await archiveInto(repoRoot, commit, 'deploy', target);
  return true;
}
