// diffTrees: two rendered deploy trees (folders holding `<env>/…`) in, a structured per-env, per-layer diff out.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFileItems } from './items/file-items';
import type { ExtractedItem } from './items/extracted-item';
import { countLineChanges } from './line-diff';
import {
  LAYERS,
  ReviewError,
  type EnvDiff,
  type ItemDiff,
  type Layer,
  type LayerDiff,
  type TerraformSides,
  type TerraformStacks,
  type TreeDiff,
} from './model';
import { diffValues } from './value-diff';

/** Files that sit directly in the tree root, outside every environment folder, are reported under this name. */
export const ROOT_FILES_ENV = '(root)';

export interface DiffTreesOptions {
  /** Only these environments; default every environment folder found on either side. */
  readonly envs?: readonly string[];
}

type SideItems = Map<Layer, Map<string, ExtractedItem>>;

/** Relative POSIX paths of every file below `root`, sorted; a missing root is an empty tree. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (relative: string): void => {
    const entries = readdirSync(join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(join(root, child)).isFile()))
        files.push(child);
    }
  };
  walk('');
  return files.sort();
}

function envOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? ROOT_FILES_ENV : file.slice(0, slash);
}

function envRelative(file: string): string {
  return envOf(file) === ROOT_FILES_ENV ? file : file.slice(file.indexOf('/') + 1);
}

function readText(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch (error) {
    throw new ReviewError(`cannot read ${join(root, file)}: ${(error as Error).message}`);
  }
}

function readSide(root: string, files: readonly string[]): SideItems {
  const byLayer: SideItems = new Map();
  for (const file of files) {
    const text = readText(root, file);
    let extracted;
    try {
      extracted = extractFileItems(envRelative(file), text);
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      // Extractors name the file relative to its environment folder; the reader needs the full path.
      const envRoot = envOf(file) === ROOT_FILES_ENV ? root : join(root, envOf(file));
      throw new ReviewError(`${envRoot}/${error.message}`);
    }
    const items = byLayer.get(extracted.layer) ?? new Map<string, ExtractedItem>();
    for (const item of extracted.items) {
      // The same object written to two files: keep both, telling the second one by its file.
      const id = items.has(item.id) ? `${item.id} (${item.file})` : item.id;
      items.set(id, { ...item, id });
    }
    byLayer.set(extracted.layer, items);
  }
  return byLayer;
}

function diffItem(before: ExtractedItem | undefined, after: ExtractedItem | undefined): ItemDiff | undefined {
  const reference = after ?? before;
  if (!reference) return undefined;
  const constructPath =
    before?.constructPath || after?.constructPath
      ? { before: before?.constructPath, after: after?.constructPath }
      : undefined;
  const common = { id: reference.id, kind: reference.kind, file: reference.file, constructPath };
  if (!before) return { ...common, status: 'added', fields: [], after: after?.body };
  if (!after) return { ...common, status: 'removed', fields: [], before: before.body };
  if (before.isText && after.isText && typeof before.body === 'string' && typeof after.body === 'string') {
    if (before.body === after.body) return undefined;
    const lines = countLineChanges(before.body, after.body);
    return { ...common, status: 'changed', fields: [], lines, before: before.body, after: after.body };
  }
  const fields = diffValues(before.body, after.body);
  if (fields.length === 0) return undefined;
  return { ...common, status: 'changed', fields, before: before.body, after: after.body };
}

function diffLayer(layer: Layer, base: SideItems, head: SideItems): LayerDiff | undefined {
  const baseItems = base.get(layer) ?? new Map<string, ExtractedItem>();
  const headItems = head.get(layer) ?? new Map<string, ExtractedItem>();
  const ids = [...new Set([...baseItems.keys(), ...headItems.keys()])].sort();
  const items = ids
    .map((id) => diffItem(baseItems.get(id), headItems.get(id)))
    .filter((item): item is ItemDiff => item !== undefined);
  return items.length > 0 ? { layer, items } : undefined;
}

function groupByEnv(files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) groups.set(envOf(file), [...(groups.get(envOf(file)) ?? []), file]);
  return groups;
}

/** The environments (top-level folders) of a tree, sorted. */
export function listEnvs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const STACK_FILE = /^terraform\/(.+)\/cdk\.tf\.json$/;

/** The parsed stack documents among an environment's files (already known to parse: readSide read them). */
function terraformStacks(root: string, files: readonly string[]): TerraformStacks {
  const stacks: Record<string, unknown> = {};
  for (const file of files) {
    const stack = STACK_FILE.exec(envRelative(file))?.[1];
    if (stack !== undefined) stacks[stack] = JSON.parse(readText(root, file)) as unknown;
  }
  return stacks;
}

export function diffTrees(baseDir: string, headDir: string, options: DiffTreesOptions = {}): TreeDiff {
  const baseFiles = groupByEnv(listFiles(baseDir));
  const headFiles = groupByEnv(listFiles(headDir));
  const envs = [...new Set([...baseFiles.keys(), ...headFiles.keys()])]
    .filter((env) => options.envs === undefined || options.envs.includes(env))
    .sort();
  const envDiffs: EnvDiff[] = [];
  const terraform: Record<string, TerraformSides> = {};
  for (const env of envs) {
    const base = readSide(baseDir, baseFiles.get(env) ?? []);
    const head = readSide(headDir, headFiles.get(env) ?? []);
    const layers = LAYERS.map((layer) => diffLayer(layer, base, head)).filter(
      (layer): layer is LayerDiff => layer !== undefined,
    );
    if (layers.length > 0) envDiffs.push({ env, layers });
    terraform[env] = {
      base: terraformStacks(baseDir, baseFiles.get(env) ?? []),
      head: terraformStacks(headDir, headFiles.get(env) ?? []),
    };
  }
  return { envs: envDiffs, terraform };
}
