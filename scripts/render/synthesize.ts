// Renders environments into deploy/. Everything is rendered in memory first; only when every environment
// rendered does anything touch the disk, and then every environment folder is swapped in, or none, so a failure
// (an invalid model, a renderer error, a folder that cannot be replaced) leaves the previous tree exactly as it was.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type EnvConfig, loadRegistry } from '../../environments';
import { assertUniquePaths, type RenderedFile } from '../../constructs/contracts/rendered-file';
import { type RenderLayer, renderLayers } from './layers';
import {
  openStaging,
  recoverInterruptedSynth,
  type Replacement,
  replaceAll,
  type TransactionStep,
} from './transaction';

export interface RenderOptions {
  readonly layers?: readonly RenderLayer[];
  /** The validated environments a layer may consult (default: the registry's). */
  readonly environments?: ReadonlyMap<string, EnvConfig>;
}

export async function renderEnvironment(
  env: EnvConfig,
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  const { layers = renderLayers, environments = loadRegistry() } = options;
  const files: RenderedFile[] = [];
  for (const layer of layers) {
    files.push(...(await layer.render(env, files, { environments })));
  }
  assertUniquePaths(env.name, files);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function renderEnvironments(
  envs: readonly EnvConfig[],
  environments: ReadonlyMap<string, EnvConfig> = loadRegistry(),
): Promise<Map<string, RenderedFile[]>> {
  const rendered = new Map<string, RenderedFile[]>();
  for (const env of envs) rendered.set(env.name, await renderEnvironment(env, { environments }));
  return rendered;
}

export interface WriteOptions {
  /** Files outside deploy/ that depend on every environment (.sops.yaml, the workflows): absolute path → content. */
  readonly files?: ReadonlyMap<string, string>;
  /** Environment folders to delete (no longer registered). */
  readonly remove?: readonly string[];
  /** Called at each point of the transaction (the kill tests pause there). */
  readonly atStep?: (step: TransactionStep) => Promise<void>;
}

/**
 * Writes each environment's files to <deployDir>/<env>/ (and `files` where they belong) as one transaction: every
 * folder and file is replaced, or none is (scripts/render/transaction.ts).
 */
export async function writeRendered(
  deployDir: string,
  rendered: ReadonlyMap<string, readonly RenderedFile[]>,
  options: WriteOptions = {},
): Promise<void> {
  await recoverInterruptedSynth(deployDir);
  const staging = await openStaging(deployDir);
  try {
    const replacements: Replacement[] = [];
    for (const [env, files] of rendered) {
      const fresh = join(staging, 'new', env);
      await writeTree(fresh, files);
      replacements.push({ target: join(deployDir, env), fresh });
    }
    for (const [index, [target, content]] of [...(options.files ?? [])].entries()) {
      const fresh = join(staging, 'files', String(index));
      await mkdir(dirname(fresh), { recursive: true });
      await writeFile(fresh, content);
      replacements.push({ target, fresh });
    }
    for (const env of options.remove ?? []) replacements.push({ target: join(deployDir, env) });
    await replaceAll(staging, replacements, options.atStep);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export async function writeTree(root: string, files: readonly RenderedFile[]): Promise<void> {
  const directories = new Set(files.map((file) => dirname(join(root, file.path))));
  await Promise.all([...directories].map((directory) => mkdir(directory, { recursive: true })));
  await Promise.all(files.map((file) => writeFile(join(root, file.path), file.content)));
}
