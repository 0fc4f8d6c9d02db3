// `npm run synth [-- --env <name>]`: render environments into deploy/. Nothing is written unless every requested
// environment validated and rendered.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentNames, loadRegistry } from '../../environments';
import { renderEnvironments, writeRendered } from '../render/synthesize';
import { envOption, environmentsFrom, parseOptions } from './args';
import type { Command } from './io';
import { deployDir } from './paths';

export const synthOptions = { env: envOption(false) } as const;

export const synth: Command = async (argv, io) => {
  const options = parseOptions('synth', argv, synthOptions);
  const names = environmentsFrom('synth', options.env);
  const registry = loadRegistry();
  const rendered = await renderEnvironments(names.map((name) => registry.get(name)!));
  const target = deployDir();
  await writeRendered(target, rendered);
  if (options.env === undefined) await removeUnregistered(target);
  for (const [env, files] of rendered) {
    io.stdout.write(`rendered ${env}: ${files.length} files (${summarise(files.map((f) => f.path))})\n`);
  }
  return 0;
};

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
