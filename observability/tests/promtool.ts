// promtool unit tests generated from the same definitions as the rules (promtool 2.42's format: no
// fuzzy_compare, no start_timestamp). For every alert: quiet just under its threshold (and blind to another
// environment's breach), pending one evaluation before `for` has elapsed, firing with its exact labels and
// annotations once it has. For every baseline: its exact recorded value from baseline-environment inputs. For every
// recording rule in front of raw series: its exact value from the environment's own source.
import { expandTemplate, staticLabels, toAlertingRule } from '../alerts/define';
import type { ObservabilityModel } from '../model';
import { duration, seconds } from '../promql';
import type { AlertDefinition, InputSeries, Labels } from '../rules';
import { seriesName } from './series';

export const ALERT_TESTS = 'tests/alerts.yaml';
export const BASELINE_TESTS = 'tests/baselines.yaml';
export const RECORDING_TESTS = 'tests/recording-rules.yaml';
/** Paths of the rule files as the test files see them (promtool resolves them relative to the test file). */
export const RULE_FILES = {
  alerts: '../prometheus-alerts.yaml',
  baselines: '../prometheus-baselines.yaml',
  recording: '../prometheus-recording-rules.yaml',
};

interface AlertExpectation {
  readonly exp_labels: Labels;
  readonly exp_annotations: Labels;
}

interface PromtoolTest {
  readonly name: string;
  readonly interval: string;
  readonly input_series: readonly InputSeries[];
  readonly alert_rule_test?: readonly {
    eval_time: string;
    alertname: string;
    exp_alerts?: readonly AlertExpectation[];
  }[];
  readonly promql_expr_test?: readonly {
    expr: string;
    eval_time: string;
    exp_samples: readonly { labels: string; value: number }[];
  }[];
}

export interface PromtoolTestFile {
  readonly rule_files: readonly string[];
  readonly evaluation_interval: string;
  readonly group_eval_order: readonly string[];
  readonly tests: readonly PromtoolTest[];
}

const at = (totalSeconds: number): string => (totalSeconds === 0 ? '0s' : duration(totalSeconds));

/** Rules are evaluated every `step` seconds from 0: the first evaluation at or after `time`. */
const onGrid = (time: number, step: number): number => Math.ceil(time / step) * step;

/** Another environment's name for the same series: a rule without its `env` matcher would fire on it. */
const foreign = (env: string): string => `not-${env}`;

function decoys(env: string, breach: readonly InputSeries[]): InputSeries[] {
  const own = `env=${JSON.stringify(env)}`;
  return breach
    .filter((input) => input.series.includes(own))
    .map((input) => ({ ...input, series: input.series.replace(own, `env=${JSON.stringify(foreign(env))}`) }));
}

/** Test names tell the rules of one alert apart by what they watch: "EtlJobLate (onet-refresh)". */
export const IDENTITY_ORDER = ['service', 'dataset', 'job'] as const;

function describe(definition: AlertDefinition): string {
  const identity = IDENTITY_ORDER.flatMap((name) => definition.identity?.[name] ?? []);
  return identity.length === 0 ? definition.alert : `${definition.alert} (${identity.join(', ')})`;
}

function alertTests(model: ObservabilityModel, definition: AlertDefinition): PromtoolTest[] {
  const { env, interval } = model.ctx;
  const { scenario } = definition;
  const activeAt = onGrid(scenario.breachFrom, interval);
  const fireAt = onGrid(activeAt + (definition.for === undefined ? 0 : seconds(definition.for)), interval);
  const pendingAt = fireAt - interval;
  if (pendingAt < 0)
    throw new Error(`${definition.alert}: the scenario must not breach at the first evaluation`);
  const labels = { ...scenario.resultLabels, ...staticLabels(definition) };
  const rule = toAlertingRule(env, definition);
  const annotations = Object.fromEntries(
    Object.entries(rule.annotations).map(([name, text]) => [name, expandTemplate(text, labels)]),
  );
  const waiting = definition.for === undefined ? 'crosses the threshold' : `has held for ${definition.for}`;
  const samples = scenario.sampleInterval ?? interval;
  return [
    {
      name: `${describe(definition)} stays quiet just under its threshold and ignores other environments`,
      interval: at(samples),
      input_series: [...scenario.quiet, ...decoys(env.name, scenario.breach)],
      alert_rule_test: [{ eval_time: at(fireAt), alertname: definition.alert }],
    },
    {
      name: `${describe(definition)} fires only once the breach ${waiting}`,
      interval: at(samples),
      input_series: scenario.breach,
      alert_rule_test: [
        { eval_time: at(pendingAt), alertname: definition.alert },
        {
          eval_time: at(fireAt),
          alertname: definition.alert,
          exp_alerts: [{ exp_labels: labels, exp_annotations: annotations }],
        },
      ],
    },
  ];
}

export function alertTestFile(model: ObservabilityModel): PromtoolTestFile {
  return {
    // The alerts read recorded series: their scenarios feed the raw sources, so each test proves the whole chain.
    rule_files: [RULE_FILES.alerts, RULE_FILES.baselines, RULE_FILES.recording],
    evaluation_interval: at(model.ctx.interval),
    // Recordings and baselines first, so an alert reads the values recorded at the same evaluation.
    group_eval_order: [
      ...model.recordingGroups.map((group) => group.name),
      ...model.baselineGroups.map((group) => group.name),
      ...model.alertGroups.map((group) => group.name),
    ],
    tests: model.alertGroups.flatMap((group) =>
      group.alerts.flatMap((definition) => alertTests(model, definition)),
    ),
  };
}

export function baselineTestFile(model: ObservabilityModel): PromtoolTestFile {
  const { env, baselineEnv, interval } = model.ctx;
  return {
    rule_files: [RULE_FILES.baselines],
    evaluation_interval: at(interval),
    group_eval_order: model.baselineGroups.map((group) => group.name),
    tests: model.baselineGroups.flatMap((group) =>
      group.baselines.map((baseline) => ({
        name: `${baseline.record} records ${env.name}'s baseline from ${baselineEnv.name} series only`,
        interval: at(interval),
        input_series: baseline.test.input,
        promql_expr_test: [
          {
            expr: baseline.record,
            eval_time: at(baseline.test.evalTime),
            exp_samples: baseline.test.expected.map((sample) => ({
              labels: seriesName(baseline.record, sample.labels),
              value: sample.value,
            })),
          },
        ],
      })),
    ),
  };
}

/** The exact value of every recording rule from its own source's series, blind to the decoys next to them. */
export function recordingTestFile(model: ObservabilityModel): PromtoolTestFile {
  const { env, interval } = model.ctx;
  return {
    rule_files: [RULE_FILES.recording],
    evaluation_interval: at(interval),
    group_eval_order: model.recordingGroups.map((group) => group.name),
    tests: model.recordingGroups.flatMap((group) =>
      group.recordings.map((recording) => ({
        name: `${recording.record} records ${env.name}'s value from its own source only`,
        interval: at(interval),
        input_series: recording.test.input,
        promql_expr_test: [
          {
            expr: recording.record,
            eval_time: at(recording.test.evalTime),
            exp_samples: recording.test.expected.map((sample) => ({
              labels: seriesName(recording.record, sample.labels),
              value: sample.value,
            })),
          },
        ],
      })),
    ),
  };
}
