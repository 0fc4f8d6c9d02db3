// The documentation the alerts point at: docs/metrics.md lists every series of the contract and every baseline
// and defines the ingestion lag exactly as the rule computes it; each alert has its runbook page, whose model paths
// and commands exist.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractSeries, recordedSeries } from '../../constructs/contracts';
import { baselineOf, signal } from '../../observability/baselines';
import { ALERTS_FILE } from '../../observability/render';
import { durationSeconds } from './support/durations';
import { environment, environmentNames, readRepoFile, rendered, repoRoot, yamlOf } from './support/rendered';
import { alertsOf, type RuleGroupFile } from './support/rule-files';

const metricsDoc = readRepoFile('docs/metrics.md');
const RUNBOOKS = 'docs/runbooks/alerts';

/** Follows a dotted model path; `<name>` segments stand for any key and are not followed. */
function resolves(model: unknown, path: string): boolean {
  let current: unknown = model;
  for (const segment of path.split('.')) {
    if (segment.startsWith('<')) return true;
    if (typeof current !== 'object' || current === null || !(segment in current)) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return true;
}

describe('docs/metrics.md', () => {
  it('lists every series of the metric contract', () => {
    expect(contractSeries().filter((series) => !metricsDoc.includes(`\`${series}\``))).toEqual([]);
  });

  it('lists every series recorded in front of the contract', () => {
    expect(recordedSeries().filter((series) => !metricsDoc.includes(`\`${series}\``))).toEqual([]);
  });

  it('lists every staging baseline recording rule', () => {
    const records = Object.values(signal).map(baselineOf);
    expect(records.filter((record) => !metricsDoc.includes(`\`${record}\``))).toEqual([]);
  });

  it.each(environmentNames().filter((name) => name !== environment(name).observability.baselineEnvironment))(
    'defines the ingestion lag the way the %s rule computes it',
    async (name) => {
      const env = environment(name);
      const rule = env.alerts.ingestionBehindBaseline;
      const baseline = `analytics:events_ingested:rate_staging_baseline{env="${name}"}`;
      const production = `sum by (env) (rate(analytics_events_ingested_total{env="${name}"}[${rule.window}]))`;
      const minutes = durationSeconds(rule.window) / 60;
      const alert = alertsOf(yamlOf<RuleGroupFile>(await rendered(name), ALERTS_FILE)).find(
        (candidate) => candidate.alert === 'AnalyticsIngestionBehindBaseline',
      );
      // lag_minutes = (R_baseline − R_env) / R_baseline × W_in_minutes > maxMinutes, as docs/metrics.md writes it.
      expect(alert?.expr).toBe(
        `(${baseline} - ${production}) / ${baseline} * ${minutes} > ${rule.maxMinutes}`,
      );
      expect(metricsDoc).toContain('lag_minutes = (R_baseline − R_env) / R_baseline × W_in_minutes');
      expect(metricsDoc).toContain(
        'R_env      = sum by (env) (rate(analytics_events_ingested_total{env="<env>"}[W]))',
      );
    },
  );
});

describe('alert runbook pages', () => {
  const pages = readdirSync(join(repoRoot, RUNBOOKS)).filter((file) => file.endsWith('.md'));
  const scripts = Object.keys((JSON.parse(readRepoFile('package.json')) as { scripts: object }).scripts);

  it('exist for every alert any environment renders, and only for those', async () => {
    const names = new Set<string>();
    for (const name of environmentNames()) {
      for (const rule of alertsOf(yamlOf<RuleGroupFile>(await rendered(name), ALERTS_FILE)))
        names.add(rule.alert ?? '');
    }
    expect(pages.map((page) => page.replace(/\.md$/, '')).sort()).toEqual([...names].sort());
  });

  it.each(pages)('%s says what the alert means, what to check first and what to run', (page) => {
    const text = readRepoFile(`${RUNBOOKS}/${page}`);
    expect(text.startsWith(`# ${page.replace(/\.md$/, '')}\n`)).toBe(true);
    for (const heading of ['## What it means', '## First checks', '## Playbook'])
      expect(text).toContain(heading);
  });

  it.each(pages)('%s names only model fields that exist and npm commands that exist', (page) => {
    const text = readRepoFile(`${RUNBOOKS}/${page}`);
    const model = environment('prod');
    const roots = [
      'alerts',
      'playbooks',
      'services',
      'jobs',
      'slo',
      'postgres',
      'redis',
      'observability',
      'oncall',
      'gitops',
    ];
    const paths = [...text.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z<>.-]+)+)`/g)]
      .map((match) => match[1] ?? '')
      .filter((path) => roots.includes(path.split('.')[0] ?? ''));
    expect(
      paths.filter((path) => !resolves(model, path)),
      page,
    ).toEqual([]);
    const commands = [...text.matchAll(/npm run ([a-z-]+)/g)].map((match) => match[1] ?? '');
    expect(
      commands.filter((command) => !scripts.includes(command)),
      page,
    ).toEqual([]);
  });
});
