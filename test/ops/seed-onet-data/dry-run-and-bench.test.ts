// --dry-run reports without writing (and without needing a database); benchSeed measures one first load.
import { describe, expect, it } from 'vitest';
import { benchSeed, seedOnetData } from '../../../scripts/ops/seed-onet-data';
import {
  connectionFor,
  RecordingLogger,
  VENDORED_DATA_DIR,
  withClient,
  throwawayDatabases,
} from './fixtures';

const { newDatabase } = throwawayDatabases('dry_run');

async function publicTables(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    return result.rows.map((row) => row.tablename);
  });
}

describe('seedOnetData with dryRun', () => {
  it('reports counts, target and pending migrations, and creates nothing', async () => {
    const databaseUrl = await newDatabase();
    const connection = connectionFor(databaseUrl);
    const logger = new RecordingLogger();

    const report = await seedOnetData({ connection, logger, dryRun: true });

    expect(report).toEqual({
      mode: 'dry-run',
      target: connection.target,
      dataDir: VENDORED_DATA_DIR,
      sourceRows: { occupations: 1110, skills: 4806 },
      database: {
        reachable: true,
        pendingMigrations: ['001_create_reference_tables', '002_create_load_history'],
      },
    });
    expect(logger.events.at(-1)).toEqual({
      level: 'info',
      event: 'seed.dry_run',
      fields: {
        target: connection.target,
        dataDir: VENDORED_DATA_DIR,
        occupations: 1110,
        skills: 4806,
        pendingMigrations: ['001_create_reference_tables', '002_create_load_history'],
      },
    });
    expect(await publicTables(databaseUrl)).toEqual([]);
  });

  it('reports no pending migrations once the database is seeded', async () => {
    const databaseUrl = await newDatabase();
    await seedOnetData({ connection: connectionFor(databaseUrl), logger: new RecordingLogger() });

    const report = await seedOnetData({
      connection: connectionFor(databaseUrl),
      logger: new RecordingLogger(),
      dryRun: true,
    });

    expect(report).toMatchObject({ database: { reachable: true, pendingMigrations: [] } });
  });

  it('still validates the files and reports the counts when the database is unreachable', async () => {
    // Port 1 (tcpmux) has no listener on a loopback test machine, so the connection is refused at once.
    const connection = connectionFor('postgresql://postgres@127.0.0.1:1/absent');

    const report = await seedOnetData({ connection, logger: new RecordingLogger(), dryRun: true });

    expect(report).toMatchObject({
      mode: 'dry-run',
      target: 'postgres@127.0.0.1:1/absent',
      sourceRows: { occupations: 1110, skills: 4806 },
      database: { reachable: false, error: expect.stringContaining('ECONNREFUSED') },
    });
  });
});

describe('benchSeed', () => {
  it('times one first load into an empty database and refuses a database that is already seeded', async () => {
    const connection = connectionFor(await newDatabase());

    const result = await benchSeed(connection);

    expect(result.rows).toBe(1110 + 4806);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.rowsPerSecond).toBeCloseTo(result.rows / result.seconds, 6);
    await expect(benchSeed(connection)).rejects.toThrow(
      `benchSeed needs an empty database, but ${connection.target} already holds 5916 seeded rows; ` +
        'point it at a new database',
    );
  });
});
