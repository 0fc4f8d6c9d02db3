// Promotion is a reviewed change of one digest per environment, and the history of main proves the order:
// what prod runs, staging ran first; what staging runs, dev ran first (or it is a marked hotfix). See
// promotion.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { baseRefOf, promotionViolations } from './promotion';

const repoRoot = join(__dirname, '..', '..');

describe('promotion of image digests', () => {
  it('every digest the model pins was held by the previous environment on main', () => {
    const envs = [...loadRegistry().values()];
    expect(envs.some((env) => env.tier === 'production')).toBe(true);
    expect(promotionViolations(repoRoot, baseRefOf(repoRoot), envs)).toEqual([]);
  });
});
