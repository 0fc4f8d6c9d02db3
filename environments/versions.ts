// The engine and Kubernetes versions an environment runs, as the model states them. Synth records them in
// deploy/<env>/versions.json; validation compares the model against the committed record, because none of these
// services can go back in place (docs/decisions/engine-versions-never-go-down.md).
import type { EnvConfig } from './schema';

/** Field path in the model → version, e.g. "redis.engineVersion" → "7.1". */
export type ModelVersions = Readonly<Record<string, string>>;

/** Where each version lives in the model; the record in deploy/<env>/versions.json uses the same keys. */
export const versionFields: readonly {
  readonly path: string;
  /** What cannot go back: named in the refusal. */
  readonly service: string;
  readonly read: (env: EnvConfig) => string;
}[] = [
  {
    path: 'cluster.kubernetesVersion',
    service: 'an EKS cluster',
    read: (env) => env.cluster.kubernetesVersion,
  },
  {
    path: 'postgres.engineVersion',
    service: 'RDS for PostgreSQL',
    read: (env) => env.postgres.engineVersion,
  },
  { path: 'redis.engineVersion', service: 'ElastiCache for Redis', read: (env) => env.redis.engineVersion },
  {
    path: 'opensearch.engineVersion',
    service: 'an OpenSearch domain',
    read: (env) => env.opensearch.engineVersion,
  },
  { path: 'kafka.kafkaVersion', service: 'an MSK cluster', read: (env) => env.kafka.kafkaVersion },
];

export function versionsOf(env: EnvConfig): ModelVersions {
  return Object.fromEntries(versionFields.map(({ path, read }) => [path, read(env)]));
}

/**
 * Compares two versions component by component on the components both state, so a major-only pin ("16") equals
 * any minor of that major ("16.4"). A leading name ("OpenSearch_2.13") must match; otherwise they do not compare.
 * Negative when `a` is older, positive when newer, 0 when equal, undefined when not comparable.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right || left.name !== right.name) return undefined;
  const shared = Math.min(left.numbers.length, right.numbers.length);
  for (let index = 0; index < shared; index++) {
    const difference = left.numbers[index]! - right.numbers[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

function parseVersion(text: string): { name: string; numbers: number[] } | undefined {
  const match = /^([A-Za-z]*_?)(\d+(?:\.\d+)*)$/.exec(text);
  return match ? { name: match[1]!, numbers: match[2]!.split('.').map(Number) } : undefined;
}
