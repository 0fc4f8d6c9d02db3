// docs/charts.md lists every pinned chart and manifest bundle at the model's version, and the wave it syncs in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartWave } from '../../charts/argocd';
import { loadEnvironment } from '../../environments';

const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'charts.md'), 'utf8');
const rows = new Map(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| key') && !line.startsWith('| ---'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => [
      cells[1]!.replace(/ \(.*\)$/, ''),
      { version: cells[3], namespace: cells[4], wave: cells[5] },
    ]),
);

describe('docs/charts.md', () => {
  const dev = loadEnvironment('dev');
  const pinned = [
    ...Object.entries(dev.platformCharts).map(
      ([key, chart]) => [key, chart.version, chart.namespace] as const,
    ),
    ...Object.entries(dev.platformManifests).map(
      ([key, bundle]) => [key, bundle.version, bundle.namespace] as const,
    ),
  ];

  it('has one row per pinned chart and bundle with its version, namespace and wave', () => {
    expect(pinned.map(([key]) => [key, rows.get(key)])).toEqual(
      pinned.map(([key, version, namespace]) => [key, { version, namespace, wave: String(chartWave(key)) }]),
    );
    expect(rows.get('argo-cd')?.version).toBe(dev.gitops.argoCdChartVersion);
    expect(rows.size).toBe(pinned.length + 1);
  });
});
