// `npm run synth [-- --env <name>] [--force]`: render environments into deploy/. Nothing is written unless every
// requested environment validated and rendered, and then every folder is replaced or none is.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  type EnvironmentRegistry,
  environmentRegistry,
  loadRegistry,
  type ValidationContext,
} from '../../environments';
import { openRenderCache } from '../render/cache';
import { repositoryFiles } from '../render/repository-files';
import { renderEnvironments, writeRendered } from '../render/synthesize';
import { ReplaceError, type TransactionStep } from '../render/transaction';
import { envOption, environmentsFrom, parseOptions } from './args';
import type { Command, CommandIo } from './io';
import { deployDir, repoRoot } from './paths';

export const synthOptions = {
  env: envOption(false),
  force: { type: 'boolean', description: 're-render even where nothing changed since the last synth' },
} as const;

export const synth: Command = async (argv, io) => {
  const options = parseOptions('synth', argv, synthOptions);
  return runSynth({
    layers: environmentRegistry,
    names: environmentsFrom('synth', options.env),
    all: options.env === undefined,
    force: options.force === true,
    deployDir: deployDir(),
    repoRoot: repoRoot(),
    io,
    atStep: pauseAt(process.env.SKILLFORGE_TEST_PAUSE_AT),
  });
};

export interface SynthRun {
  /** The environment files (the registry's by default; tests pass broken ones). */
  readonly layers: EnvironmentRegistry;
  readonly context?: Partial<ValidationContext>;
  readonly names: readonly string[];
  /** Every environment was asked for: folders of environments no longer registered are removed. */
  readonly all: boolean;
  readonly force: boolean;
  readonly deployDir: string;
  readonly repoRoot: string;
  readonly io: CommandIo;
  readonly atStep?: (step: TransactionStep) => Promise<void>;
}

export async function runSynth(run: SynthRun): Promise<number> {
  const { io } = run;
  const registry = loadRegistry(run.layers, run.context);
  const cache = run.force
    ? undefined
    : await openRenderCache(__filename, join(run.repoRoot, 'package-lock.json'), registry);
  const stale: string[] = [];
  for (const name of run.names) {
    if (cache && (await cache.isFresh(name, run.deployDir)))
      io.stdout.write(`unchanged ${name}: nothing to render\n`);
    else stale.push(name);
  }
  // Everything is rendered before anything is written.
  const rendered = await renderEnvironments(
    stale.map((name) => registry.get(name)!),
    registry,
  );
  try {
    await writeRendered(run.deployDir, rendered, {
      files: await changedFiles(run.repoRoot, repositoryFiles([...registry.values()])),
      remove: run.all ? await unregistered(run.deployDir, Object.keys(run.layers)) : [],
      atStep: run.atStep,
    });
  } catch (error) {
    if (!(error instanceof ReplaceError)) throw error;
    io.stderr.write(
      `synth: cannot replace ${relative(run.repoRoot, error.target)} (${error.detail}); nothing was changed, every folder and file is as it was before this synth\n`,
    );
    return 1;
  }
  for (const [env, files] of rendered) {
    await cache?.remember(env, run.deployDir);
    io.stdout.write(`rendered ${env}: ${files.length} files (${summarise(files.map((f) => f.path))})\n`);
  }
  await cache?.save();
  return 0;
}

/** The repository-level files whose content differs from what is on disk, by absolute path. */
async function changedFiles(root: string, files: Record<string, string>): Promise<Map<string, string>> {
  const changed = new Map<string, string>();
  for (const [path, content] of Object.entries(files)) {
    if ((await readFile(join(root, path), 'utf8').catch(() => undefined)) !== content)
      changed.set(join(root, path), content);
  }
  return changed;
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
async function unregistered(target: string, registered: readonly string[]): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !registered.includes(entry.name))
    .map((entry) => entry.name);
}

/**
 * Fault injection for the kill tests (test/foundation/synth-transaction.test.ts): with SKILLFORGE_TEST_PAUSE_AT
 * set to a step, synth announces it on stdout and waits there until it is killed.
 */
function pauseAt(step: string | undefined): SynthRun['atStep'] {
  if (step === undefined || step === '') return undefined;
  return async (current) => {
    if (current !== step) return;
    process.stdout.write(`paused at ${current}\n`);
    await new Promise(() => setInterval(() => undefined, 60_000));
  };
}
