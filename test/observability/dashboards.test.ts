// A dashboard lint in the spirit of grafana/dashboard-linter (its rule ids in the test names), plus this
// repository's rule: every panel shows the production series next to its staging baseline, and reads only series
// the metric contract or a baseline recording rule defines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { contractSeries, recordedSeries } from '../../constructs/contracts';
import { DASHBOARD_FOLDER, DASHBOARD_PATH } from '../../observability/dashboards/provisioning';
import { BASELINES_FILE } from '../../observability/render';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { describeRun, PROMTOOL, run } from './support/binaries';
import { rawCounters, seriesIn, windowsIn } from './support/promql';
import {
  environment,
  environmentNames,
  removeTemporaryFolders,
  rendered,
  writeTemp,
  yamlOf,
} from './support/rendered';
import { rulesOf, type RuleGroupFile } from './support/rule-files';

afterAll(removeTemporaryFolders);

interface Target {
  readonly expr: string;
  readonly refId: string;
  readonly legendFormat: string;
}
interface Panel {
  readonly id: number;
  readonly title: string;
  readonly description?: string;
  readonly datasource?: { type: string; uid: string };
  readonly fieldConfig: {
    defaults: { unit?: string; thresholds?: { steps: { value: number | null; color: string }[] } };
  };
  readonly targets: readonly Target[];
}
interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly editable: boolean;
  readonly templating: { list: { type: string; name: string; query: string }[] };
  readonly panels: readonly Panel[];
}

const TITLES = [
  'API Performance',
  'Analytics Pipeline Health',
  'Data Pipelines',
  'Database',
  'Frontend Experience',
  'Infrastructure',
];
const GRAFANA_UNITS: ReadonlySet<string> = new Set<string>(Object.values(units));

describe('seriesIn (the lint rules’ series reader)', () => {
  it('finds selected series and skips functions, labels, ranges and grouping', () => {
    const expr =
      'histogram_quantile(0.95, sum by (le, service) (rate(x_bucket{env="prod", a=~"5.."}[$__rate_interval]))) / on (env) group_left y:z_staging_baseline > bool 3';
    expect(seriesIn(expr)).toEqual(['x_bucket', 'y:z_staging_baseline']);
  });

  it('finds a counter read without rate()', () => {
    expect(rawCounters('sum(a_total{env="prod"}) + rate(b_total[5m])')).toEqual(['a_total']);
  });
});

