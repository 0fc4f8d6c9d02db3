// Renders environments into deploy/. Everything is rendered in memory first; only when every environment
// rendered does anything touch the disk, and then each environment folder is swapped in whole, so a failure
// (an invalid model, a renderer error) leaves the previous tree exactly as it was.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type EnvConfig, loadRegistry } from '../../environments';
import { assertUniquePaths, type RenderedFile } from '../../constructs/contracts/rendered-file';
import { type RenderLayer, renderLayers } from './layers';

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

/** Writes each environment's files to <deployDir>/<env>/, replacing that folder atomically per environment. */
export async function writeRendered(
  deployDir: string,
  rendered: ReadonlyMap<string, readonly RenderedFile[]>,
): Promise<void> {
  await mkdir(deployDir, { recursive: true });
  const staging = await mkdtemp(join(deployDir, '.render-'));
  try {
    for (const [env, files] of rendered) await writeTree(join(staging, env), files);
    for (const env of rendered.keys())
      await swapIn(join(staging, env), join(deployDir, env), join(staging, `${env}.previous`));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export async function writeTree(root: string, files: readonly RenderedFile[]): Promise<void> {
  const directories = new Set(files.map((file) => dirname(join(root, file.path))));
  await Promise.all([...directories].map((directory) => mkdir(directory, { recursive: true })));
  await Promise.all(files.map((file) => writeFile(join(root, file.path), file.content)));
}

async function swapIn(fresh: string, target: string, parking: string): Promise<void> {
  await rename(target, parking).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(fresh, target);
}
