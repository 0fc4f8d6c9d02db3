// The AWS policy engine: applies checkov/trivy-equivalent rules to synthesized CDKTF stacks.
//   loadRenderedStacks(deployDir, env?)  read deploy/<env>/terraform/<stack>/cdk.tf.json
//   evaluate(stacks, rules, exceptions)  one finding per (rule, resource of a type the rule covers)
import { addressMatches, isExpired, isIsoDate, isoToday, type PolicyException } from '../shared/exceptions';
import { StackContext } from './stack-context';
import type { CheckResult, Finding, RenderedStack, Resource, Rule } from './types';

export { loadRenderedStacks, parseStackDocument } from './load';
export { normaliseResources, StackContext } from './stack-context';

/** How exceptions and messages name a resource: "<env>/<stack>/<type>.<name>". */
export function qualifiedAddress(finding: Pick<Finding, 'env' | 'stack' | 'address'>): string {
  return `${finding.env}/${finding.stack}/${finding.address}`;
}

/**
 * Runs every rule against every resource of the types it covers. A failed finding matched by an exception that
 * has not expired becomes "skipped" and carries the exception; expired exceptions excuse nothing.
 */
export function evaluate(
  stacks: readonly RenderedStack[],
  rules: readonly Rule[],
  exceptions: readonly PolicyException[] = [],
  today: string = isoToday(),
): Finding[] {
  const active = exceptions.filter((e) => isIsoDate(e.expires) && !isExpired(e, today));
  const findings: Finding[] = [];
  for (const stack of stacks) {
    const ctx = new StackContext(stack);
    for (const rule of rules) {
      for (const type of rule.resourceTypes) {
        for (const resource of ctx.resourcesOfType(type)) {
          findings.push(applyException(toFinding(rule, resource, runCheck(rule, resource, ctx)), active));
        }
      }
    }
  }
  return findings;
}

/** A rule that throws fails closed, with the error in the message, instead of hiding the resource. */
function runCheck(rule: Rule, resource: Resource, ctx: StackContext): CheckResult {
  try {
    return rule.check(resource, ctx);
  } catch (error) {
    return {
      status: 'failed',
      message: `rule error: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function toFinding(rule: Rule, resource: Resource, result: CheckResult): Finding {
  return {
    ruleId: rule.id,
    checkIds: rule.checkIds,
    env: resource.env,
    stack: resource.stack,
    address: resource.address,
    status: result.status,
    message: result.message,
  };
}

function applyException(finding: Finding, exceptions: readonly PolicyException[]): Finding {
  if (finding.status !== 'failed') return finding;
  const address = qualifiedAddress(finding);
  const exception = exceptions.find((e) => e.rule === finding.ruleId && addressMatches(e.address, address));
  if (!exception) return finding;
  return {
    ...finding,
    status: 'skipped',
    message: `excepted until ${exception.expires} (${exception.reason}): ${finding.message}`,
    exception,
  };
}

/** One line per finding, the form used in test failures: rule, scanner ids, where, why. */
export function formatFinding(finding: Finding): string {
  const ids = finding.checkIds.length > 0 ? finding.checkIds.join(', ') : 'project rule';
  return `${finding.ruleId} [${ids}] ${qualifiedAddress(finding)}: ${finding.message}`;
}
