// The generated rule files pass promtool's checks with linting fatal, and the generated unit tests pass: every alert
// stays quiet just under its threshold, waits out its `for`, then fires with its exact labels and annotations;
// every baseline and every recording rule records its exact value. Real promtool (Debian's prometheus package), on a fresh render.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_FILE, BASELINES_FILE, RECORDING_FILE } from '../../observability/render';
import { ALERT_TESTS, BASELINE_TESTS, RECORDING_TESTS } from '../../observability/tests/promtool';
import { describeRun, PROMTOOL, requireTool, run } from './support/binaries';
import { environmentNames, removeTemporaryFolders, rendered, writeTemp, yamlOf } from './support/rendered';
import { rulesOf, type RuleGroupFile } from './support/rule-files';

afterAll(removeTemporaryFolders);

beforeAll(() => requireTool(PROMTOOL));

describe.each(environmentNames())('%s', (name) => {
  let root = '';
  let ruleCounts: [string, number][] = [];
  beforeAll(async () => {
    const files = await rendered(name);
    root = await writeTemp(files);
    ruleCounts = [ALERTS_FILE, BASELINES_FILE, RECORDING_FILE].map((path) => [
      path,
      rulesOf(yamlOf<RuleGroupFile>(files, path)).length,
    ]);
  });

  it('passes promtool check rules --lint=all --lint-fatal', () => {
    const result = run(
      PROMTOOL,
      ['check', 'rules', '--lint=all', '--lint-fatal', ALERTS_FILE, BASELINES_FILE, RECORDING_FILE],
      root,
    );
    expect(result.status, describeRun(result)).toBe(0);
    for (const [path, count] of ruleCounts) {
      expect(result.stdout).toContain(`Checking ${path}\n  SUCCESS: ${count} rules found`);
    }
  });

  it('passes promtool test rules for every alert, every baseline and every recording rule', () => {
    const tests = [ALERT_TESTS, BASELINE_TESTS, RECORDING_TESTS].map((path) => join('observability', path));
    const result = run(PROMTOOL, ['test', 'rules', ...tests], root);
    expect(result.status, describeRun(result)).toBe(0);
    expect(result.stdout.match(/SUCCESS/g)?.length, describeRun(result)).toBe(3);
  });
});
