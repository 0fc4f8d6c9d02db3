// Renders the observability layer in-process (no deploy/ needed) and writes it where the Prometheus tools can read
// it. Models can be patched the way a developer edits an environment file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  type EnvConfig,
  type EnvironmentLayer,
  type EnvironmentRegistry,
  environmentRegistry,
  loadRegistry,
} from '../../../environments';
import { mergeLayers } from '../../../environments/merge';
import { renderObservability } from '../../../observability/render';
import type { RenderedFile } from '../../../constructs/contracts/rendered-file';
import { writeTree } from '../../../scripts/render/synthesize';

export const repoRoot = join(__dirname, '..', '..', '..');

export const environments = (): EnvConfig[] => [...loadRegistry().values()];
export const environmentNames = (): string[] => environments().map((env) => env.name);
export const environment = (name: string): EnvConfig => {
  const env = loadRegistry().get(name);
  if (!env) throw new Error(`no environment ${name}`);
  return env;
};

/**
 * The observability layer of a (possibly patched) environment, compared with the registry's model of its
 * baseline environment — or with itself when it is its own baseline (staging).
 */
export const renderOf = (env: EnvConfig): Promise<RenderedFile[]> =>
  renderObservability(
    env,
    env.name === env.observability.baselineEnvironment
      ? env
      : environment(env.observability.baselineEnvironment),
  );

const cache = new Map<string, Promise<RenderedFile[]>>();

/** The observability files of a registered environment, rendered once per test file. */
export function rendered(name: string): Promise<RenderedFile[]> {
  let files = cache.get(name);
  if (!files) {
    files = renderOf(environment(name));
    cache.set(name, files);
  }
  return files;
}

export function content(files: readonly RenderedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`not rendered: ${path} (rendered: ${files.map((f) => f.path).join(', ')})`);
  return file.content;
}

export const yamlOf = <T>(files: readonly RenderedFile[], path: string): T =>
  parse(content(files, path)) as T;
export const jsonOf = <T>(files: readonly RenderedFile[], path: string): T =>
  JSON.parse(content(files, path)) as T;

const temporaryFolders: string[] = [];

/** A fresh temporary folder, removed by removeTemporaryFolders (call it in afterAll). */
export function temporaryFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'skillforge-observability-'));
  temporaryFolders.push(root);
  return root;
}

/** Writes files under a fresh temporary folder and returns it (the environment's deploy/<env>/ stand-in). */
export async function writeTemp(files: readonly RenderedFile[]): Promise<string> {
  const root = temporaryFolder();
  await writeTree(root, files);
  return root;
}

export function removeTemporaryFolders(): void {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** The model of `name` with `patch` merged in, validated with the rest of the registry. */
export function patchedEnvironment(
  name: keyof typeof environmentRegistry,
  patch: EnvironmentLayer,
): EnvConfig {
  const registry: EnvironmentRegistry = {
    ...environmentRegistry,
    [name]: mergeLayers(environmentRegistry[name], patch) as EnvironmentLayer & { name: string },
  };
  const env = loadRegistry(registry).get(name);
  if (!env) throw new Error(`no environment ${name}`);
  return env;
}

export const readRepoFile = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
