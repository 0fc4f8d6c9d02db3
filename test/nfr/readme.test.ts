// The README's Compliance section carries prod's summary table; it is compared with the generated one, so it
// cannot go stale (refresh it with `npm run report -- --env prod --summary`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { summaryTable } from '../../scripts/nfr/report-markdown';
import { rendered, repoRoot } from './support';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README compliance section', () => {
  it("holds prod's generated NFR summary table", async () => {
    const start = readme.indexOf('\n## Compliance\n');
    expect(start, 'README.md has a "## Compliance" section').toBeGreaterThan(0);
    const next = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, next === -1 ? undefined : next);
    const table = section
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .join('\n');
    const { report } = await rendered(loadRegistry().get('prod')!);
    expect(table, 'run `npm run report -- --env prod --summary` and paste it into README.md').toBe(
      summaryTable(report),
    );
  });
});
