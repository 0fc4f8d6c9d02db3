// How a baseline recording rule is put together: the signal computed over the baseline environment's series,
// stored under `<signal>_staging_baseline` with `env` set to the environment that compares itself with it.
import type { RuleContext } from '../context';
import { seconds } from '../promql';
import type { BaselineDefinition, InputSeries, Labels } from '../rules';
import { samplesUntil } from '../tests/series';
import { baselineOf, type Signal } from './names';

/**
 * Every environment records its own copy from the baseline environment's data, labelled with its own `env`, so
 * the copies never collide in the shared Prometheus and `x{env="prod"}` matches `x_staging_baseline{env="prod"}`
 * label for label (docs/decisions/observability-rule-evaluation.md).
 */
export function baselineRule(
  ctx: RuleContext,
  name: Signal,
  expr: string,
  test: {
    input: readonly InputSeries[];
    evalTime: number;
    expected: readonly { labels: Labels; value: number }[];
  },
): BaselineDefinition {
  const labels = { env: ctx.env.name };
  return {
    record: baselineOf(name),
    expr,
    labels,
    test: {
      input: test.input,
      evalTime: test.evalTime,
      expected: test.expected.map((sample) => ({
        labels: { ...sample.labels, ...labels },
        value: sample.value,
      })),
    },
  };
}

/**
 * Series the baseline must ignore: the compared environment's own data (or, for the baseline environment itself,
 * a made-up one). A rule that forgot its `env` matcher would add them in and miss its expected value.
 */
export const decoyScope = (ctx: RuleContext): Labels => ({
  env: ctx.env.name === ctx.baselineEnv.name ? `not-${ctx.env.name}` : ctx.env.name,
});

/** When a windowed baseline is tested: exactly one window after the first sample, so the window is full. */
export const fullWindow = (window: string): number => seconds(window);

export const sampleCount = (ctx: RuleContext, evalTime: number): number =>
  samplesUntil(evalTime, ctx.interval);
