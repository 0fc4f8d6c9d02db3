// Is deploy/<env>/terraform exactly what a fresh render of the model gives, and committed? Both `npm run
// plan|deploy` and the cdktf app (what a raw `npx cdktf deploy` runs) refuse to act on anything else.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnvConfig } from '../../environments';
import { renderLayers } from './layers';
import { renderEnvironment } from './synthesize';

/** Files terraform itself writes into a stack folder when it runs there (git ignores them too). */
export const TERRAFORM_WORKING_FILES = ['.terraform.lock.hcl', '.terraform'] as const;

function isTerraformWorkingFile(path: string): boolean {
  return path.split('/').some((segment) => (TERRAFORM_WORKING_FILES as readonly string[]).includes(segment));
}

/** One entry per stale or uncommitted file under deploy/<env>/terraform; empty when the render is fresh. */
export async function staleTerraformRender(
  env: EnvConfig,
  deployDir: string,
  repoRoot: string,
): Promise<string[]> {
  // Only the Terraform layer: the other layers cannot change what cdktf deploys.
  const terraformLayer = renderLayers.filter((layer) => layer.name === 'terraform');
  const fresh = await renderEnvironment(env, { layers: terraformLayer });
  const stale: string[] = [];
  for (const file of fresh) {
    const committed = await readFile(join(deployDir, env.name, file.path), 'utf8').catch(() => undefined);
    if (committed !== file.content) stale.push(`deploy/${env.name}/${file.path}`);
  }
  const committedFiles = await readdir(join(deployDir, env.name, 'terraform'), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  for (const entry of committedFiles) {
    const path = join(entry.parentPath, entry.name).slice(join(deployDir, env.name).length + 1);
    if (isTerraformWorkingFile(path) || !entry.isFile()) continue;
    if (!fresh.some((file) => file.path === path)) stale.push(`deploy/${env.name}/${path}`);
  }
  const uncommitted = spawnSync(
    'git',
    ['status', '--porcelain', '--', join(deployDir, env.name, 'terraform')],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (uncommitted.status === 0 && uncommitted.stdout.trim() !== '') {
    stale.push(`uncommitted: ${uncommitted.stdout.trim().split('\n').join('; ')}`);
  }
  return stale;
}
