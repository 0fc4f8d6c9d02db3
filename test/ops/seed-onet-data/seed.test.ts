// seedOnetData against a real PostgreSQL server: first load, idempotent reload, source edits, rejected rows and a
// connection dropped mid-COPY. One server for the file, one fresh database per test.
import path from 'node:path';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { RejectedRowsError, seedOnetData, type AppliedSeedReport } from '../../../scripts/ops/seed-onet-data';
import {
  connectionFor,
  copyDataDir,
  countRows,
  deleteLine,
  OCCUPATIONS_FILE,
  RecordingLogger,
  replaceLine,
  SKILLS_FILE,
  tableFingerprint,
  VENDORED_DATA_DIR,
  withClient,
  throwawayDatabases,
} from './fixtures';

const { newDatabase } = throwawayDatabases('seed');

async function seed(databaseUrl: string, dataDir = VENDORED_DATA_DIR): Promise<AppliedSeedReport> {
  const report = await seedOnetData({
    connection: connectionFor(databaseUrl),
    dataDir,
    logger: new RecordingLogger(),
  });
  if (report.mode !== 'applied') {
    throw new Error('expected an applied report');
  }
  return report;
}

describe('seedOnetData', () => {
  it('loads 1,110 occupations and 4,806 skills rows into an empty database', async () => {
    const databaseUrl = await newDatabase();
    const logger = new RecordingLogger();

    const report = await seedOnetData({ connection: connectionFor(databaseUrl), logger });

    expect(report).toMatchObject({
      mode: 'applied',
      dataDir: VENDORED_DATA_DIR,
      sourceRows: { occupations: 1110, skills: 4806 },
      migrationsApplied: ['001_create_reference_tables', '002_create_load_history'],
      changes: {
        occupations: { inserted: 1110, updated: 0, deleted: 0, unchanged: 0 },
        skills: { inserted: 4806, updated: 0, deleted: 0, unchanged: 0 },
      },
      upToDate: false,
    });
    expect(logger.names()).toContain('seed.loaded');
    await withClient(databaseUrl, async (client) => {
      expect(await countRows(client, 'occupations')).toBe(1110);
      expect(await countRows(client, 'skills')).toBe(4806);
      const chiefExecutives = await client.query(
        `SELECT title FROM occupations WHERE soc_code = '11-1011.00'`,
      );
      expect(chiefExecutives.rows).toEqual([{ title: 'Chief Executives' }]);
      // A quoted CSV field with commas arrives whole, not split into extra columns.
      const quoted = await client.query(
        `SELECT count(*)::int AS count FROM skills WHERE term = 'apply knowledge of philosophy, ethics and religion'`,
      );
      expect(quoted.rows).toEqual([{ count: 6 }]);
      // CC BY 4.0 asks for the attribution wherever the data is shipped, so it is stored with the table.
      const comment = await client.query(
        `SELECT obj_description('occupations'::regclass, 'pg_class') AS comment`,
      );
      expect(comment.rows[0].comment).toContain(
        'includes information from O*NET OnLine by the U.S. Department of Labor, Employment and Training ' +
          'Administration (USDOL/ETA), used under the CC BY 4.0 license',
      );
      const history = await client.query('SELECT occupations_inserted, skills_inserted FROM load_history');
      expect(history.rows).toEqual([{ occupations_inserted: 1110, skills_inserted: 4806 }]);
    });
  });

  it('changes nothing on a second run with the same data, and says it is already up to date', async () => {
    const databaseUrl = await newDatabase();
    await seed(databaseUrl);
    const before = await withClient(databaseUrl, tableFingerprint);
    const logger = new RecordingLogger();

    const report = await seedOnetData({ connection: connectionFor(databaseUrl), logger });

    expect(report).toMatchObject({
      migrationsApplied: [],
      changes: {
        occupations: { inserted: 0, updated: 0, deleted: 0, unchanged: 1110 },
        skills: { inserted: 0, updated: 0, deleted: 0, unchanged: 4806 },
      },
      upToDate: true,
    });
    expect(logger.names()).toContain('seed.already_up_to_date');
    expect(logger.names()).not.toContain('seed.loaded');
    expect(await withClient(databaseUrl, tableFingerprint)).toBe(before);
  });

  it('applies edited, added and removed source rows, and only those', async () => {
    const databaseUrl = await newDatabase();
    await seed(databaseUrl);
    const data = await copyDataDir();
    try {
      await replaceLine(data.dir, OCCUPATIONS_FILE, 2, (line) =>
        line.replace('Chief Executives', 'Chief Execs'),
      );
      const removed = await deleteLine(data.dir, SKILLS_FILE, 2);
      expect(removed).toBe('accept criticism and guidance,accept constructive criticism,T3.4');
      await replaceLine(data.dir, SKILLS_FILE, 2, (line) => `${line}\nnew term,"new label, with comma",T3.4`);

      const report = await seed(databaseUrl, data.dir);

      expect(report.changes).toEqual({
        occupations: { inserted: 0, updated: 1, deleted: 0, unchanged: 1109 },
        skills: { inserted: 1, updated: 0, deleted: 1, unchanged: 4805 },
      });
      await withClient(databaseUrl, async (client) => {
        const title = await client.query(`SELECT title FROM occupations WHERE soc_code = '11-1011.00'`);
        expect(title.rows).toEqual([{ title: 'Chief Execs' }]);
        const added = await client.query(
          `SELECT europa_code FROM skills WHERE label = 'new label, with comma'`,
        );
        expect(added.rows).toEqual([{ europa_code: 'T3.4' }]);
        const remaining = await client.query(
          `SELECT term FROM skills WHERE label = 'accept constructive criticism' ORDER BY term`,
        );
        expect(remaining.rows).toEqual([{ term: 'assisting and supporting co-workers' }]);
      });
    } finally {
      await data.remove();
    }
  });

  it('fails when one row is broken, naming the file and line, and writes nothing', async () => {
    const databaseUrl = await newDatabase();
    const data = await copyDataDir();
    const logger = new RecordingLogger();
    try {
      await replaceLine(data.dir, OCCUPATIONS_FILE, 5, (line) => line.replace(/^11-1031\.00/, '11-1O31.00'));
      const brokenFile = path.join(data.dir, OCCUPATIONS_FILE);

      const attempt = seedOnetData({ connection: connectionFor(databaseUrl), dataDir: data.dir, logger });

      await expect(attempt).rejects.toThrow(
        new RejectedRowsError([
          {
            file: brokenFile,
            line: 5,
            reason: 'O*NET-SOC Code "11-1O31.00" does not match NN-NNNN.NN (for example 11-1011.00)',
          },
        ]).message,
      );
      await expect(attempt).rejects.toThrow(`${brokenFile}:5: O*NET-SOC Code "11-1O31.00"`);
      expect(logger.events.filter((logged) => logged.event === 'seed.row_rejected')).toEqual([
        {
          level: 'error',
          event: 'seed.row_rejected',
          fields: expect.objectContaining({ file: brokenFile, line: 5 }),
        },
      ]);
      await withClient(databaseUrl, async (client) => {
        const tables = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
        expect(tables.rows).toEqual([]);
      });
    } finally {
      await data.remove();
    }
  });

  it('leaves the previous data intact when the connection drops in the middle of a COPY', async () => {
    const databaseUrl = await newDatabase();
    await seed(databaseUrl);
    const before = await withClient(databaseUrl, tableFingerprint);
    const data = await copyDataDir();
    const logger = new RecordingLogger();
    const killer = new Client({ connectionString: databaseUrl });
    await killer.connect();
    try {
      await replaceLine(data.dir, OCCUPATIONS_FILE, 2, (line) =>
        line.replace('Chief Executives', 'Chief Execs'),
      );
      await deleteLine(data.dir, SKILLS_FILE, 2);
      const killedDuring: string[] = [];

      const attempt = seedOnetData({
        connection: connectionFor(databaseUrl),
        dataDir: data.dir,
        logger,
        hooks: {
          // Skills are staged after occupations, so by now the transaction holds real work to lose.
          duringCopy: async ({ table, backendPid }) => {
            if (table !== 'skills') {
              return;
            }
            killedDuring.push(table);
            // The timeout makes the call wait until the backend is gone, so the COPY cannot finish first.
            const result = await killer.query('SELECT pg_terminate_backend($1, 5000) AS terminated', [
              backendPid,
            ]);
            expect(result.rows).toEqual([{ terminated: true }]);
          },
        },
      });

      await expect(attempt).rejects.toThrow(/terminat/i);
      expect(killedDuring).toEqual(['skills']);
      expect(logger.events.find((logged) => logged.event === 'seed.failed')?.fields).toMatchObject({
        outcome: 'rolled back; previous data intact',
      });
      expect(await withClient(databaseUrl, tableFingerprint)).toBe(before);
      expect(await withClient(databaseUrl, (client) => countRows(client, 'load_history'))).toBe(1);

      const retry = await seed(databaseUrl, data.dir);
      expect(retry.changes.occupations.updated).toBe(1);
      expect(retry.changes.skills.deleted).toBe(1);
    } finally {
      await killer.end();
      await data.remove();
    }
  });

  it('fails fast when another seed holds the seed lock on the same database', async () => {
    const databaseUrl = await newDatabase();
    await withClient(databaseUrl, async (holder) => {
      await holder.query(`SELECT pg_advisory_lock(hashtext('seed-onet-data'))`);

      const attempt = seedOnetData({ connection: connectionFor(databaseUrl), logger: new RecordingLogger() });

      await expect(attempt).rejects.toThrow(
        'another seed-onet-data run holds the seed lock on this database; wait for it to finish',
      );
    });
  });
});
