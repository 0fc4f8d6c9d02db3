import type { EnvConfig } from '../schema';
import type { ModelVersions } from '../versions';

/** A broken cross-field rule, reported like a schema error: field path, the value given, what is allowed. */
export interface RuleViolation {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

/** What a rule may know besides the environment itself. */
export interface RuleContext {
  /** Today, YYYY-MM-DD (UTC): an exception past its expiry no longer applies. */
  readonly today: string;
  /** The versions of this environment's committed render (deploy/<env>/versions.json); none before the first. */
  readonly committedVersions: ModelVersions | undefined;
}

/** A rule over one environment. */
export interface EnvironmentRule {
  readonly id: string;
  readonly description: string;
  check(env: EnvConfig, context: RuleContext): RuleViolation[];
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
