// File permissions mean nothing to root. Tests that need a folder the CLI cannot write run the CLI as `nobody`
// when the suite runs as root (the clone is handed over first), and as the current user otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const NOBODY = 65534;

export function runCliAsUnprivileged(clone: string, args: readonly string[]) {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, clone]);
  const result = spawnSync(process.execPath, [join(clone, 'scripts/bin/skillforge.cjs'), ...args], {
    cwd: clone,
    // git and npm look in $HOME; root's is not readable by nobody.
    env: { ...process.env, HOME: clone },
    encoding: 'utf8',
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
