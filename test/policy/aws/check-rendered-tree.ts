// Runs every AWS rule over the committed rendered tree and lists what must fail the suite: failed findings
// without a valid exception, malformed or expired exceptions, and exceptions that excuse nothing.
// Exported for other suites (the render pipeline's own tests, CI summaries).
import { join } from 'node:path';
import {
  exceptionProblems,
  isExpired,
  isIsoDate,
  isoToday,
  unusedExceptionProblems,
  type ExceptionFormat,
  type PolicyException,
} from '../shared/exceptions';
import { evaluate, formatFinding, loadRenderedStacks } from './engine';
import { awsPolicyExceptions } from './exceptions';
import { awsRules } from './rules';
import type { Finding, Rule } from './types';

export interface RenderedTreeOptions {
  /** Only this environment's stacks (and exceptions that can apply to it). */
  readonly env?: string;
  readonly rules?: readonly Rule[];
  readonly exceptions?: readonly PolicyException[];
  /** YYYY-MM-DD; defaults to today (UTC). */
  readonly today?: string;
}

export interface RenderedTreeReport {
  readonly stackCount: number;
  readonly findings: readonly Finding[];
  /** Empty when the tree is acceptable; otherwise one line per reason it is not. */
  readonly problems: readonly string[];
}

export function awsExceptionFormat(rules: readonly Rule[]): ExceptionFormat {
  return {
    knownRuleIds: new Set(rules.map((rule) => rule.id)),
    addressSegments: 3,
    addressShape: '<env>/<stack>/<type>.<name>',
    ruleCatalogue: 'test/policy/aws/README.md',
  };
}

export function checkRenderedTree(deployDir: string, options: RenderedTreeOptions = {}): RenderedTreeReport {
  const rules = options.rules ?? awsRules;
  const today = options.today ?? isoToday();
  const exceptions = (options.exceptions ?? awsPolicyExceptions).filter(
    (e) => options.env === undefined || ['*', options.env].includes(e.address.split('/')[0] ?? ''),
  );
  const stacks = loadRenderedStacks(deployDir, options.env);
  const findings = evaluate(stacks, rules, exceptions, today);
  const problems: string[] = [];
  if (stacks.length === 0) {
    problems.push(
      `no rendered stacks found: expected ${join(deployDir, options.env ?? '<env>', 'terraform', '<stack>', 'cdk.tf.json')}` +
        ' (render the tree first; an empty tree would pass every rule)',
    );
  }
  problems.push(...exceptionProblems(exceptions, awsExceptionFormat(rules), today));
  problems.push(...findings.filter((f) => f.status === 'failed').map(formatFinding));
  if (stacks.length > 0) {
    const used = new Set(findings.flatMap((f) => (f.exception === undefined ? [] : [f.exception])));
    const active = exceptions.filter((e) => isIsoDate(e.expires) && !isExpired(e, today));
    problems.push(...unusedExceptionProblems(active, used));
  }
  return { stackCount: stacks.length, findings, problems };
}
