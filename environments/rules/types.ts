import type { EnvConfig } from '../schema';

/** A broken cross-field rule, reported like a schema error: field path, the value given, what is allowed. */
export interface RuleViolation {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

/** A rule over one environment. */
export interface EnvironmentRule {
  readonly id: string;
  readonly description: string;
  check(env: EnvConfig): RuleViolation[];
}

/** A rule across all registered environments (e.g. VPC CIDRs must not overlap). */
export interface RegistryRule {
  readonly id: string;
  readonly description: string;
  check(envs: readonly EnvConfig[]): (RuleViolation & { readonly environment: string })[];
}

export const violation = (path: string, value: unknown, expected: string): RuleViolation => ({
  path,
  value,
  expected,
});
