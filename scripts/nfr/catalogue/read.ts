// Typed reads of declared model fields for the catalogue's display and conformance functions. A field of the
// wrong type is a catalogue bug (the path points at the wrong thing), so it throws instead of printing NaN.
import { durationSeconds } from '../../../environments';
import type { ModelValues } from '../model-values';

export function num(values: ModelValues, path: string): number {
  const value = values.get(path);
  if (typeof value !== 'number')
    throw new Error(`model path ${path}: expected a number, got ${String(value)}`);
  return value;
}

export function str(values: ModelValues, path: string): string {
  const value = values.get(path);
  if (typeof value !== 'string')
    throw new Error(`model path ${path}: expected a string, got ${String(value)}`);
  return value;
}

/** A Prometheus duration field (e.g. alerts.queueDepth.for = "5m") in seconds. */
export const seconds = (values: ModelValues, path: string): number => durationSeconds(str(values, path));

/** Keys of a wildcard field grouped by their value, e.g. "99.9 %: search-api, web; 99.5 %: data-api". */
export function groupedByValue(values: ModelValues, path: string, unit = ''): string {
  const groups = new Map<string, string[]>();
  for (const [key, value] of values.each(path)) {
    const label = `${String(value)}${unit}`;
    groups.set(label, [...(groups.get(label) ?? []), key]);
  }
  return [...groups]
    .sort(([a], [b]) => b.localeCompare(a, 'en', { numeric: true }))
    .map(([label, keys]) => `${label}: ${keys.join(', ')}`)
    .join('; ');
}
