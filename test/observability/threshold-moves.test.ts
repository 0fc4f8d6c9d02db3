// One number changed in the model moves the rule and its tests together: the re-rendered tests pass against the
// re-rendered rules, and the old tests fail against them (so the tests really pin the thresholds).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_FILE, BASELINES_FILE, renderObservability } from '../../observability/render';
import { ALERT_TESTS, BASELINE_TESTS } from '../../observability/tests/promtool';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { describeRun, PROMTOOL, requireTool, run } from './support/binaries';
import {
  content,
  environment,
  patchedEnvironment,
  removeTemporaryFolders,
  renderOf,
  rendered,
  writeTemp,
  yamlOf,
} from './support/rendered';
import { alertsOf, rulesOf, type RuleGroupFile } from './support/rule-files';

afterAll(removeTemporaryFolders);

const alert = (files: readonly RenderedFile[], name: string, service?: string) => {
  const rules = alertsOf(yamlOf<RuleGroupFile>(files, ALERTS_FILE)).filter(
    (rule) => rule.alert === name && (service === undefined || rule.labels?.service === service),
  );
  if (rules.length === 0) throw new Error(`no alert ${name} ${service ?? ''}`);
  return rules;
};

describe('changing thresholds in the prod model', () => {
  const patch = {
    alerts: { queueDepth: { maxJobs: 750 }, etlDelay: { maxLateHours: 3 } },
    services: { 'search-api': { latencyP95Ms: 400 } },
  };
  let before: RenderedFile[] = [];
  let after: RenderedFile[] = [];
  let root = '';
  beforeAll(async () => {
    requireTool(PROMTOOL);
    before = await rendered('prod');
    after = await renderOf(patchedEnvironment('prod', patch));
    root = await writeTemp(after);
  });

  it('moves the rules', () => {
    expect(alert(before, 'QueueDepthHigh')[0]?.expr).toMatch(/ > 500$/);
    expect(alert(after, 'QueueDepthHigh')[0]?.expr).toMatch(/ > 750$/);
    expect(alert(before, 'ServiceLatencyP95AboveTarget', 'search-api')[0]?.expr).toMatch(/ > 0\.35$/);
    expect(alert(after, 'ServiceLatencyP95AboveTarget', 'search-api')[0]?.expr).toMatch(/ > 0\.4$/);
    // (24 h interval + 3 h late) × 3600 for every ETL job.
    expect(alert(after, 'EtlJobLate').map((rule) => rule.expr.split(' > ')[1])).toEqual([
      '97200',
      '97200',
      '97200',
    ]);
  });

  it('moves the tests', () => {
    const tests = content(after, `observability/${ALERT_TESTS}`);
    expect(tests).toContain('skillforge_queue_depth{env="prod", queue="enrichment"}');
    expect(tests).toContain('values: 750x');
    expect(tests).toContain('values: 751x');
    expect(tests).not.toContain('values: 501x');
    expect(tests).toContain('summary: search-api P95 latency is above its 400 ms objective');
  });

  it('passes promtool with the new rules and the new tests', () => {
    const check = run(
      PROMTOOL,
      ['check', 'rules', '--lint=all', '--lint-fatal', ALERTS_FILE, BASELINES_FILE],
      root,
    );
    expect(check.status, describeRun(check)).toBe(0);
    const tests = run(PROMTOOL, ['test', 'rules', join('observability', ALERT_TESTS)], root);
    expect(tests.status, describeRun(tests)).toBe(0);
  });

  it('fails the old tests against the new rules, on exactly the alerts that moved', async () => {
    const stale = await writeTemp(after);
    const oldTests = await writeTemp(before);
    mkdirSync(join(stale, 'observability', 'tests'), { recursive: true });
    copyFileSync(join(oldTests, 'observability', ALERT_TESTS), join(stale, 'observability', ALERT_TESTS));
    const result = run(PROMTOOL, ['test', 'rules', join('observability', ALERT_TESTS)], stale);
    expect(result.status, describeRun(result)).toBe(1);
    const failing = [...result.stderr.matchAll(/alertname: (\w+)/g)].map((match) => match[1]);
    expect(new Set(failing)).toEqual(
      new Set(['QueueDepthHigh', 'ServiceLatencyP95AboveTarget', 'EtlJobLate']),
    );
  });
});

describe("changing the baseline environment's model", () => {
  it('moves the baseline rules of every environment that compares with it, and their tests', async () => {
    requireTool(PROMTOOL);
    const staging = patchedEnvironment('staging', { postgres: { allocatedStorageGb: 64 } });
    const files = await renderObservability(environment('prod'), staging);
    const storage = rulesOf(yamlOf<RuleGroupFile>(files, BASELINES_FILE)).find(
      (rule) => rule.record === 'rds:storage_used:ratio_staging_baseline',
    );
    expect(storage?.expr).toBe(
      `1 - min(aws_rds_free_storage_space_minimum{env="staging"}) / ${64 * 1024 ** 3}`,
    );
    const root = await writeTemp(files);
    const result = run(PROMTOOL, ['test', 'rules', join('observability', BASELINE_TESTS)], root);
    expect(result.status, describeRun(result)).toBe(0);
  });
});
