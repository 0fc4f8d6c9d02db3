// Runs Kubernetes policy rules over rendered objects and settles each failed finding against the exceptions.
import {
  addressMatches,
  exceptionProblems,
  isExpired,
  isoToday,
  unusedExceptionProblems,
  type PolicyException,
} from '../shared/exceptions';
import { objectId, type PolicyObject } from './manifest';
import type { Finding, PolicyRule, RuleContext } from './types';

/** An accepted finding: `object` is "<env>/<namespace folder>/<Kind>/<name>", any part may be "*". */
export interface KubernetesPolicyException {
  readonly rule: string;
  readonly object: string;
  readonly reason: string;
  /** Last day (YYYY-MM-DD, UTC) on which the exception applies. */
  readonly expires: string;
}

export interface PolicyReport {
  /** Every failed finding, excused or not. */
  readonly findings: readonly Finding[];
  /** Failed findings no valid exception covers: each one fails the suite. */
  readonly violations: readonly Finding[];
  readonly excused: readonly { readonly finding: Finding; readonly exception: KubernetesPolicyException }[];
  /** Malformed or expired exceptions, one message each. */
  readonly exceptionProblems: readonly string[];
  /** Exceptions that excused nothing, one message each. */
  readonly unusedExceptions: readonly string[];
}

function asShared(exception: KubernetesPolicyException): PolicyException {
  return {
    rule: exception.rule,
    address: exception.object,
    reason: exception.reason,
    expires: exception.expires,
  };
}

/** Malformed or expired exceptions; each message names the rule, the object and what to do. */
export function kubernetesExceptionProblems(
  exceptions: readonly KubernetesPolicyException[],
  rules: readonly PolicyRule[],
  today: string = isoToday(),
): string[] {
  const format = {
    knownRuleIds: new Set(rules.map((rule) => rule.id)),
    addressSegments: 4,
    addressShape: '<env>/<namespace>/<Kind>/<name>',
    ruleCatalogue: 'test/policy/k8s/rules/index.ts',
  };
  return exceptionProblems(exceptions.map(asShared), format, today);
}

function evaluateRule(rule: PolicyRule, object: PolicyObject, ctx: RuleContext): Finding[] {
  const where = { rule: rule.id, object: objectId(object), file: object.file };
  try {
    return rule.check(object, ctx).map((message) => ({ ...where, message }));
  } catch (error) {
    // A rule that cannot read an object must not pass it silently.
    const reason = error instanceof Error ? error.message : String(error);
    return [{ ...where, message: `rule could not evaluate the object: ${reason}` }];
  }
}

/** Each rule sees the object and every other object rendered for the same environment. */
export function findFailures(objects: readonly PolicyObject[], rules: readonly PolicyRule[]): Finding[] {
  const byEnv = new Map<string, PolicyObject[]>();
  for (const object of objects) byEnv.set(object.env, [...(byEnv.get(object.env) ?? []), object]);
  const findings: Finding[] = [];
  for (const [env, envObjects] of byEnv) {
    const ctx: RuleContext = { env, objects: envObjects };
    for (const rule of rules) {
      for (const object of envObjects) {
        if (rule.kinds.includes(object.manifest.kind)) findings.push(...evaluateRule(rule, object, ctx));
      }
    }
  }
  return findings;
}

export function evaluateManifests(
  objects: readonly PolicyObject[],
  rules: readonly PolicyRule[],
  exceptions: readonly KubernetesPolicyException[],
  today: string = isoToday(),
): PolicyReport {
  const findings = findFailures(objects, rules);
  // Each exception next to its shared form, which the shared helpers track usage by.
  const entries = exceptions.map((exception) => ({ exception, shared: asShared(exception) }));
  const active = entries.filter((entry) => !isExpired(entry.shared, today));
  const used = new Set<PolicyException>();
  const violations: Finding[] = [];
  const excused: { finding: Finding; exception: KubernetesPolicyException }[] = [];
  for (const finding of findings) {
    const match = active.find(
      ({ exception }) => exception.rule === finding.rule && addressMatches(exception.object, finding.object),
    );
    if (match === undefined) {
      violations.push(finding);
    } else {
      excused.push({ finding, exception: match.exception });
      used.add(match.shared);
    }
  }
  return {
    findings,
    violations,
    excused,
    exceptionProblems: kubernetesExceptionProblems(exceptions, rules, today),
    // Expired exceptions are already reported above; calling them unused as well would only repeat it.
    unusedExceptions: unusedExceptionProblems(
      active.map((entry) => entry.shared),
      used,
    ),
  };
}

export function describeFinding(finding: Finding): string {
  return `[${finding.rule}] ${finding.object}: ${finding.message} (${finding.file})`;
}
