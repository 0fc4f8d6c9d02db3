// What every generated alert must carry, and that its numbers are the model's: the runbook's P1/P2 severities, NFR
// provenance, the four annotations, a runbook page that exists, a staging baseline that is recorded, selectors
// scoped to the environment, and a pair of promtool tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobsOf, nfrIds, postgresReplicaCount, servicesOf } from '../../constructs/contracts';
import { ALERTS_FILE, BASELINES_FILE } from '../../observability/render';
import { ALERT_TESTS, IDENTITY_ORDER, type PromtoolTestFile } from '../../observability/tests/promtool';
import { durationSeconds } from './support/durations';
import { environment, environmentNames, rendered, repoRoot, yamlOf } from './support/rendered';
import { alertsOf, rulesOf, type Rule, type RuleGroupFile } from './support/rule-files';

const ALL_ALERTS = [
  'AnalyticsConsumerLagHigh',
  'AnalyticsIngestionBehindBaseline',
  'ApiErrorRateHigh',
  'ArgoCdSyncFailing',
  'DatasetStale',
  'EtlJobLate',
  'PostgresReplicationLagHigh',
  'PostgresStorageUsageHigh',
  'QueueDepthHigh',
  'RedisCacheHitRatioLow',
  'ServiceLatencyP95AboveTarget',
  'SyntheticUptimeLow',
];

const threshold = (rule: Rule | undefined): number => Number(rule?.expr.split(/ [<>] /).pop());

