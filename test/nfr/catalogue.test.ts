// The catalogue says where each promise comes from and which model fields define it; these tests keep both
// claims true: the quotes are still in the runbook, the paths still exist, and the model keeps the numbers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nfrIds } from '../../constructs/contracts/nfr';
import { loadRegistry } from '../../environments';
import { catalogue } from '../../scripts/nfr/catalogue';
import { modelValues, resolvePath } from '../../scripts/nfr/model-values';
import { figuresOf } from '../../scripts/nfr/runbook-scan';
import { repoRoot, runbookText, sectionAt } from './support';

const envs = [...loadRegistry().values()];
const sources = catalogue.flatMap((entry) => entry.sources.map((source) => [entry.id, source] as const));

describe('NFR catalogue', () => {
  it('has exactly one entry per id of constructs/contracts/nfr.ts', () => {
    expect(catalogue.map((entry) => entry.id).sort()).toEqual([...nfrIds].sort());
  });

  it.each(sources)('quotes the runbook verbatim for %s, under the section it names', (_id, source) => {
    const at = runbookText.indexOf(source.text);
    expect(at, `not in the runbook: ${source.text}`).toBeGreaterThanOrEqual(0);
    expect(sectionAt(runbookText, at)).toBe(source.section);
  });

  it.each(sources)('lists only figures its passage contains (%s)', (_id, source) => {
    const tokens = figuresOf(source.text).map((figure) => figure.token);
    expect(source.figures.length).toBeGreaterThan(0);
    for (const figure of source.figures) expect(tokens, source.text).toContain(figure);
  });

  it.each(envs.map((env) => [env.name, env] as const))('resolves every model path in %s', (_name, env) => {
    for (const entry of catalogue) {
      for (const field of entry.fields) {
        expect(resolvePath(env, field).length, `${entry.id}: ${field}`).toBeGreaterThan(0);
      }
    }
  });

  it('says why for every class other than enforced, and links decision records that exist', () => {
    for (const { id, enforcement } of catalogue) {
      if (enforcement.class === 'partially-enforced') expect(enforcement.missing, id).not.toBe('');
      if (enforcement.class === 'not-enforceable-by-infrastructure')
        expect(enforcement.owner, id).not.toBe('');
      if (enforcement.class === 'infeasible-as-written') {
        expect(existsSync(join(repoRoot, enforcement.decision)), `${id}: ${enforcement.decision}`).toBe(true);
      }
      for (const [record] of JSON.stringify(enforcement).matchAll(/docs\/decisions\/[a-z0-9-]+\.md/g)) {
        expect(existsSync(join(repoRoot, record)), `${id}: ${record}`).toBe(true);
      }
    }
  });

  it.each(envs.map((env) => [env.name, env] as const))(
    "%s keeps the runbook's numbers wherever a promise applies",
    (_name, env) => {
      const broken = catalogue
        .filter((entry) => entry.appliesWhen?.holds(env) ?? true)
        .filter((entry) => {
          const conforms = entry.conforms(modelValues(env, entry.fields));
          // An infeasible promise that the model suddenly meets is no longer infeasible: reclassify it.
          return entry.enforcement.class === 'infeasible-as-written' ? conforms : !conforms;
        })
        .map((entry) => `${entry.id}: ${entry.display(modelValues(env, entry.fields))}`);
      expect(broken).toEqual([]);
    },
  );
});

describe('model values', () => {
  const prod = loadRegistry().get('prod')!;

  it('expands wildcards to every key, in key order', () => {
    expect(resolvePath(prod, 'services.*.latencyP95Ms').map(([path]) => path)).toContain(
      'services.search-api.latencyP95Ms',
    );
    expect(modelValues(prod, ['services.*.latencyP95Ms']).each('services.*.latencyP95Ms')[0]).toEqual([
      'assessment-api',
      500,
    ]);
  });

  it('fails when a display reads a field the entry does not declare', () => {
    const values = modelValues(prod, ['slo.rtoMinutes']);
    expect(values.get('slo.rtoMinutes')).toBe(30);
    expect(() => values.get('slo.rpoMinutes')).toThrow(
      'model path slo.rpoMinutes is not among the declared fields',
    );
  });

  it('fails when a declared path does not exist', () => {
    expect(() => modelValues(prod, ['slo.rtoMinute']).get('slo.rtoMinute')).toThrow(
      'model path slo.rtoMinute does not exist in environment prod',
    );
  });
});
