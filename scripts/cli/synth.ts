// `npm run synth [-- --env <name>]`: render environments into deploy/. Nothing is written unless every requested
// environment validated and rendered.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentNames, loadRegistry } from '../../environments';
import { openRenderCache } from '../render/cache';
import { repositoryFiles } from '../render/repository-files';
import { renderEnvironments, writeRendered } from '../render/synthesize';
import { envOption, environmentsFrom, parseOptions } from './args';
import type { Command } from './io';
import { deployDir, repoRoot } from './paths';

export const synthOptions = {
  env: envOption(false),
  force: { type: 'boolean', description: 're-render even where nothing changed since the last synth' },
} as const;

export const synth: Command = async (argv, io) => {
  const options = parseOptions('synth', argv, synthOptions);
  const names = environmentsFrom('synth', options.env);
  const registry = loadRegistry();
  const target = deployDir();
  const cache = options.force
    ? undefined
    : await openRenderCache(__filename, join(repoRoot(), 'package-lock.json'), registry);
  const stale: string[] = [];
  for (const name of names) {
    if (cache && (await cache.isFresh(name, target)))
      io.stdout.write(`unchanged ${name}: nothing to render\n`);
    else stale.push(name);
  }
  // Everything is rendered before anything is written.
  const rendered = await renderEnvironments(
    stale.map((name) => registry.get(name)!),
    registry,
  );
  const repository = repositoryFiles([...registry.values()]);
  await writeRendered(target, rendered);
  if (options.env === undefined) await removeUnregistered(target);
  for (const [path, content] of Object.entries(repository))
    await writeIfChanged(join(repoRoot(), path), content);
  for (const [env, files] of rendered) {
    await cache?.remember(env, target);
    io.stdout.write(`rendered ${env}: ${files.length} files (${summarise(files.map((f) => f.path))})\n`);
  }
  await cache?.save();
  return 0;
};

async function writeIfChanged(path: string, content: string): Promise<void> {
  if ((await readFile(path, 'utf8').catch(() => undefined)) !== content) await writeFile(path, content);
}

function summarise(paths: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const layer = path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
    counts.set(layer, (counts.get(layer) ?? 0) + 1);
  }
  return [...counts].map(([layer, count]) => `${layer} ${count}`).join(', ');
}

/** An environment removed from the registry disappears from deploy/ too (Argo CD then prunes it). */
async function removeUnregistered(target: string): Promise<void> {
  const entries = await readdir(target, { withFileTypes: true });
  const registered: readonly string[] = environmentNames;
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !registered.includes(entry.name)) {
      await rm(join(target, entry.name), { recursive: true });
    }
  }
}
