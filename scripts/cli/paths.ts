// Where things are, from the repository root (not the cwd), so commands work from any directory.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(start: string): string {
  let current = resolve(start);
  while (!existsSync(join(current, 'cdktf.json'))) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`cannot find the repository root (cdktf.json) above ${start}`);
    current = parent;
  }
  return current;
}

export const repoRoot = (): string => process.env.SKILLFORGE_REPO_ROOT ?? findRepoRoot(__dirname);
export const deployDir = (): string => process.env.SKILLFORGE_DEPLOY_DIR ?? join(repoRoot(), 'deploy');
