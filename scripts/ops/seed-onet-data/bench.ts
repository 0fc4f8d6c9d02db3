// The measured load rate a bench command prints: one first load into an empty database, timed end to end
// (parse, migrations, COPY, apply, commit), which is what an operator waits for on a new environment.
import type { ResolvedConnection } from './connection';
import { createClient } from './load';
import { seedOnetData } from './seed';
import type { SeedLogger } from './types';

export interface BenchResult {
  /** Rows inserted across both tables. */
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

const SILENT_LOGGER: SeedLogger = { info: () => undefined, error: () => undefined };

/**
 * Seeds an empty database once and reports the rate. Refuses a database that already holds seeded rows: a
 * second load changes nothing and would measure the no-op path instead.
 */
export async function benchSeed(
  connection: ResolvedConnection,
  options: { readonly dataDir?: string } = {},
): Promise<BenchResult> {
  await assertNoSeededRows(connection);
  const started = process.hrtime.bigint();
  const report = await seedOnetData({ connection, dataDir: options.dataDir, logger: SILENT_LOGGER });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (report.mode !== 'applied') {
    throw new Error('benchSeed expected a real load, got a dry run');
  }
  const rows = report.changes.occupations.inserted + report.changes.skills.inserted;
  return { rows, seconds, rowsPerSecond: rows / seconds };
}

async function assertNoSeededRows(connection: ResolvedConnection): Promise<void> {
  const client = createClient(connection);
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ seeded: boolean }>(
      `SELECT to_regclass('occupations') IS NOT NULL AS seeded`,
    );
    if (result.rows[0]?.seeded === true) {
      const count = await client.query<{ rows: string }>(
        'SELECT (SELECT count(*) FROM occupations) + (SELECT count(*) FROM skills) AS rows',
      );
      if (Number(count.rows[0]?.rows) > 0) {
        throw new Error(
          `benchSeed needs an empty database, but ${connection.target} already holds ${count.rows[0]?.rows} ` +
            'seeded rows; point it at a new database',
        );
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
