// Before plan or deploy: the committed deploy/<env>/terraform must be exactly what a fresh render of the model
// gives, and committed. The render happens in memory (nothing is written); terraform then runs on the committed
// files, so what is planned and applied is byte for byte what was reviewed.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnvConfig } from '../../environments';
import { renderLayers } from '../render/layers';
import { renderEnvironment } from '../render/synthesize';
import { UsageError } from './args';
import { deployDir, repoRoot } from './paths';

/** Files terraform itself writes into a stack folder when it runs there (git ignores them too). */
export const TERRAFORM_WORKING_FILES = ['.terraform.lock.hcl', '.terraform'] as const;

function isTerraformWorkingFile(path: string): boolean {
  return path.split('/').some((segment) => (TERRAFORM_WORKING_FILES as readonly string[]).includes(segment));
}

/** Refuses when deploy/<env>/terraform differs from a fresh render: someone changed the model without rendering. */
export async function assertRenderCommitted(env: EnvConfig, command: string): Promise<void> {
  // Only the Terraform layer: the other layers cannot change what terraform applies.
  const terraformLayer = renderLayers.filter((layer) => layer.name === 'terraform');
  const fresh = await renderEnvironment(env, { layers: terraformLayer });
  const stale: string[] = [];
  for (const file of fresh) {
    const committed = await readFile(join(deployDir(), env.name, file.path), 'utf8').catch(() => undefined);
    if (committed !== file.content) stale.push(`deploy/${env.name}/${file.path}`);
  }
  const envDir = join(deployDir(), env.name);
  const committedFiles = await readdir(join(envDir, 'terraform'), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  for (const entry of committedFiles) {
    const path = join(entry.parentPath, entry.name).slice(envDir.length + 1);
    if (isTerraformWorkingFile(path) || !entry.isFile()) continue;
    if (!fresh.some((file) => file.path === path)) stale.push(`deploy/${env.name}/${path}`);
  }
  const uncommitted = spawnSync('git', ['status', '--porcelain', '--', join(envDir, 'terraform')], {
    cwd: repoRoot(),
    encoding: 'utf8',
  });
  if (uncommitted.status === 0 && uncommitted.stdout.trim() !== '') {
    stale.push(`uncommitted: ${uncommitted.stdout.trim().split('\n').join('; ')}`);
  }
  if (stale.length > 0) {
    throw new UsageError(
      `${command}: the rendered Terraform differs from a fresh synth (${stale.join(', ')}); run \`npm run synth -- --env ${env.name}\`, review and commit it first`,
    );
  }
}
