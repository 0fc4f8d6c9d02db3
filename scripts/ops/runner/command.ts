// Turns a procedure definition into a CLI command: shared flags, the production confirmation gate, the dry-run
// script on stdout, JSON log lines on stderr (with a status line for long waits on a terminal) and one trace span
// per step.
import type { EnvConfig } from '../../../environments';
import type { OptionsSpec } from '../../cli/args';
import type { Command, CommandIo } from '../../cli/io';
import type { KubeActions } from '../kubernetes/client';
import { type OpsDeps, processDeps } from './deps';
import { createLogger, type OpsLogger } from './log';
import { assertConfirmed, type OpsInvocation, parseOpsOptions } from './options';
import { GateRefusedError, type Procedure, shouldRun, type StepContext, stepHeading } from './procedure';
import { createProgress, type Progress, realTicker, terminalStatus } from './progress';
import { type CommandLine, isComment, renderLine, resolveArgv } from './shell';
import { type OpsTrace, startTrace } from './tracing';

export interface BuildInput {
  readonly invocation: OpsInvocation;
  readonly deps: OpsDeps;
}

export interface OpsCommandDefinition {
  readonly name: string;
  /** Flags besides --env, --dry-run and --confirm. */
  readonly options?: OptionsSpec;
  readonly build: (input: BuildInput) => Procedure | Promise<Procedure>;
}

export const opsCommand =
  (definition: OpsCommandDefinition): Command =>
  (argv, io) =>
    runOps(definition, argv, io, processDeps);

/** Parses, builds and runs one operations command; UsageError and model errors propagate to the CLI. */
export async function runOps(
  definition: OpsCommandDefinition,
  argv: readonly string[],
  io: CommandIo,
  deps: OpsDeps,
): Promise<number> {
  const invocation = parseOpsOptions(definition.name, argv, definition.options ?? {});
  const procedure = await definition.build({ invocation, deps });
  assertConfirmed(
    definition.name,
    invocation,
    procedure.steps.some((step) => step.changes),
  );
  const { env, dryRun } = invocation;
  const terminal = io.stderr.isTTY === true ? terminalStatus(io.stderr) : undefined;
  const logger = createLogger(terminal?.sink ?? io.stderr, {
    command: definition.name,
    env: env.name,
    now: deps.now,
  });
  const progress = createProgress({
    now: deps.now,
    ticker: deps.ticker ?? realTicker,
    status: terminal?.status,
  });
  const trace = await startTrace(deps.processEnv, { command: definition.name, env: env.name, dryRun });
  logger.log(null, 'procedure.started', {
    dryRun,
    steps: procedure.steps.map((step) => step.name),
    ...(trace.traceId === undefined ? {} : { traceId: trace.traceId }),
  });
  if (dryRun) {
    io.stdout.write(
      `# dry run of ${definition.name} for ${env.name}: nothing is changed; ` +
        'a real run executes these lines in order\n',
    );
  }
  const code = await execute(procedure, { definition, env, dryRun, deps, io, logger, trace, progress });
  const exportError = await trace.finish(code === 0);
  if (exportError !== undefined) logger.log(null, 'trace.export_failed', { error: exportError }, 'warn');
  return code;
}

interface Run {
  readonly definition: OpsCommandDefinition;
  readonly env: EnvConfig;
  readonly dryRun: boolean;
  readonly deps: OpsDeps;
  readonly io: CommandIo;
  readonly logger: OpsLogger;
  readonly trace: OpsTrace;
  readonly progress: Progress;
}

async function execute(procedure: Procedure, run: Run): Promise<number> {
  const { logger, io } = run;
  const vars = new Map<string, string>();
  const succeeded = new Set<string>();
  let failed: { step: string; error: unknown } | undefined;
  let kube: Promise<KubeActions> | undefined;
  const total = procedure.steps.length;

  for (const [index, step] of procedure.steps.entries()) {
    const outcome = { succeeded, failed: failed?.step };
    if (!run.dryRun && !shouldRun(step, outcome)) {
      logger.log(step.name, 'step.skipped', { after: failed?.step ?? null });
      continue;
    }
    const context = stepContext(run, step.name, vars, () => (kube ??= run.deps.kube(run.env)));
    const span = run.trace.startStep(step.name, { 'skillforge.step.index': index + 1 });
    const started = run.deps.now().getTime();
    logger.log(step.name, run.dryRun ? 'step.dry_run' : 'step.started', { changes: step.changes });
    try {
      if (run.dryRun) {
        io.stdout.write(`${[stepHeading(step, index, total), ...step.lines.map(renderLine)].join('\n')}\n`);
        await step.dryRun?.(context);
      } else if (step.run !== undefined) {
        await step.run(context);
      } else {
        for (const line of step.lines) if (!isComment(line)) await context.exec(line);
      }
      succeeded.add(step.name);
      span.end({ ok: true });
      logger.log(step.name, 'step.succeeded', { seconds: (run.deps.now().getTime() - started) / 1000 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failed ??= { step: step.name, error };
      span.end({ ok: false, error: message });
      logger.log(step.name, 'step.failed', { error: message }, 'error');
      if (run.dryRun) break;
    }
  }

  if (failed === undefined) {
    logger.log(null, 'procedure.succeeded', { steps: succeeded.size });
    return 0;
  }
  const code = failed.error instanceof GateRefusedError ? 2 : 1;
  const message = failed.error instanceof Error ? failed.error.message : String(failed.error);
  logger.log(null, 'procedure.failed', { step: failed.step, exitCode: code }, 'error');
  io.stdout.write(`${run.definition.name}: step ${failed.step} failed: ${message}\n`);
  return code;
}

function stepContext(
  run: Run,
  step: string,
  vars: Map<string, string>,
  kube: () => Promise<KubeActions>,
): StepContext {
  const log = run.logger.forStep(step);
  const { deps } = run;
  return {
    env: run.env,
    command: run.definition.name,
    deps,
    vars,
    log,
    kube,
    print: (text) => run.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    async exec(line) {
      const shown = run.progress.start(renderLine(line), log);
      try {
        return await execLine(line, vars, deps, log);
      } finally {
        shown.done();
      }
    },
    async waitFor(what, check, timeoutMs, intervalMs = 15_000) {
      const deadline = deps.now().getTime() + timeoutMs;
      const shown = run.progress.start(what, log);
      try {
        for (;;) {
          const value = await check();
          if (value !== undefined) return value;
          if (deps.now().getTime() >= deadline) {
            throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
          }
          await deps.sleep(intervalMs);
        }
      } finally {
        shown.done();
      }
    },
  };
}

async function execLine(
  line: CommandLine,
  vars: Map<string, string>,
  deps: OpsDeps,
  log: StepContext['log'],
): Promise<string> {
  // The rendered line shows variables as $NAME, never their values, so a logged line cannot leak a credential.
  const rendered = renderLine(line);
  const result = await deps.exec.run(resolveArgv(line.argv, vars));
  log('command.finished', { command: rendered, exitCode: result.code });
  if (result.code !== 0) {
    throw new Error(`${rendered} exited with ${result.code}: ${result.stderr.trim().slice(-2000)}`);
  }
  const output = result.stdout.trim();
  if (line.capture !== undefined) {
    // The AWS CLI prints "None" for a --query that matched nothing; no later line can use that.
    if (output === '' || output === 'None') throw new Error(`${rendered} printed nothing to use`);
    vars.set(line.capture, output);
    if (line.secret !== true) log('command.captured', { variable: line.capture, value: output });
  }
  return result.stdout;
}
