// The weekly health check's chart section: a pinned chart past its published end of life needs attention.
import { describe, expect, it } from 'vitest';
import { type EnvConfig, loadEnvironment } from '../../environments';
import { chartLifecycleFindings } from '../../scripts/ops/health/findings';

const prod = loadEnvironment('prod');
/** prod with cert-manager's release line ending on `endOfLife` (the model's field; docs/charts.md). */
const withEndOfLife = (endOfLife: string): EnvConfig => ({
  ...prod,
  platformCharts: {
    ...prod.platformCharts,
    'cert-manager': { ...prod.platformCharts['cert-manager']!, endOfLife },
  },
});
const version = prod.platformCharts['cert-manager']!.version;
const NOW = new Date('2026-12-06T12:00:00Z');

describe('chart end of life in the weekly health check', () => {
  it('reports a chart past its end of life as needing attention', () => {
    expect(chartLifecycleFindings(withEndOfLife('2026-12-01'), NOW)).toEqual([
      { status: 'attention', text: `cert-manager ${version}: past its end of life (2026-12-01); upgrade it` },
    ]);
  });

  it('lists a chart within 90 days of its end of life without paging anyone', () => {
    expect(chartLifecycleFindings(withEndOfLife('2026-12-16'), NOW)).toEqual([
      { status: 'ok', text: `cert-manager ${version}: end of life 2026-12-16, in 11 days` },
    ]);
  });

  it('has nothing to report for the pinned charts today', () => {
    expect(chartLifecycleFindings(prod, NOW)).toEqual([
      { status: 'ok', text: 'no chart within 90 days of its end of life' },
    ]);
  });
});
