// Every figure of the runbook is a catalogued promise or an ignored non-promise; a runbook edit that adds or
// changes a number fails here until the catalogue (or, for a non-promise, the ignore list) says what it is.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../scripts/nfr/catalogue';
import { runbookIgnoreRules } from '../../scripts/nfr/runbook-ignore';
import { describeFigure, figuresOf, scanRunbook } from '../../scripts/nfr/runbook-scan';
import { runbookText } from './support';

const scan = (text: string) => scanRunbook(text, catalogue, runbookIgnoreRules);

describe('runbook scan', () => {
  it('finds every figure of the vendored runbook in the catalogue or the ignore list', () => {
    const result = scan(runbookText);
    expect(result.uncovered.map(describeFigure)).toEqual([]);
    expect(result.missingSources).toEqual([]);
  });

  it('claims every figure each catalogue passage lists, for its own promise', () => {
    const claims = [...scan(runbookText).claimed].flatMap(([figure, ids]) =>
      ids.map((id) => `${id} ${figure.token}`),
    );
    const listed = catalogue.flatMap((entry) =>
      entry.sources.flatMap((source) => source.figures.map((figure) => `${entry.id} ${figure}`)),
    );
    expect(new Set(claims)).toEqual(new Set(listed));
  });

  it('never both claims and ignores a figure (an ignore rule must not hide a promise)', () => {
    const result = scan(runbookText);
    expect(
      [...result.claimed.keys()].filter((figure) => result.ignored.has(figure)).map(describeFigure),
    ).toEqual([]);
  });

  it.each(runbookIgnoreRules.map((rule) => [rule.reason, rule] as const))(
    'uses the ignore rule "%s" (no dead entries)',
    (_reason, rule) => {
      expect([...scan(runbookText).ignored.values()]).toContain(rule);
    },
  );

  it('fails when the runbook gains a number', () => {
    const added = `${runbookText}- Cache entries expire after 45 minutes.\n`;
    const line = added.split('\n').length - 1;
    expect(scan(added).uncovered.map(describeFigure)).toEqual([
      `runbook line ${line}: "45" in "- Cache entries expire after 45 minutes."`,
    ]);
  });

  it('fails when a new number shares a line with an ignored date', () => {
    const added = `${runbookText}- Since 2025-12-01, audit logs are kept 400 days.\n`;
    expect(scan(added).uncovered.map((figure) => figure.token)).toEqual(['400']);
  });

  it('fails when a catalogued number changes', () => {
    const changed = runbookText.replace('to meet ≤350 ms search P95', 'to meet ≤300 ms search P95');
    const result = scan(changed);
    expect(result.uncovered.map((figure) => figure.token)).toEqual(['10k', '≤300']);
    expect(result.missingSources.map((source) => source.id)).toEqual([
      'cache-warm-top-occupations',
      'search-latency-p95',
    ]);
  });

  it('tokenises figures with their units, ranges, ratios and comparison signs', () => {
    const tokens = figuresOf(
      '(CPU 60%, memory 70%). ≥3x; 99.5–99.9% SLAs; 6→9 via --replicas=9; 08:00–12:00 UTC; Loki/S3; (1.2+), top 10k.',
    ).map((figure) => figure.token);
    expect(tokens).toEqual([
      '60%',
      '70%',
      '≥3x',
      '99.5–99.9%',
      '6→9',
      '--replicas=9',
      '08:00–12:00',
      'S3',
      '1.2+',
      '10k',
    ]);
  });
});
