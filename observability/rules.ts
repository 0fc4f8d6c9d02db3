// The shapes of Prometheus rule files and promtool unit tests, as the files on disk spell them.
import type { Severity } from '../environments';
import type { NfrId, RecordedName } from '../constructs/contracts';

export type Labels = Readonly<Record<string, string>>;

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  /** Absent when the expression itself carries the window (a rolling hour, a lateness): no `for: 0s` noise. */
  readonly for?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
}

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Labels;
}

export interface RuleGroup<R> {
  readonly name: string;
  readonly rules: readonly R[];
}

export interface RuleFile {
  readonly groups: readonly RuleGroup<AlertingRule | RecordingRule>[];
}

/** One input series of a promtool test, in its expanding notation (`0+10x20`, `5x3 _ 1`). */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

/** What a rule family knows about its own rules: enough to render them and prove them. */
export interface AlertDefinition {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly severity: Severity;
  /** Groups alerts for routing and decides which P1 inhibits which P2 (alertmanager.ts). */
  readonly component: Component;
  readonly nfr: readonly NfrId[];
  /** Labels that tell rules of one alert apart (service, job, dataset); also their alerts' identity. */
  readonly identity?: Labels;
  readonly summary: string;
  readonly description: string;
  /** PromQL of the staging baseline series a responder compares with; may use {{ $labels.x }}. */
  readonly baseline: string;
  readonly scenario: AlertScenario;
}

/**
 * Two worlds for a rule's unit tests: `quiet` keeps the signal just on the safe side of the threshold for the
 * whole test, `breach` crosses it. The generated tests prove quiet never fires, breach is pending (not firing)
 * one evaluation before `for` has elapsed and fires, with its exact labels and annotations, once it has.
 */
export interface AlertScenario {
  readonly quiet: readonly InputSeries[];
  readonly breach: readonly InputSeries[];
  /** Seconds into the test at which the breach series first satisfy the expression. */
  readonly breachFrom: number;
  /** Labels the expression's result carries (its `by` clause), as the fired alert shows them. */
  readonly resultLabels: Labels;
  /**
   * Seconds between the input samples when the source is not scraped at the scrape interval (the blackbox probes);
   * rules are still evaluated every scrape interval.
   */
  readonly sampleInterval?: number;
}

export type Component = 'api' | 'cache' | 'database' | 'delivery' | 'synthetic' | 'pipelines' | 'analytics';

/** A recording rule in front of raw series (recorded in constructs/contracts), with its promtool expression test. */
export interface RecordingDefinition {
  readonly record: RecordedName;
  readonly expr: string;
  /** The promises whose alerts read the recorded series (the PrometheusRule object carries them). */
  readonly nfr: readonly NfrId[];
  readonly test: {
    readonly input: readonly InputSeries[];
    readonly evalTime: number;
    readonly expected: readonly { readonly labels: Labels; readonly value: number }[];
  };
}

/** A recording rule with its promtool expression test. */
export interface BaselineDefinition {
  readonly record: string;
  readonly expr: string;
  readonly labels: Labels;
  readonly test: {
    readonly input: readonly InputSeries[];
    readonly evalTime: number;
    readonly expected: readonly { readonly labels: Labels; readonly value: number }[];
  };
}
