// Skips re-rendering an environment when nothing that shapes it changed — the compiled renderers, the installed
// packages, the Node.js version and the validated model of every environment — and its folder in deploy/ is still
// exactly what was rendered last time. Any doubt (no cache, a hand-edited file, a new build) renders again.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { EnvConfig } from '../../environments';

interface CacheEntry {
  readonly inputs: string;
  readonly output: string;
}

export interface RenderCache {
  isFresh(env: string, deployDir: string): Promise<boolean>;
  remember(env: string, deployDir: string): Promise<void>;
  save(): Promise<void>;
}

/** The cache lives next to the compiled CLI (dist/, never committed); without a compiled CLI there is none. */
export async function openRenderCache(
  compiledCli: string | undefined,
  lockFile: string,
  environments: ReadonlyMap<string, EnvConfig>,
): Promise<RenderCache | undefined> {
  if (!compiledCli?.endsWith('.cjs')) return undefined;
  const file = join(compiledCli, '..', 'render-cache.json');
  const shared = createHash('sha256')
    .update(await readFile(compiledCli))
    .update(await readFile(lockFile).catch(() => ''))
    .update(process.version)
    .update(JSON.stringify([...environments.values()]))
    .digest('hex');
  const entries: Record<string, CacheEntry> = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
  const inputsOf = (env: string) => createHash('sha256').update(shared).update(env).digest('hex');
  return {
    async isFresh(env, deployDir) {
      const entry = entries[env];
      return entry?.inputs === inputsOf(env) && entry.output === (await treeDigest(join(deployDir, env)));
    },
    async remember(env, deployDir) {
      entries[env] = { inputs: inputsOf(env), output: await treeDigest(join(deployDir, env)) };
    },
    save: () => writeFile(file, JSON.stringify(entries)),
  };
}

async function treeDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const contents = await Promise.all(files.map((path) => readFile(path)));
  files.forEach((path, index) => hash.update(`${relative(root, path)}\0`).update(contents[index]!));
  return hash.digest('hex');
}
