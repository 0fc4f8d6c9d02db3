// Turns environment files into validated, frozen models. Every command goes through here, so a broken model
// stops every command before anything is written.
import type { z } from 'zod';
import { defaults } from './defaults';
import { formatPath, InvalidEnvironmentError, type ModelIssue } from './errors';
import type { EnvironmentLayer } from './layer';
import { deepFreeze, mergeLayers } from './merge';
import { environmentRegistry, registeredTiers } from './registry';
import { environmentRules, registryRules } from './rules';
import { allowedKeysAt } from './schema-keys';
import { type EnvConfig, type EnvironmentTier, environmentSchema } from './schema';
import type { ModelVersions } from './versions';

export type EnvironmentRegistry = Readonly<Record<string, EnvironmentLayer & { name: string }>>;

/** What validation knows besides the environment files; every field has a default. */
export interface ValidationContext {
  /** Today, YYYY-MM-DD (UTC): exceptions past their expiry no longer apply. Default: the real date. */
  readonly today: string;
  /** Versions of each environment's committed render (deploy/<env>/versions.json). Default: none known. */
  readonly committedVersions: ReadonlyMap<string, ModelVersions>;
  /** The tier each registered environment must at least declare. Default: environments/registry.ts. */
  readonly registeredTiers: Readonly<Record<string, EnvironmentTier>>;
}

const cache = new WeakMap<EnvironmentRegistry, ReadonlyMap<string, EnvConfig>>();

/**
 * Validates every environment of the registry (cross-environment rules need them all) and returns them by name.
 * Without a context the last successful validation of the same registry is reused.
 */
export function loadRegistry(
  registry: EnvironmentRegistry = environmentRegistry,
  context?: Partial<ValidationContext>,
): ReadonlyMap<string, EnvConfig> {
  const cached = context === undefined ? cache.get(registry) : undefined;
  if (cached) return cached;
  const full: ValidationContext = {
    today: new Date().toISOString().slice(0, 10),
    committedVersions: new Map(),
    registeredTiers,
    ...context,
  };
  const issues: ModelIssue[] = [];
  const envs: EnvConfig[] = [];
  for (const [key, layer] of Object.entries(registry)) {
    const result = validateLayer(key, layer, full);
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

function validateLayer(
  key: string,
  layer: EnvironmentLayer,
  context: ValidationContext,
): { env: EnvConfig } | { issues: ModelIssue[] } {
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
  const tierIssues = tierNotWeakened(key, layer, context.registeredTiers[key]);
  const parsed = environmentSchema.safeParse(mergeLayers(defaults, layer), { reportInput: true });
  if (!parsed.success)
    return {
      issues: [
        ...tierIssues,
        ...parsed.error.issues.flatMap((issue) => toModelIssues(environment, issue, layer)),
      ],
    };
  const env = deepFreeze(parsed.data) as EnvConfig;
  const ruleContext = { today: context.today, committedVersions: context.committedVersions.get(key) };
  const issues = [
    ...tierIssues,
    ...environmentRules.flatMap((rule) =>
      rule
        .check(env, ruleContext)
        .map(({ path, value, expected }) => ({ environment, path, value, expected })),
    ),
  ];
  return issues.length > 0 ? { issues } : { env };
}

const TIER_ORDER: readonly EnvironmentTier[] = ['development', 'staging', 'production'];

/** The registry fixes the least tier of each environment it registers; the environment's own file may raise it. */
function tierNotWeakened(
  key: string,
  layer: EnvironmentLayer,
  registered: EnvironmentTier | undefined,
): ModelIssue[] {
  const declared = layer.tier;
  if (registered === undefined || declared === undefined || !TIER_ORDER.includes(declared)) return [];
  return TIER_ORDER.indexOf(declared) >= TIER_ORDER.indexOf(registered)
    ? []
    : [
        {
          environment: key,
          path: 'tier',
          value: declared,
          expected: `expected "${registered}": environments/registry.ts registers ${key} as ${registered}, and its own file may not weaken that`,
        },
      ];
}

function toModelIssues(environment: string, issue: z.core.$ZodIssue, layer: EnvironmentLayer): ModelIssue[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(environmentSchema, issue.path);
    return issue.keys.map((key) => ({
      environment,
      path: path ? `${path}.${key}` : key,
      value: readPath(mergeLayers(defaults, layer), [...issue.path, key]),
      expected:
        allowed.length > 0
          ? `expected no such key; allowed keys: ${allowed.join(', ')}`
          : 'expected no such key (this object takes no keys besides the ones the schema declares)',
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