describe.each(environmentNames())('%s dashboards', (name) => {
  const env = environment(name);
  let files: RenderedFile[] = [];
  let dashboards: Dashboard[] = [];
  let recorded = new Set<string>();
  beforeAll(async () => {
    files = await rendered(name);
    dashboards = files
      .filter((file) => /^observability\/dashboards\/[^/]+\.json$/.test(file.path))
      .map((file) => JSON.parse(file.content) as Dashboard);
    recorded = new Set(
      rulesOf(yamlOf<RuleGroupFile>(files, BASELINES_FILE)).map((rule) => rule.record ?? ''),
    );
  });
  const panels = () =>
    dashboards.flatMap((dashboard) => dashboard.panels.map((panel) => ({ dashboard, panel })));
  const where = (dashboard: Dashboard, panel: Panel) => `${dashboard.uid} / ${panel.title}`;

  it('renders the six runbook dashboards with unique fixed uids, one file each', () => {
    expect(dashboards.map((dashboard) => dashboard.title).sort()).toEqual(TITLES);
    expect(new Set(dashboards.map((dashboard) => dashboard.uid)).size).toBe(6);
    for (const dashboard of dashboards) {
      expect(files.some((file) => file.path === `observability/dashboards/${dashboard.uid}.json`)).toBe(true);
      expect(dashboard.uid).toMatch(/^skillforge-[a-z-]+$/);
      // Stable panel ids: links to one panel survive a re-render.
      expect(dashboard.panels.map((panel) => panel.id)).toEqual(
        dashboard.panels.map((_, index) => index + 1),
      );
    }
  });

  it('template-datasource-rule: exactly one Prometheus datasource variable named datasource', () => {
    for (const dashboard of dashboards) {
      const variables = dashboard.templating.list.filter((variable) => variable.type === 'datasource');
      expect(
        variables.map((variable) => [variable.name, variable.query]),
        dashboard.uid,
      ).toEqual([['datasource', 'prometheus']]);
    }
  });

  it('template-uneditable-rule: dashboards are read-only (they change in Git)', () => {
    for (const dashboard of dashboards) expect(dashboard.editable, dashboard.uid).toBe(false);
  });

  it('panel-title-description-rule and panel-datasource-rule', () => {
    for (const { dashboard, panel } of panels()) {
      expect(panel.title.length, where(dashboard, panel)).toBeGreaterThan(0);
      expect(panel.description?.length ?? 0, where(dashboard, panel)).toBeGreaterThan(0);
      expect(panel.datasource, where(dashboard, panel)).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
  });

  it('panel-units-rule: every panel has a Grafana unit', () => {
    for (const { dashboard, panel } of panels()) {
      expect(GRAFANA_UNITS.has(panel.fieldConfig.defaults.unit ?? ''), where(dashboard, panel)).toBe(true);
    }
  });

  it('panel-no-targets-rule, and every panel shows production next to its staging baseline', () => {
    for (const { dashboard, panel } of panels()) {
      const at = where(dashboard, panel);
      expect(
        panel.targets.map((target) => target.refId),
        at,
      ).toEqual(['A', 'B']);
      const [production, baseline] = panel.targets;
      const productionSeries = seriesIn(production?.expr ?? '');
      expect(productionSeries.length, at).toBeGreaterThan(0);
      expect(
        productionSeries.filter((series) => series.endsWith('_staging_baseline')),
        at,
      ).toEqual([]);
      expect(
        production?.expr.match(/\{[^}]*\}/g)?.every((matchers) => matchers.includes(`env="${name}"`)),
        at,
      ).toBe(true);
      const baselineSeries = seriesIn(baseline?.expr ?? '');
      expect(baselineSeries.length, at).toBe(1);
      expect(recorded.has(baselineSeries[0] ?? ''), `${at}: ${baseline?.expr}`).toBe(true);
      expect(baseline?.expr, at).toContain(`env="${name}"`);
      expect(production?.legendFormat, at).toContain(name);
      expect(baseline?.legendFormat, at).toContain('baseline');
    }
  });

  it('reads only series of the metric contract, recorded in front of it, or of a baseline recording rule', () => {
    const known = new Set([...contractSeries(), ...recordedSeries(), ...recorded]);
    for (const { dashboard, panel } of panels()) {
      for (const target of panel.targets) {
        expect(
          seriesIn(target.expr).filter((series) => !known.has(series)),
          where(dashboard, panel),
        ).toEqual([]);
      }
    }
  });

  it('target-rate-interval-rule: ranges are $__rate_interval or a window of the model', () => {
    const windows = new Set([
      '$__rate_interval',
      env.alerts.syntheticUptime.window,
      env.alerts.failedSyncs.window,
      env.alerts.ingestionBehindBaseline.window,
    ]);
    for (const { dashboard, panel } of panels()) {
      for (const target of panel.targets) {
        expect(
          windowsIn(target.expr).filter((window) => !windows.has(window)),
          where(dashboard, panel),
        ).toEqual([]);
      }
    }
  });

  it('target-counter-agg-rule: counters are read through rate() or increase()', () => {
    for (const { dashboard, panel } of panels()) {
      for (const target of panel.targets)
        expect(rawCounters(target.expr), where(dashboard, panel)).toEqual([]);
    }
  });

  it('target-promql-rule: every target parses (promtool)', async () => {
    const exprs = panels().flatMap(({ panel }) => panel.targets.map((target) => target.expr));
    const rules = exprs.map((expr, index) => ({
      record: `dashboard:target_${index}:check`,
      expr: expr.replaceAll('$__rate_interval', '5m'),
    }));
    const root = await writeTemp([]);
    writeFileSync(join(root, 'targets.yaml'), stringify({ groups: [{ name: 'dashboard-targets', rules }] }));
    const result = run(PROMTOOL, ['check', 'rules', 'targets.yaml'], root);
    expect(result.status, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(`SUCCESS: ${exprs.length} rules found`);
  });

  it('draws the thresholds of the model, on the panels the runbook names', () => {
    const panel = (uid: string, title: string) =>
      dashboards.find((d) => d.uid === uid)?.panels.find((p) => p.title === title);
    const steps = (found: Panel | undefined) =>
      found?.fieldConfig.defaults.thresholds?.steps.map((step) => step.value);
    const search = env.services[env.playbooks.searchLatencySurge.service];
    expect(steps(panel('skillforge-api-performance', 'search_latency_p95'))).toEqual([
      null,
      env.playbooks.searchLatencySurge.recoveredBelowMs / 1000,
      (search?.latencyP95Ms ?? 0) / 1000,
    ]);
    expect(steps(panel('skillforge-api-performance', 'cache_hit_ratio'))).toEqual([
      null,
      env.alerts.cacheHitRatio.minPercent / 100,
    ]);
    // The panel reads the ratio the alert reads, whichever source the environment's Redis has.
    expect(
      panel('skillforge-api-performance', 'cache_hit_ratio')?.targets.map((target) => target.expr),
    ).toEqual([
      `redis:cache_hit_ratio:ratio{env="${name}"}`,
      `redis:cache_hit_ratio:ratio_staging_baseline{env="${name}"}`,
    ]);
    const tti = dashboards
      .find((d) => d.uid === 'skillforge-frontend-experience')
      ?.panels.find((p) => p.title.startsWith('Time to interactive'));
    expect(steps(tti)).toEqual([null, env.slo.frontendTtiSeconds]);
    expect(steps(panel('skillforge-analytics-pipeline', 'Consumer lag, slowest partition'))).toEqual([
      null,
      env.playbooks.analyticsBacklog.revertBelowLagSeconds,
      env.alerts.consumerLag.maxSeconds,
    ]);
    expect(steps(panel('skillforge-database', 'Storage used'))).toEqual([
      null,
      env.alerts.storageUsed.maxPercent / 100,
    ]);
  });

  it('provisions the dashboards from files in one read-only folder', () => {
    const config = yamlOf<{
      providers: { folder: string; allowUiUpdates: boolean; options: { path: string } }[];
    }>(files, 'observability/grafana-dashboards.yaml');
    expect(config.providers).toEqual([
      expect.objectContaining({
        folder: DASHBOARD_FOLDER,
        allowUiUpdates: false,
        options: expect.objectContaining({ path: DASHBOARD_PATH }),
      }),
    ]);
  });
});
