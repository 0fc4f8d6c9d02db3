// Building blocks for rule checks, with checkov's semantics and one message style:
//   expected-value checks fail when the attribute is missing, forbidden-value checks pass;
//   an unresolved token (${var.x}) fails either way, because the rendered file cannot prove it safe.
import type { CheckResult, Resource, RuleContext } from './types';
import { asBoolean, asNumber, asStrings, lookup, show } from './values';

export function passed(message: string): CheckResult {
  return { status: 'passed', message };
}

export function failed(message: string): CheckResult {
  return { status: 'failed', message };
}

export function skipped(message: string): CheckResult {
  return { status: 'skipped', message };
}

export interface Expectation {
  /** What is wanted, as it reads after "expected ": "true", "at least 7". */
  readonly text: string;
  /** Result when the attribute is absent: "failed" for expected values, "passed" for forbidden ones. */
  readonly missing: 'passed' | 'failed';
  accepts(value: unknown): boolean;
}

export const isTrue: Expectation = { text: 'true', missing: 'failed', accepts: (v) => asBoolean(v) === true };

/** Forbidden `true`: absent means the provider default (false), which is fine. */
export const notTrue: Expectation = {
  text: 'false or unset',
  missing: 'passed',
  accepts: (v) => asBoolean(v) === false,
};

export function oneOf(allowed: readonly (string | number)[]): Expectation {
  return {
    text: allowed.length === 1 ? show(allowed[0]) : `one of ${allowed.map(show).join(', ')}`,
    missing: 'failed',
    accepts: (v) => allowed.some((a) => (typeof a === 'number' ? asNumber(v) === a : v === a)),
  };
}

export function atLeast(minimum: number): Expectation {
  return {
    text: `at least ${minimum}`,
    missing: 'failed',
    accepts: (v) => (asNumber(v) ?? -Infinity) >= minimum,
  };
}

export function between(minimum: number, maximum: number): Expectation {
  return {
    text: `between ${minimum} and ${maximum}`,
    missing: 'failed',
    accepts: (v) => {
      const n = asNumber(v);
      return n !== undefined && n >= minimum && n <= maximum;
    },
  };
}

/** Judges one attribute (a dotted path through first blocks, as checkov's `block/[0]/attr`). */
export function expectAttribute(resource: Resource, path: string, expectation: Expectation): CheckResult {
  const found = lookup(resource.values, path);
  if (found.kind === 'missing') {
    return expectation.missing === 'passed'
      ? passed(`${path} is not set`)
      : failed(`${path} is not set (expected ${expectation.text})`);
  }
  if (found.kind === 'token')
    return failed(`${path} is the unresolved token ${found.text} (expected ${expectation.text})`);
  return expectation.accepts(found.value)
    ? passed(`${path} is ${show(found.value)}`)
    : failed(`${path} is ${show(found.value)} (expected ${expectation.text})`);
}

/**
 * checkov's ANY_VALUE: the attribute must be set to something. A reference to a resource or data block in the
 * same stack counts (a KMS key ARN usually is one); a variable or a dangling reference does not.
 */
export function expectSet(resource: Resource, ctx: RuleContext, path: string): CheckResult {
  const found = lookup(resource.values, path);
  if (found.kind === 'missing' || (found.kind === 'value' && found.value === ''))
    return failed(`${path} is not set`);
  if (found.kind === 'token') {
    return ctx.isResolvableToken(found.text)
      ? passed(`${path} is ${found.text}`)
      : failed(`${path} is the unresolved token ${found.text}`);
  }
  return passed(`${path} is ${show(found.value)}`);
}

/** A list attribute that must hold at least one entry (checkov's `attr/[0]/[0]` with ANY_VALUE). */
export function expectNonEmptyList(resource: Resource, path: string): CheckResult {
  const found = lookup(resource.values, path);
  if (found.kind === 'missing') return failed(`${path} is not set (expected a non-empty list)`);
  if (found.kind === 'token')
    return failed(`${path} is the unresolved token ${found.text} (expected a non-empty list)`);
  const items = asStrings(found.value);
  if (items === undefined || items.length === 0)
    return failed(`${path} is ${show(found.value)} (expected a non-empty list)`);
  return passed(`${path} is ${show(found.value)}`);
}

/** Every part must pass; the failures (or, when none, all the passes) make up the message. */
export function allOf(...results: CheckResult[]): CheckResult {
  const failures = results.filter((r) => r.status === 'failed');
  if (failures.length > 0) return failed(failures.map((r) => r.message).join('; '));
  return passed(results.map((r) => r.message).join('; '));
}
