// Small, pure helpers for writing PromQL from the model: selectors, durations and numbers, so no rule carries a
// hand-typed window or threshold.
import { durationSeconds, type EnvConfig } from '../environments';

export type Matchers = Readonly<Record<string, string>>;

const quote = (value: string): string => JSON.stringify(value);

/** `metric{a="x", b=~"y", c!=""}`: equality, regex, then negative matchers, each in the order given. */
export function selector(
  metric: string,
  equal: Matchers = {},
  regex: Matchers = {},
  notEqual: Matchers = {},
): string {
  const parts = [
    ...Object.entries(equal).map(([name, value]) => `${name}=${quote(value)}`),
    ...Object.entries(regex).map(([name, value]) => `${name}=~${quote(value)}`),
    ...Object.entries(notEqual).map(([name, value]) => `${name}!=${quote(value)}`),
  ];
  return parts.length === 0 ? metric : `${metric}{${parts.join(', ')}}`;
}

/** `op by (a, b) (inner)`, or `op(inner)` when nothing is kept. */
export const aggregate = (op: string, by: readonly string[], inner: string): string =>
  by.length === 0 ? `${op}(${inner})` : `${op} by (${by.join(', ')}) (${inner})`;

/** Seconds as the shortest Prometheus duration: 120 → "2m", 5400 → "1h30m". */
export function duration(totalSeconds: number): string {
  if (!Number.isInteger(totalSeconds) || totalSeconds <= 0) {
    throw new Error(`expected a positive whole number of seconds, got ${totalSeconds}`);
  }
  const units: readonly [string, number][] = [
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  let rest = totalSeconds;
  let text = '';
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}

export const seconds = (promDuration: string): number => durationSeconds(promDuration);

/**
 * The rate window of every rule: four scrape intervals, Grafana's `$__rate_interval` floor. It always holds at
 * least two samples (rate needs two) with room for one missed scrape.
 */
export const rateWindowSeconds = (env: EnvConfig): number => 4 * env.observability.scrapeIntervalSeconds;
export const rateWindow = (env: EnvConfig): string => duration(rateWindowSeconds(env));

/**
 * A number as PromQL and YAML print it. Twelve significant digits remove binary noise from derived values
 * (0.9 × 0.35 = 0.31499999999999995) without touching any value the model can express.
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`expected a finite number, got ${value}`);
  return String(Number(value.toPrecision(12)));
}

/** A model percentage as the ratio PromQL compares with (99.5 → 0.995). */
export const ratio = (percent: number): number => Number((percent / 100).toPrecision(12));
