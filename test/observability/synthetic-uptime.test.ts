// SyntheticUptimeLow (runbook §4.2 "synthetic uptime < 99.5 % rolling hour, P1") must not page on one failed probe:
// the probes run every observability.probeIntervalSeconds, often enough that a single failure per window stays above
// the threshold (rule probe-interval-tolerates-one-failure), and the generated promtool tests prove one failure
// quiet and the next one firing, at the probe interval, for every interval the rule accepts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_FILE } from '../../observability/render';
import { ALERT_TESTS, type PromtoolTestFile } from '../../observability/tests/promtool';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { describeRun, PROMTOOL, requireTool, run } from './support/binaries';
import { durationSeconds } from './support/durations';
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
import { alertsOf, type RuleGroupFile } from './support/rule-files';

afterAll(removeTemporaryFolders);

/** The two SyntheticUptimeLow tests: their input interval and how many probes fail in each. */
function scenarios(files: readonly RenderedFile[]) {
  const tests = yamlOf<PromtoolTestFile>(files, `observability/${ALERT_TESTS}`).tests.filter((test) =>
    test.name.startsWith('SyntheticUptimeLow '),
  );
  const failed = (values: string) =>
    [...values.matchAll(/(?:^| )0(?:x(\d+))?(?= |$)/g)].reduce(
      (sum, [, more]) => sum + 1 + Number(more ?? 0),
      0,
    );
  return tests.map((test) => ({
    name: test.name,
    interval: durationSeconds(test.interval),
    failed: failed(test.input_series[0]?.values ?? ''),
  }));
}

describe.each(environmentNames())('%s synthetic uptime', (name) => {
  const env = environment(name);
  const { minPercent, window } = env.alerts.syntheticUptime;

  it('probes often enough that one failed probe per window stays above the threshold and two do not', () => {
    const probes = durationSeconds(window) / env.observability.probeIntervalSeconds;
    expect(env.observability.probeIntervalSeconds).toBe(10);
    expect(probes).toBe(360);
    expect(((probes - 1) / probes) * 100).toBeGreaterThanOrEqual(minPercent);
    expect(((probes - 2) / probes) * 100).toBeLessThan(minPercent);
    // What the probes used to do: one probe per scrape interval, and a single failure paged P1.
    const scraped = durationSeconds(window) / env.observability.scrapeIntervalSeconds;
    expect(((scraped - 1) / scraped) * 100).toBeLessThan(minPercent);
  });

  it('tests one failed probe quiet and two firing, sampled at the probe interval', async () => {
    const files = await rendered(name);
    expect(scenarios(files)).toEqual([
      expect.objectContaining({ name: expect.stringContaining('stays quiet'), interval: 10, failed: 1 }),
      expect.objectContaining({ name: expect.stringContaining('fires'), interval: 10, failed: 2 }),
    ]);
    const alert = alertsOf(yamlOf<RuleGroupFile>(files, ALERTS_FILE)).find(
      (rule) => rule.alert === 'SyntheticUptimeLow',
    );
    expect(alert?.annotations?.description).toContain(
      'at one probe every 10 s, 1 failed probe(s) per window',
    );
  });
});

describe('the longest probe interval the rule accepts', () => {
  beforeAll(() => requireTool(PROMTOOL));

  it('is 18 s for 99.5 % over 1h; 19 s is rejected', () => {
    expect(() => patchedEnvironment('prod', { observability: { probeIntervalSeconds: 19 } })).toThrow(
      'environment "prod": observability.probeIntervalSeconds: got 19; expected at most 18 seconds',
    );
  });

  it('still gets tests that separate one failure from two, although 18 s probes and 30 s evaluations interleave', async () => {
    const files = await renderOf(patchedEnvironment('prod', { observability: { probeIntervalSeconds: 18 } }));
    expect(scenarios(files)).toEqual([
      expect.objectContaining({ interval: 18, failed: 1 }),
      expect.objectContaining({ interval: 18, failed: 2 }),
    ]);
    const result = run(
      PROMTOOL,
      ['test', 'rules', join('observability', ALERT_TESTS)],
      await writeTemp(files),
    );
    expect(result.status, describeRun(result)).toBe(0);
  });
});