describe.each(environmentNames())('%s alerts', (name) => {
  const env = environment(name);
  const load = async () => {
    const files = await rendered(name);
    return {
      alerts: alertsOf(yamlOf<RuleGroupFile>(files, ALERTS_FILE)),
      baselines: rulesOf(yamlOf<RuleGroupFile>(files, BASELINES_FILE)),
      tests: yamlOf<PromtoolTestFile>(files, `observability/${ALERT_TESTS}`),
    };
  };
  const find = (alerts: Rule[], alert: string, label?: [string, string]) =>
    alerts.find(
      (rule) => rule.alert === alert && (label === undefined || rule.labels?.[label[0]] === label[1]),
    );

  it('renders every runbook alert the model calls for', async () => {
    const { alerts } = await load();
    const expected = ALL_ALERTS.filter(
      (alert) =>
        (alert !== 'AnalyticsIngestionBehindBaseline' || name !== env.observability.baselineEnvironment) &&
        (alert !== 'PostgresReplicationLagHigh' || postgresReplicaCount(env) > 0),
    );
    expect([...new Set(alerts.map((rule) => rule.alert))].sort()).toEqual(expected);
  });

  it('labels every alert with a P1/P2 severity, a component and known NFR ids', async () => {
    const { alerts } = await load();
    for (const rule of alerts) {
      expect(['P1', 'P2'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.labels?.component, rule.alert).toMatch(/^[a-z]+$/);
      const ids = rule.labels?.nfr?.split(',') ?? [];
      expect(ids.length, rule.alert).toBeGreaterThan(0);
      expect(
        ids.filter((id) => !(nfrIds as readonly string[]).includes(id)),
        rule.alert,
      ).toEqual([]);
      expect(
        Object.values(rule.labels ?? {}).join(' '),
        `${rule.alert}: $value in a label changes its identity`,
      ).not.toContain('$value');
    }
  });

  it('annotates every alert with summary, description, a runbook page that exists and its staging baseline', async () => {
    const { alerts, baselines } = await load();
    const recorded = new Set(baselines.map((rule) => rule.record));
    const repository = env.gitops.repoUrl.replace(/\.git$/, '');
    for (const rule of alerts) {
      const annotations = rule.annotations ?? {};
      expect(Object.keys(annotations).sort(), rule.alert).toEqual([
        'description',
        'runbook_url',
        'staging_baseline',
        'summary',
      ]);
      const page = `docs/runbooks/alerts/${rule.alert}.md`;
      expect(annotations.runbook_url).toBe(`${repository}/blob/${env.gitops.targetRevision}/${page}`);
      expect(existsSync(join(repoRoot, page)), page).toBe(true);
      const baseline = /^([a-zA-Z0-9_:]+)\{(.*)\}$/.exec(annotations.staging_baseline ?? '');
      expect(recorded.has(baseline?.[1]), `${rule.alert}: ${annotations.staging_baseline}`).toBe(true);
      expect(baseline?.[2], rule.alert).toContain(`env="${name}"`);
    }
  });

  it("scopes every selector to this environment's series", async () => {
    const { alerts } = await load();
    for (const rule of alerts) {
      const selectors = rule.expr.match(/[a-zA-Z0-9_:]+\{[^}]*\}/g) ?? [];
      expect(selectors.length, rule.alert).toBeGreaterThan(0);
      expect(
        selectors.filter((selector) => !selector.includes(`env="${name}"`)),
        rule.alert,
      ).toEqual([]);
    }
  });

  it('reads every threshold and severity from the model', async () => {
    const { alerts } = await load();
    const { alerts: a } = env;
    expect(threshold(find(alerts, 'ApiErrorRateHigh'))).toBe(a.apiErrorRate.maxPercent / 100);
    expect(find(alerts, 'ApiErrorRateHigh')?.for).toBe(a.apiErrorRate.for);
    for (const service of servicesOf(env).filter((s) => s.latencyP95Ms !== undefined)) {
      const rule = find(alerts, 'ServiceLatencyP95AboveTarget', ['service', service.name]);
      expect(threshold(rule), service.name).toBe((service.latencyP95Ms ?? 0) / 1000);
      expect(rule?.labels?.severity, service.name).toBe(service.latencyAlertSeverity);
      expect(rule?.for).toBe(a.latency.for);
    }
    expect(threshold(find(alerts, 'QueueDepthHigh'))).toBe(a.queueDepth.maxJobs);
    expect(threshold(find(alerts, 'ArgoCdSyncFailing'))).toBe(a.failedSyncs.maxFailures);
    expect(find(alerts, 'ArgoCdSyncFailing')?.expr).toContain(`[${a.failedSyncs.window}]`);
    expect(threshold(find(alerts, 'RedisCacheHitRatioLow'))).toBe(a.cacheHitRatio.minPercent / 100);
    expect(find(alerts, 'RedisCacheHitRatioLow')?.expr).toBe(
      `redis:cache_hit_ratio:ratio{env="${name}"} < ${a.cacheHitRatio.minPercent / 100}`,
    );
    expect(find(alerts, 'RedisCacheHitRatioLow')?.for).toBe(a.cacheHitRatio.for);
    expect(threshold(find(alerts, 'PostgresStorageUsageHigh'))).toBe(a.storageUsed.maxPercent / 100);
    expect(find(alerts, 'PostgresStorageUsageHigh')?.expr).toContain(
      ` / ${env.postgres.allocatedStorageGb * 1024 ** 3} `,
    );
    expect(threshold(find(alerts, 'SyntheticUptimeLow'))).toBe(a.syntheticUptime.minPercent / 100);
    expect(find(alerts, 'SyntheticUptimeLow')?.expr).toContain(`[${a.syntheticUptime.window}]`);
    for (const job of jobsOf(env).filter((j) => j.expectedIntervalHours !== undefined)) {
      const rule = find(alerts, 'EtlJobLate', ['job', job.name]);
      expect(threshold(rule), job.name).toBe(
        ((job.expectedIntervalHours ?? 0) + a.etlDelay.maxLateHours) * 3600,
      );
    }
    for (const job of jobsOf(env).filter((j) => j.refreshesDataset !== undefined)) {
      const rule = find(alerts, 'DatasetStale', ['dataset', job.refreshesDataset ?? '']);
      expect(threshold(rule), job.name).toBe(a.dataFreshness.maxAgeHours * 3600);
      expect(rule?.labels?.job).toBe(job.name);
    }
    expect(threshold(find(alerts, 'AnalyticsConsumerLagHigh'))).toBe(a.consumerLag.maxSeconds);
    const severities: [string, string][] = [
      ['ApiErrorRateHigh', a.apiErrorRate.severity],
      ['QueueDepthHigh', a.queueDepth.severity],
      ['ArgoCdSyncFailing', a.failedSyncs.severity],
      ['RedisCacheHitRatioLow', a.cacheHitRatio.severity],
      ['PostgresStorageUsageHigh', a.storageUsed.severity],
      ['SyntheticUptimeLow', a.syntheticUptime.severity],
      ['EtlJobLate', a.etlDelay.severity],
      ['DatasetStale', a.dataFreshness.severity],
      ['AnalyticsConsumerLagHigh', a.consumerLag.severity],
    ];
    for (const [alert, severity] of severities)
      expect(find(alerts, alert)?.labels?.severity, alert).toBe(severity);
  });

  it('gives every alert rule a quiet test and a firing test, and checks the firing one at the for boundary', async () => {
    const { alerts, tests } = await load();
    for (const rule of alerts) {
      const identity = IDENTITY_ORDER.flatMap((label) => rule.labels?.[label] ?? []);
      const alertName = rule.alert ?? '';
      const named = identity.length === 0 ? alertName : `${alertName} (${identity.join(', ')})`;
      const own = tests.tests.filter((test) => test.name.startsWith(`${named} `));
      expect(
        own.map((test) => test.name.slice(named.length + 1).split(' ')[0]),
        named,
      ).toEqual(['stays', 'fires']);
      const [quiet, firing] = own;
      expect(
        quiet?.alert_rule_test?.every((check) => check.exp_alerts === undefined),
        named,
      ).toBe(true);
      const checks = firing?.alert_rule_test ?? [];
      expect(
        checks.map((check) => check.exp_alerts?.length ?? 0),
        named,
      ).toEqual([0, 1]);
      // Quiet one evaluation before it fires, and it cannot fire before its `for` has passed.
      const [pendingAt, fireAt] = checks.map((check) => durationSeconds(check.eval_time));
      expect((fireAt ?? 0) - (pendingAt ?? 0), named).toBe(env.observability.scrapeIntervalSeconds);
      if (rule.for !== undefined) expect(fireAt, named).toBeGreaterThanOrEqual(durationSeconds(rule.for));
      expect(checks[1]?.exp_alerts?.[0]?.exp_labels.severity).toBe(rule.labels?.severity);
      expect(Object.keys(checks[1]?.exp_alerts?.[0]?.exp_annotations ?? {}).sort()).toEqual(
        Object.keys(rule.annotations ?? {}).sort(),
      );
    }
  });

  it("passes pint's offline checks alerts/comparison, alerts/for, promql/regexp and promql/fragile", async () => {
    const { alerts } = await load();
    for (const rule of alerts) {
      expect(rule.expr, `${rule.alert}: alerts/comparison`).toMatch(/ [<>] [0-9.]+$/);
      if (rule.for !== undefined)
        expect(durationSeconds(rule.for), `${rule.alert}: alerts/for`).toBeGreaterThan(0);
      for (const [, pattern] of rule.expr.matchAll(/=~"([^"]*)"/g)) {
        expect(pattern, `${rule.alert}: promql/regexp (a regex with no regex in it)`).toMatch(/[|.*+?[\]\\]/);
      }
      expect(rule.expr, `${rule.alert}: promql/fragile`).not.toMatch(/\b(topk|bottomk)\(/);
    }
  });

  it('uses rate windows of at least two scrape intervals (pint promql/rate)', async () => {
    const { alerts, baselines } = await load();
    const minimum = 2 * env.observability.scrapeIntervalSeconds;
    for (const rule of [...alerts, ...baselines]) {
      for (const [, window] of rule.expr.matchAll(/\((?:rate|increase)\([^[]*\[(\w+)\]/g)) {
        expect(
          durationSeconds(window ?? ''),
          `${rule.alert ?? rule.record}: [${window}]`,
        ).toBeGreaterThanOrEqual(minimum);
      }
    }
  });
});
