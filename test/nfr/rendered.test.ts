// The traceability of the real rendered tree: in every environment, each promise the catalogue expects to be
// enforced has a tagged artifact or a recorded reason, every tag names a catalogued promise, and the report is
// built from the same in-memory render as the files it cites.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { awaitingEvidence } from '../../scripts/nfr/awaiting-evidence';
import { staleAwaiting, traceabilityFailures } from '../../scripts/nfr/failures';
import { reportMarkdown } from '../../scripts/nfr/report-markdown';
import { scannerExceptionsMarkdown } from '../../scripts/nfr/scanner-exceptions';
import { renderLayers } from '../../scripts/render/layers';
import { rendered } from './support';

const envs = [...loadRegistry().values()].map((env) => [env.name, env] as const);

describe('NFR traceability of the rendered tree', () => {
  it('renders the report last, so it sees the provenance of every other layer', () => {
    expect(renderLayers.at(-1)!.name).toBe('nfr-report');
  });

  it.each(envs)(
    '%s: no unexplained gap, no uncatalogued tag, no malformed provenance',
    async (_name, env) => {
      expect(traceabilityFailures((await rendered(env)).report)).toEqual([]);
    },
  );

  it('records reasons only for promises that still lack evidence somewhere', async () => {
    const reports = await Promise.all(envs.map(async ([, env]) => (await rendered(env)).report));
    expect(staleAwaiting(reports, awaitingEvidence)).toEqual([]);
  });

  it.each(envs)(
    '%s: the rendered report is the evaluation of the files rendered before it',
    async (_name, env) => {
      const { markdown, report } = await rendered(env);
      // …followed by the environment's accepted scanner findings (docs/scanners.md).
      expect(markdown).toBe(`${reportMarkdown(report)}\n${scannerExceptionsMarkdown(env)}\n`);
    },
  );
});
