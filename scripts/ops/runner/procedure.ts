// A procedure is a list of named steps. Each step has the command lines a dry run prints and the action a real run
// performs (by default: exactly those command lines). Steps marked `always` (tear-down) or `on-failure` (roll back)
// run after a failure the way a `finally` or `catch` block would.
import type { EnvConfig } from '../../../environments';
import type { KubeActions } from '../kubernetes/client';
import type { OpsDeps } from './deps';
import type { LogFn } from './log';
import type { CommandLine, Line } from './shell';

export interface StepOutcome {
  readonly succeeded: ReadonlySet<string>;
  /** The first step that failed, if any. */
  readonly failed: string | undefined;
}

export interface StepCondition {
  /** Printed in the dry-run header of the step, e.g. "once restore-instance succeeded". */
  readonly describe: string;
  readonly holds: (outcome: StepOutcome) => boolean;
}

export type StepWhen = 'on-success' | 'always' | 'on-failure';

export interface StepContext {
  readonly env: EnvConfig;
  readonly command: string;
  readonly deps: OpsDeps;
  /** Values captured by earlier command lines, by variable name. */
  readonly vars: Map<string, string>;
  readonly log: LogFn;
  /** Runs one line through the executor; fails on a non-zero exit; stores `capture` in vars; returns stdout. */
  exec(line: CommandLine): Promise<string>;
  /** The environment's cluster (connected on first use). */
  kube(): Promise<KubeActions>;
  /** Report text for the operator (stdout). */
  print(text: string): void;
  /** Calls `check` every `intervalMs` until it returns a value; fails after `timeoutMs`. */
  waitFor<T>(
    what: string,
    check: () => Promise<T | undefined>,
    timeoutMs: number,
    intervalMs?: number,
  ): Promise<T>;
}

export interface Step {
  readonly name: string;
  /** Whether a real run changes anything (production changes need --confirm). */
  readonly changes: boolean;
  /** What --dry-run prints: the exact command lines, and comments where work happens in-process. */
  readonly lines: readonly Line[];
  /** The real action; default: execute `lines` in order. */
  readonly run?: (ctx: StepContext) => Promise<void>;
  /** Read-only work a dry run does besides printing (e.g. validating the seed files). */
  readonly dryRun?: (ctx: StepContext) => Promise<void>;
  /** Default `on-success`: skipped once a step has failed. */
  readonly when?: StepWhen;
  readonly condition?: StepCondition;
}

export interface Procedure {
  readonly steps: readonly Step[];
}

/** A check the procedure exists to make said no (e.g. the revert window has not passed): exit code 2, not 1. */
export class GateRefusedError extends Error {
  override readonly name = 'GateRefusedError';
}

export const succeeded = (step: string): StepCondition => ({
  describe: `once ${step} succeeded`,
  holds: (outcome) => outcome.succeeded.has(step),
});

export const failedIn = (steps: readonly string[]): StepCondition => ({
  describe: `if ${steps.join(' or ')} failed`,
  holds: (outcome) => outcome.failed !== undefined && steps.includes(outcome.failed),
});

export function shouldRun(step: Step, outcome: StepOutcome): boolean {
  const when = step.when ?? 'on-success';
  if (when === 'on-success' && outcome.failed !== undefined) return false;
  if (when === 'on-failure' && outcome.failed === undefined) return false;
  return step.condition === undefined || step.condition.holds(outcome);
}

export function stepHeading(step: Step, index: number, total: number): string {
  const when = step.when ?? 'on-success';
  const notes = [
    ...(when === 'always' ? ['runs even if an earlier step failed'] : []),
    ...(when === 'on-failure' ? ['runs only after a failure'] : []),
    ...(step.condition === undefined ? [] : [step.condition.describe]),
  ];
  return `# step ${index + 1}/${total}: ${step.name}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}
