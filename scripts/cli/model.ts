// The model as every command sees it, checked against what only the disk knows: keys written twice in the
// environment files (JavaScript keeps the last silently) and the versions the committed render records (they may
// never go down). Then the usual validation. main() runs this before any command but --help.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import {
  type EnvConfig,
  environmentNames,
  environmentRegistry,
  InvalidEnvironmentError,
  loadRegistry,
  type ModelVersions,
} from '../../environments';
import { duplicateKeyIssues } from '../../environments/source-check';
import { VERSIONS_PATH } from '../render/layers';

export async function loadCheckedModel(
  root: string,
  deploy: string,
): Promise<ReadonlyMap<string, EnvConfig>> {
  const duplicates = await duplicateKeyIssues(root);
  if (duplicates.length > 0) throw new InvalidEnvironmentError(duplicates);
  return loadRegistry(environmentRegistry, { committedVersions: await committedVersions(root, deploy) });
}

/**
 * deploy/<env>/versions.json as committed at HEAD (what plan and deploy apply). A render not committed yet never
 * sets the floor, so an upgrade may still be reverted before it is committed. Without a git checkout (or with
 * deploy/ outside it) the files on disk are read instead.
 */
async function committedVersions(root: string, deploy: string): Promise<Map<string, ModelVersions>> {
  const inRepository = relative(root, deploy).split('\\').join('/');
  const outside = inRepository.startsWith('..') || isAbsolute(inRepository);
  const paths = new Map(environmentNames.map((env) => [env, `${inRepository}/${env}/${VERSIONS_PATH}`]));
  const fromGit = outside ? undefined : committedFiles(root, [...paths.values()]);
  const found = new Map<string, ModelVersions>();
  for (const [env, path] of paths) {
    const text =
      fromGit === undefined
        ? await readFile(join(deploy, env, VERSIONS_PATH), 'utf8').catch(() => undefined)
        : fromGit.get(path);
    const versions = text === undefined ? undefined : parseVersions(text);
    if (versions) found.set(env, versions);
  }
  return found;
}

/** HEAD's content of each path (missing ones left out), in one `git cat-file --batch`; undefined without git. */
function committedFiles(root: string, paths: readonly string[]): Map<string, string> | undefined {
  const result = spawnSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: paths.map((path) => `HEAD:${path}\n`).join(''),
    encoding: 'utf8',
  });
  if (result.status !== 0 || result.error) return undefined;
  const files = new Map<string, string>();
  let rest = result.stdout;
  for (const path of paths) {
    const header = rest.slice(0, rest.indexOf('\n'));
    rest = rest.slice(header.length + 1);
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue;
    // Sizes are bytes; the record is ASCII JSON, so characters and bytes agree.
    files.set(path, rest.slice(0, Number(size)));
    rest = rest.slice(Number(size) + 1);
  }
  return files;
}

function parseVersions(text: string): ModelVersions | undefined {
  try {
    const record = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return undefined;
  }
}
