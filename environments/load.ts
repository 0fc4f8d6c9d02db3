// Turns environment files into validated, frozen models. Every command goes through here, so a broken model
// stops every command before anything is written.
import type { z } from 'zod';
import { defaults } from './defaults';
import { formatPath, InvalidEnvironmentError, type ModelIssue } from './errors';
import type { EnvironmentLayer } from './layer';
import { deepFreeze, mergeLayers } from './merge';
import { environmentRegistry } from './registry';
import { environmentRules, registryRules } from './rules';
import { allowedKeysAt } from './schema-keys';
import { type EnvConfig, environmentSchema } from './schema';

export type EnvironmentRegistry = Readonly<Record<string, EnvironmentLayer & { name: string }>>;

const cache = new WeakMap<EnvironmentRegistry, ReadonlyMap<string, EnvConfig>>();

/** Validates every environment of the registry (cross-environment rules need them all) and returns them by name. */
export function loadRegistry(
  registry: EnvironmentRegistry = environmentRegistry,
): ReadonlyMap<string, EnvConfig> {
  const cached = cache.get(registry);
  if (cached) return cached;
  const issues: ModelIssue[] = [];
  const envs: EnvConfig[] = [];
  for (const [key, layer] of Object.entries(registry)) {
    const result = validateLayer(key, layer);
    if ('issues' in result) issues.push(...result.issues);
    else envs.push(result.env);
  }
  if (issues.length === 0) {
    for (const rule of registryRules) {
      issues.push(
        ...rule
          .check(envs)
          .map(({ environment, path, value, expected }) => ({ environment, path, value, expected })),
      );
    }
  }
  if (issues.length > 0) throw new InvalidEnvironmentError(issues);
  const loaded = new Map(envs.map((env) => [env.name, env]));
  cache.set(registry, loaded);
  return loaded;
}

/** One environment by name; unknown names are an error that lists the valid ones. */
export function loadEnvironment(
  name: string,
  registry: EnvironmentRegistry = environmentRegistry,
): EnvConfig {
  const envs = loadRegistry(registry);
  const env = envs.get(name);
  if (!env) {
    throw new InvalidEnvironmentError([
      {
        environment: name,
        path: '',
        value: name,
        expected: `expected one of: ${[...envs.keys()].join(', ')}`,
      },
    ]);
  }
  return env;
}

function validateLayer(key: string, layer: EnvironmentLayer): { env: EnvConfig } | { issues: ModelIssue[] } {
  const environment = typeof layer.name === 'string' ? layer.name : key;
  if (layer.name !== key) {
    return {
      issues: [
        {
          environment: key,
          path: 'name',
          value: layer.name,
          expected: `expected "${key}" (the registry key)`,
        },
      ],
    };
  }
  const parsed = environmentSchema.safeParse(mergeLayers(defaults, layer), { reportInput: true });
  if (!parsed.success)
    return { issues: parsed.error.issues.flatMap((issue) => toModelIssues(environment, issue, layer)) };
  const env = deepFreeze(parsed.data) as EnvConfig;
  const issues = environmentRules.flatMap((rule) =>
    rule.check(env).map(({ path, value, expected }) => ({ environment, path, value, expected })),
  );
  return issues.length > 0 ? { issues } : { env };
}

function toModelIssues(environment: string, issue: z.core.$ZodIssue, layer: EnvironmentLayer): ModelIssue[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(environmentSchema, issue.path).join(', ');
    return issue.keys.map((key) => ({
      environment,
      path: path ? `${path}.${key}` : key,
      value: readPath(mergeLayers(defaults, layer), [...issue.path, key]),
      expected: `expected no such key; allowed keys: ${allowed}`,
    }));
  }
  return [{ environment, path, value: issue.input, expected: plainMessage(issue.message) }];
}

/** zod prefixes its own messages ("Invalid input: expected …", "Too small: expected …"); keep the "expected" part. */
function plainMessage(message: string): string {
  return message.replace(/^(Invalid input|Too small|Too big|Invalid option|Invalid string): /, '');
}

function readPath(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    value,
  );
}
