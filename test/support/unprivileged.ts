// File permissions mean nothing to root. Tests that need a folder the CLI cannot write run the CLI as `nobody`
// when the suite runs as root (the clone is handed over first), and as the current user otherwise.
import { execFileSync } from 'node:child_process';
import { type CliRun, runCliAsync } from './repo-clone';

const NOBODY = 65534;

export function runCliAsUnprivileged(clone: string, args: readonly string[]): Promise<CliRun> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, clone]);
  // git and npm look in $HOME; root's is not readable by nobody.
  return runCliAsync(clone, args, {
    env: { HOME: clone },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}
