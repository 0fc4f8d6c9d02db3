// Versioned schema migrations for the seed's tables: `migrations/NNN_name.sql`, applied in order and recorded with
// a checksum in schema_migrations, so a database always says which schema it has and an edited migration is
// caught instead of silently diverging between environments.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClientBase } from 'pg';
import { describeError } from './errors';
import { findRepositoryRoot } from './source-files';

export interface Migration {
  /** The file name without `.sql`, e.g. `001_create_reference_tables`; the key in schema_migrations. */
  readonly version: string;
  readonly sql: string;
  /** sha256 of the file's bytes. */
  readonly checksum: string;
}

export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly Migration[];
}

const MIGRATION_FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** The migrations that ship with this code, found from the repository root like the default data folder. */
export function migrationsDirectory(): string {
  return path.join(findRepositoryRoot(), 'scripts', 'ops', 'seed-onet-data', 'migrations');
}

/** Reads every `NNN_name.sql` in `directory`, ordered by number. A misnamed `.sql` file is an error, not skipped. */
export async function loadMigrations(
  directory: string = migrationsDirectory(),
): Promise<readonly Migration[]> {
  const sqlFiles = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const misnamed = sqlFiles.filter((name) => !MIGRATION_FILE_PATTERN.test(name));
  if (misnamed.length > 0) {
    throw new Error(
      `migration files must be named NNN_lowercase_words.sql; rename ${misnamed.join(', ')} in ${directory}`,
    );
  }
  const seenNumbers = new Map<string, string>();
  const migrations: Migration[] = [];
  for (const name of sqlFiles) {
    const number = name.slice(0, 3);
    const clash = seenNumbers.get(number);
    if (clash !== undefined) {
      throw new Error(`migrations ${clash} and ${name} in ${directory} share the number ${number}`);
    }
    seenNumbers.set(number, name);
    const bytes = await readFile(path.join(directory, name));
    migrations.push({
      version: name.replace(/\.sql$/, ''),
      sql: bytes.toString('utf8'),
      checksum: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return migrations;
}

/**
 * Compares the database's schema_migrations with `migrations` without changing anything. Throws when the two
 * cannot be reconciled: an applied migration whose file changed or disappeared, or a pending migration older
 * than one already applied.
 */
export async function inspectMigrations(
  client: ClientBase,
  migrations: readonly Migration[],
): Promise<MigrationStatus> {
  const exists = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  const recorded =
    exists.rows[0]?.exists === true
      ? (
          await client.query<{ version: string; checksum: string }>(
            'SELECT version, checksum FROM schema_migrations ORDER BY version',
          )
        ).rows
      : [];
  const byVersion = new Map(migrations.map((migration) => [migration.version, migration]));
  for (const row of recorded) {
    const migration = byVersion.get(row.version);
    if (migration === undefined) {
      throw new Error(
        `schema_migrations records ${row.version}, which is not among this code's migrations: ` +
          'the database was migrated by a newer seed-onet-data; run that version instead',
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new Error(
        `migration ${row.version} changed after it was applied (recorded sha256 ${row.checksum}, file now ` +
          `${migration.checksum}); restore the file and put the change in a new numbered migration`,
      );
    }
  }
  const applied = recorded.map((row) => row.version);
  const pending = migrations.filter((migration) => !applied.includes(migration.version));
  const newestApplied = applied.at(-1);
  const outOfOrder = pending.find(
    (migration) => newestApplied !== undefined && migration.version < newestApplied,
  );
  if (outOfOrder !== undefined && newestApplied !== undefined) {
    throw new Error(
      `migration ${outOfOrder.version} is not applied but the later ${newestApplied} is; ` +
        'give the new migration a number after every applied one',
    );
  }
  return { applied, pending };
}

/**
 * Brings the schema up to date inside the caller's transaction (PostgreSQL DDL is transactional, so a failed seed
 * also rolls back its migrations). Returns the versions applied by this call, in order.
 */
export async function applyMigrations(
  client: ClientBase,
  migrations: readonly Migration[],
): Promise<string[]> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version text PRIMARY KEY,
       checksum text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const { pending } = await inspectMigrations(client, migrations);
  for (const migration of pending) {
    try {
      await client.query(migration.sql);
    } catch (error) {
      throw new Error(`migration ${migration.version} failed: ${describeError(error)}`, { cause: error });
    }
    await client.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
      migration.version,
      migration.checksum,
    ]);
  }
  return pending.map((migration) => migration.version);
}
