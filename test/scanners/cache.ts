// Scan results cached by content: the key hashes the tool and version, its arguments, and every file it reads
// (the scanned tree and the suppression files). An unchanged tree is not scanned twice; any byte changed scans
// again. Kept outside the repository, next to the tools.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, type Tool, toolsDir } from './tools';

/** Files below `paths` (relative to the repository), sorted, skipping node_modules and .git. */
export function filesUnder(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (absolute: string): void => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const child = join(absolute, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(relative(REPO_ROOT, child));
    }
  };
  for (const path of paths) {
    const absolute = join(REPO_ROOT, path);
    try {
      walk(absolute);
    } catch {
      files.push(path);
    }
  }
  return [...new Set(files)].sort();
}

export function scanKey(tool: Tool, args: readonly string[], files: readonly string[]): string {
  const hash = createHash('sha256').update(`${tool.name} ${tool.version}\n${args.join('\0')}\n`);
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(join(REPO_ROOT, file)));
  }
  return hash.digest('hex');
}

/** The cached value for `key`, or the result of `scan()` stored under it. */
export async function cached<T>(key: string, scan: () => Promise<T>): Promise<T> {
  const dir = join(toolsDir(), 'results');
  const file = join(dir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    const value = await scan();
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(value));
    renameSync(`${file}.tmp`, file);
    return value;
  }
}
