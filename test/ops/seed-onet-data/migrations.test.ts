// Versioned migrations: ordered, recorded once with a checksum, and refused when history and files disagree.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedOnetData } from '../../../scripts/ops/seed-onet-data';
import {
  applyMigrations,
  loadMigrations,
  migrationsDirectory,
} from '../../../scripts/ops/seed-onet-data/migrations';
import {
  connectionFor,
  RecordingLogger,
  REPOSITORY_ROOT,
  tableFingerprint,
  withClient,
  throwawayDatabases,
} from './fixtures';

const { newDatabase } = throwawayDatabases('migrations');

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

describe('the shipped migrations', () => {
  it('live in scripts/ops/seed-onet-data/migrations and are applied in order, each recorded once', async () => {
    const directory = path.join(REPOSITORY_ROOT, 'scripts', 'ops', 'seed-onet-data', 'migrations');
    expect(migrationsDirectory()).toBe(directory);
    const databaseUrl = await newDatabase();

    await seedOnetData({ connection: connectionFor(databaseUrl), logger: new RecordingLogger() });
    await seedOnetData({ connection: connectionFor(databaseUrl), logger: new RecordingLogger() });

    const recorded = await withClient(databaseUrl, async (client) => {
      const result = await client.query(
        'SELECT version, checksum FROM schema_migrations ORDER BY applied_at, version',
      );
      return result.rows;
    });
    expect(recorded).toEqual([
      {
        version: '001_create_reference_tables',
        checksum: await sha256Of(path.join(directory, '001_create_reference_tables.sql')),
      },
      {
        version: '002_create_load_history',
        checksum: await sha256Of(path.join(directory, '002_create_load_history.sql')),
      },
    ]);
  });

  it('fails when an applied migration no longer matches its recorded checksum, and changes no data', async () => {
    const databaseUrl = await newDatabase();
    await seedOnetData({ connection: connectionFor(databaseUrl), logger: new RecordingLogger() });
    const staleChecksum = '0'.repeat(64);
    await withClient(databaseUrl, (client) =>
      client.query(
        `UPDATE schema_migrations SET checksum = $1 WHERE version = '001_create_reference_tables'`,
        [staleChecksum],
      ),
    );
    const before = await withClient(databaseUrl, tableFingerprint);
    const fileChecksum = await sha256Of(path.join(migrationsDirectory(), '001_create_reference_tables.sql'));

    const attempt = seedOnetData({ connection: connectionFor(databaseUrl), logger: new RecordingLogger() });

    await expect(attempt).rejects.toThrow(
      `migration 001_create_reference_tables changed after it was applied (recorded sha256 ${staleChecksum}, ` +
        `file now ${fileChecksum}); restore the file and put the change in a new numbered migration`,
    );
    expect(await withClient(databaseUrl, tableFingerprint)).toBe(before);
  });
});

describe('applyMigrations', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'seed-migrations-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function write(name: string, sql: string): Promise<void> {
    await writeFile(path.join(directory, name), sql);
  }

  it('applies pending migrations in numeric order and only those', async () => {
    await write('002_add_column.sql', 'ALTER TABLE example ADD COLUMN note text;');
    await write('001_create_example.sql', 'CREATE TABLE example (id int);');
    const databaseUrl = await newDatabase();

    const first = await withClient(databaseUrl, async (client) =>
      applyMigrations(client, await loadMigrations(directory)),
    );
    await write('003_add_index.sql', 'CREATE INDEX example_id_idx ON example (id);');
    const second = await withClient(databaseUrl, async (client) =>
      applyMigrations(client, await loadMigrations(directory)),
    );

    expect(first).toEqual(['001_create_example', '002_add_column']);
    expect(second).toEqual(['003_add_index']);
  });

  it('fails when an applied migration file was edited', async () => {
    await write('001_create_example.sql', 'CREATE TABLE example (id int);');
    const databaseUrl = await newDatabase();
    await withClient(databaseUrl, async (client) => applyMigrations(client, await loadMigrations(directory)));
    const original = await sha256Of(path.join(directory, '001_create_example.sql'));
    await write('001_create_example.sql', 'CREATE TABLE example (id bigint);');
    const edited = await sha256Of(path.join(directory, '001_create_example.sql'));

    const attempt = withClient(databaseUrl, async (client) =>
      applyMigrations(client, await loadMigrations(directory)),
    );

    await expect(attempt).rejects.toThrow(
      `migration 001_create_example changed after it was applied (recorded sha256 ${original}, file now ${edited})`,
    );
  });

  it('fails when the database records a migration this code does not have', async () => {
    await write('001_create_example.sql', 'CREATE TABLE example (id int);');
    await write('002_add_column.sql', 'ALTER TABLE example ADD COLUMN note text;');
    const databaseUrl = await newDatabase();
    await withClient(databaseUrl, async (client) => applyMigrations(client, await loadMigrations(directory)));
    await rm(path.join(directory, '002_add_column.sql'));

    const attempt = withClient(databaseUrl, async (client) =>
      applyMigrations(client, await loadMigrations(directory)),
    );

    await expect(attempt).rejects.toThrow(
      "schema_migrations records 002_add_column, which is not among this code's migrations: " +
        'the database was migrated by a newer seed-onet-data; run that version instead',
    );
  });

  it('fails when a new migration is numbered before one already applied', async () => {
    await write('002_add_column.sql', 'CREATE TABLE example (id int);');
    const databaseUrl = await newDatabase();
    await withClient(databaseUrl, async (client) => applyMigrations(client, await loadMigrations(directory)));
    await write('001_late_arrival.sql', 'CREATE TABLE late (id int);');

    const attempt = withClient(databaseUrl, async (client) =>
      applyMigrations(client, await loadMigrations(directory)),
    );

    await expect(attempt).rejects.toThrow(
      'migration 001_late_arrival is not applied but the later 002_add_column is; ' +
        'give the new migration a number after every applied one',
    );
  });

  it('fails naming the migration whose SQL is invalid', async () => {
    await write('001_broken.sql', 'CREATE TABLEX example (id int);');
    const databaseUrl = await newDatabase();

    const attempt = withClient(databaseUrl, async (client) =>
      applyMigrations(client, await loadMigrations(directory)),
    );

    await expect(attempt).rejects.toThrow('migration 001_broken failed: syntax error at or near "TABLEX"');
  });
});

describe('loadMigrations', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'seed-migrations-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('fails when a .sql file does not follow NNN_name.sql', async () => {
    await writeFile(path.join(directory, '1_create.sql'), 'SELECT 1;');

    await expect(loadMigrations(directory)).rejects.toThrow(
      `migration files must be named NNN_lowercase_words.sql; rename 1_create.sql in ${directory}`,
    );
  });

  it('fails when two migrations share a number', async () => {
    await writeFile(path.join(directory, '001_a.sql'), 'SELECT 1;');
    await writeFile(path.join(directory, '001_b.sql'), 'SELECT 2;');

    await expect(loadMigrations(directory)).rejects.toThrow(
      `migrations 001_a.sql and 001_b.sql in ${directory} share the number 001`,
    );
  });
});
