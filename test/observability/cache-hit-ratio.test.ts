// The cache hit ratio of runbook §4.2 exists wherever Redis runs: each environment records it once, from the source
// its redis.mode has (redis_exporter next to an in-cluster Redis, ElastiCache's CacheHits/CacheMisses through the
// CloudWatch exporter where Redis is managed and takes IAM tokens only), and the alert, its staging baseline, the
// panel and the §4.5 playbook read only the recorded series. Changing redis.mode moves the source and its tests.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recorded, redisMemberClusterPattern } from '../../constructs/contracts';
import { ALERTS_FILE, BASELINES_FILE, RECORDING_FILE } from '../../observability/render';
import { ALERT_TESTS, RECORDING_TESTS, type PromtoolTestFile } from '../../observability/tests/promtool';
import { cacheHitRatio } from '../../scripts/ops/observability/queries';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { describeRun, PROMTOOL, requireTool, run } from './support/binaries';
import { seriesIn } from './support/promql';
import {
  environment,
  environmentNames,
  patchedEnvironment,
  removeTemporaryFolders,
  renderOf,
  rendered,
  writeTemp,
  yamlOf,
} from './support/rendered';
import { alertsOf, rulesOf, type RuleGroupFile } from './support/rule-files';

afterAll(removeTemporaryFolders);

const EXPORTER_SERIES = ['redis_keyspace_hits_total', 'redis_keyspace_misses_total'];
const CLOUDWATCH_SERIES = ['aws_elasticache_cache_hits_sum', 'aws_elasticache_cache_misses_sum'];

const recordingOf = (files: readonly RenderedFile[]) => {
  const rules = rulesOf(yamlOf<RuleGroupFile>(files, RECORDING_FILE));
  const rule = rules.find((candidate) => candidate.record === recorded.redisCacheHitRatio);
  if (!rule) throw new Error(`${RECORDING_FILE} records no ${recorded.redisCacheHitRatio}`);
  return rule;
};

describe.each(environmentNames())('%s cache hit ratio', (name) => {
  const env = environment(name);

  it(`records ${recorded.redisCacheHitRatio} from the source redis.mode (${env.redis.mode}) selects`, async () => {
    const rule = recordingOf(await rendered(name));
    expect(rule.labels).toBeUndefined();
    if (env.redis.mode === 'in-cluster') {
      expect(seriesIn(rule.expr)).toEqual(EXPORTER_SERIES);
      expect(rule.expr).toBe(
        `sum by (env) (rate(redis_keyspace_hits_total{env="${name}"}[2m])) / (sum by (env) (rate(redis_keyspace_hits_total{env="${name}"}[2m])) + sum by (env) (rate(redis_keyspace_misses_total{env="${name}"}[2m])))`,
      );
    } else {
      expect(seriesIn(rule.expr)).toEqual(CLOUDWATCH_SERIES);
      // Every member cluster of this environment's replication group, and nothing else in the account.
      const members = (source: string) =>
        `sum by (env) (sum_over_time(${source}{env="${name}", cache_cluster_id=~"${redisMemberClusterPattern(env)}"}[2m]))`;
      const hits = members('aws_elasticache_cache_hits_sum');
      expect(rule.expr).toBe(`${hits} / (${hits} + ${members('aws_elasticache_cache_misses_sum')})`);
    }
  });

  it('is what the alert, the staging baseline, the cache_hit_ratio panel and the playbook read', async () => {
    const files = await rendered(name);
    const alert = alertsOf(yamlOf<RuleGroupFile>(files, ALERTS_FILE)).find(
      (rule) => rule.alert === 'RedisCacheHitRatioLow',
    );
    expect(seriesIn(alert?.expr ?? '')).toEqual([recorded.redisCacheHitRatio]);
    const baseline = rulesOf(yamlOf<RuleGroupFile>(files, BASELINES_FILE)).find(
      (rule) => rule.record === `${recorded.redisCacheHitRatio}_staging_baseline`,
    );
    expect(baseline?.expr).toBe(
      `${recorded.redisCacheHitRatio}{env="${env.observability.baselineEnvironment}"}`,
    );
    expect(cacheHitRatio(env)).toBe(`${recorded.redisCacheHitRatio}{env="${name}"}`);
    // No rule outside the recording file reads a source directly.
    for (const path of [ALERTS_FILE, BASELINES_FILE]) {
      const sources = rulesOf(yamlOf<RuleGroupFile>(files, path)).flatMap((rule) =>
        seriesIn(rule.expr).filter((series) => [...EXPORTER_SERIES, ...CLOUDWATCH_SERIES].includes(series)),
      );
      expect(sources, path).toEqual([]);
    }
  });

  it("feeds the alert's promtool tests from its own source, with the other source breaching in the quiet test", async () => {
    const tests = yamlOf<PromtoolTestFile>(await rendered(name), `observability/${ALERT_TESTS}`).tests.filter(
      (test) => test.name.startsWith('RedisCacheHitRatioLow '),
    );
    const [quiet, firing] = tests.map((test) => test.input_series.map((input) => input.series.split('{')[0]));
    const [own, other] =
      env.redis.mode === 'in-cluster'
        ? [EXPORTER_SERIES, CLOUDWATCH_SERIES]
        : [CLOUDWATCH_SERIES, EXPORTER_SERIES];
    expect(new Set(firing)).toEqual(new Set(own));
    expect(new Set(quiet)).toEqual(new Set([...own, ...other]));
  });
});

describe('changing redis.mode', () => {
  beforeAll(() => requireTool(PROMTOOL));

  it.each([
    ['dev', 'managed', CLOUDWATCH_SERIES],
    ['staging', 'in-cluster', EXPORTER_SERIES],
  ] as const)(
    '%s → %s records from the other source, and only the new tests pass',
    async (name, mode, series) => {
      const before = await rendered(name);
      const after = await renderOf(patchedEnvironment(name, { redis: { mode } }));
      expect(seriesIn(recordingOf(after).expr)).toEqual(series);
      // The alert that reads the record does not change (only its description names the new source).
      const alertOf = (files: readonly RenderedFile[]) => {
        const alert = alertsOf(yamlOf<RuleGroupFile>(files, ALERTS_FILE)).find(
          (rule) => rule.alert === 'RedisCacheHitRatioLow',
        );
        return { expr: alert?.expr, for: alert?.for, labels: alert?.labels };
      };
      expect(alertOf(after)).toEqual(alertOf(before));
      const tests = [ALERT_TESTS, RECORDING_TESTS].map((path) => join('observability', path));
      const fresh = run(PROMTOOL, ['test', 'rules', ...tests], await writeTemp(after));
      expect(fresh.status, describeRun(fresh)).toBe(0);
      // The old tests feed the old source: against the new rules, the record and the alert both miss.
      const stale = await writeTemp(after);
      const old = await writeTemp(before);
      mkdirSync(join(stale, 'observability', 'tests'), { recursive: true });
      for (const path of tests) copyFileSync(join(old, path), join(stale, path));
      const result = run(PROMTOOL, ['test', 'rules', ...tests], stale);
      expect(result.status, describeRun(result)).toBe(1);
      expect(result.stderr).toContain(`expr: "${recorded.redisCacheHitRatio}"`);
      expect(new Set([...result.stderr.matchAll(/alertname: (\w+)/g)].map((match) => match[1]))).toEqual(
        new Set(['RedisCacheHitRatioLow']),
      );
    },
  );
});
