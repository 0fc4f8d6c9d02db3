// Input series for promtool tests in its expanding notation. Counters step by whole numbers so every rate the
// tests expect is exact in floating point (promtool compares recorded values exactly).
import type { InputSeries, Labels } from '../rules';

export const seriesName = (metric: string, labels: Labels): string =>
  `${metric}{${Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ')}}`;

/** `count` samples of one value: "v" or "vx(count-1)". */
export function hold(value: number, count: number): string {
  if (count < 1) throw new Error(`expected at least one sample, got ${count}`);
  return count === 1 ? String(value) : `${value}x${count - 1}`;
}

/** `count` samples from `start`, adding `step` each time. */
export function ramp(start: number, step: number, count: number): string {
  if (count < 2) return hold(start, count);
  return step < 0 ? `${start}-${-step}x${count - 1}` : `${start}+${step}x${count - 1}`;
}

/** Samples at 0, interval, 2 × interval … up to and including `untilSeconds` (rounded up to a sample). */
export const samplesUntil = (untilSeconds: number, interval: number): number =>
  Math.ceil(untilSeconds / interval) + 1;

export const gauge = (metric: string, labels: Labels, value: number, count: number): InputSeries => ({
  series: seriesName(metric, labels),
  values: hold(value, count),
});

/** A counter growing by `perSecond` on average: exact rates over windows that are whole scrape intervals. */
export const counter = (
  metric: string,
  labels: Labels,
  perSecond: number,
  interval: number,
  count: number,
): InputSeries => ({ series: seriesName(metric, labels), values: ramp(0, perSecond * interval, count) });

/** A counter that grows by `step` at every sample (alert scenarios, where only the ratio or crossing matters). */
export const steps = (metric: string, labels: Labels, step: number, count: number): InputSeries => ({
  series: seriesName(metric, labels),
  values: ramp(0, step, count),
});

/** Consecutive runs of constant values, skipping empty runs: [[1, 121], [0, 2]] → "1x120 0x1". */
export const phases = (runs: readonly (readonly [value: number, count: number])[]): string =>
  runs
    .filter(([, count]) => count > 0)
    .map(([value, count]) => hold(value, count))
    .join(' ');
