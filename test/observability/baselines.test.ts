// The `…_staging_baseline` recording rules (runbook §4.4): named level:metric:operations, computed from the baseline
// environment's series only, labelled for the environment that compares with them, and each one unit-tested.
import { describe, expect, it } from 'vitest';
import { baselineOf, signal } from '../../observability/baselines';
import { BASELINES_FILE } from '../../observability/render';
import { BASELINE_TESTS, type PromtoolTestFile } from '../../observability/tests/promtool';
import { environment, environmentNames, rendered, yamlOf } from './support/rendered';
import { rulesOf, type RuleGroupFile } from './support/rule-files';

const LEVEL_METRIC_OPERATIONS = /^[a-z][a-z_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*_staging_baseline$/;

describe.each(environmentNames())('%s baselines', (name) => {
  const env = environment(name);
  const baselineEnv = env.observability.baselineEnvironment;
  const load = async () => {
    const files = await rendered(name);
    return {
      rules: rulesOf(yamlOf<RuleGroupFile>(files, BASELINES_FILE)),
      tests: yamlOf<PromtoolTestFile>(files, `observability/${BASELINE_TESTS}`),
    };
  };

  it('records every compared signal, including the ones runbook §4.4 names', async () => {
    const { rules } = await load();
    const records = rules.map((rule) => rule.record);
    expect([...records].sort()).toEqual(Object.values(signal).map(baselineOf).sort());
    expect(records).toContain('frontend:tti_seconds:max_staging_baseline');
    expect(records).toContain('frontend:cls_score:avg_staging_baseline');
    // Kubernetes capacity baselines.
    for (const capacity of [
      'cluster:cpu_requests:ratio_allocatable_staging_baseline',
      'cluster:memory_requests:ratio_allocatable_staging_baseline',
      'cluster:kube_node_ready:count_staging_baseline',
      'namespace:container_cpu_usage_seconds:sum_rate_staging_baseline',
      'namespace:container_memory_working_set_bytes:sum_staging_baseline',
      'horizontalpodautoscaler:replicas:ratio_max_staging_baseline',
    ]) {
      expect(records).toContain(capacity);
    }
  });

  it('names every rule level:metric:operations and records no alert', async () => {
    const { rules } = await load();
    for (const rule of rules) {
      expect(rule.alert).toBeUndefined();
      expect(rule.record).toMatch(LEVEL_METRIC_OPERATIONS);
    }
  });

  it(`reads only ${baselineEnv} series and labels the result env="${name}"`, async () => {
    const { rules } = await load();
    for (const rule of rules) {
      const selectors = rule.expr.match(/[a-zA-Z0-9_:]+\{[^}]*\}/g) ?? [];
      expect(selectors.length, rule.record).toBeGreaterThan(0);
      expect(
        selectors.filter((selector) => !selector.includes(`env="${baselineEnv}"`)),
        rule.record,
      ).toEqual([]);
      expect(rule.labels, rule.record).toEqual({ env: name });
    }
  });

  it('unit-tests every rule with an exact expected value', async () => {
    const { rules, tests } = await load();
    for (const rule of rules) {
      const own = tests.tests.filter((test) =>
        test.promql_expr_test?.some((check) => check.expr === rule.record),
      );
      expect(own.length, rule.record).toBe(1);
      const samples = own[0]?.promql_expr_test?.[0]?.exp_samples ?? [];
      expect(samples.length, rule.record).toBeGreaterThan(0);
      for (const sample of samples) {
        expect(sample.labels, rule.record).toMatch(new RegExp(`^${rule.record}\\{.*env="${name}"`));
        expect(Number.isFinite(sample.value), rule.record).toBe(true);
      }
      // Every test feeds a decoy from another environment that the rule must ignore.
      const inputs = own[0]?.input_series.map((input) => input.series) ?? [];
      expect(
        inputs.some((series) => !series.includes(`env="${baselineEnv}"`)),
        rule.record,
      ).toBe(true);
    }
  });
});
