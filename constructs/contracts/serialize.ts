// Deterministic serialisation for the rendered tree: sorted keys, LF endings, trailing newline, no timestamps.
// Shared by every renderer, so it sits with the contracts below them (docs/architecture.md#layers).
import { stringify } from 'yaml';

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

/**
 * YAML with sorted keys; lineWidth 0 keeps long strings (PromQL, JSON blobs) on one line for readable diffs.
 * Scalars are written for YAML 1.1 readers: Kubernetes (sigs.k8s.io/yaml) and Prometheus parse `no`, `on` or
 * `y` as booleans, so such strings must be quoted (kube-score refused `--protected-mode no` as a bool).
 */
export function toYaml(value: unknown): string {
  return stringify(sortKeysDeep(value), YAML_OPTIONS);
}

export const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' } as const;

/** Several documents in one file (only where a tool expects a stream). */
export function toYamlStream(values: readonly unknown[]): string {
  return values.map(toYaml).join('---\n');
}
