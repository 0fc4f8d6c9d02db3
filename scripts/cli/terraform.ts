// `npm run plan|deploy -- --env <name>`: terraform on exactly that environment's stacks, in dependency order, in
// the committed folders deploy/<env>/terraform/<stack> — after proving those folders are what the model renders
// and are committed. plan: init, plan to a plan file, its JSON and a summary per stack. deploy: the same, then
// apply of that very plan file, stack by stack (a later stack reads the earlier ones' outputs from remote state).
// Nothing is re-synthesized: the applied configuration is byte for byte the reviewed one. For a plan or deploy of
// a fresh, uncommitted synth, the cdktf CLI still works (`npx cdktf diff|deploy`, README).
import { createInterface } from 'node:readline/promises';
import { join, relative } from 'node:path';
import { type EnvConfig, loadEnvironment } from '../../environments';
import { stackId, stackIds } from '../../constructs/contracts';
import { envOption, parseOptions, UsageError } from './args';
import type { Command, CommandIo } from './io';
import { repoRoot } from './paths';
import { assertRenderCommitted } from './render-freshness';
import {
  applyPlanFile,
  countChanges,
  init,
  planToFile,
  stackRun,
  summaryLine,
  TerraformFailed,
  writePlanJson,
  type StackRun,
} from './terraform-runner';

const bootstrapOption = {
  type: 'boolean',
  description: 'only the <env>-bootstrap stack (the state bucket, local state): the one-time first step',
} as const;

/** The stacks a command acts on: the deployed layers in dependency order, or only the bootstrap stack. */
export function targetStacks(env: EnvConfig, bootstrap: boolean): string[] {
  return bootstrap ? [stackId(env, 'bootstrap')] : stackIds(env);
}

async function planStack(run: StackRun, io: CommandIo, jsonDir: string): Promise<void> {
  await init(run, io);
  const planJson = await planToFile(run, io);
  const jsonFile = writePlanJson(jsonDir, run, planJson);
  io.stdout.write(
    `${summaryLine(run, countChanges(planJson))} (plan JSON: ${relative(repoRoot(), jsonFile)})\n`,
  );
}

/** Runs a command's steps, turning a failed terraform call into exit code 1 with one line naming the stack. */
async function runSteps(io: CommandIo, steps: () => Promise<void>): Promise<number> {
  try {
    await steps();
    return 0;
  } catch (error) {
    if (!(error instanceof TerraformFailed)) throw error;
    io.stderr.write(`${error.message}; later stacks were not run\n`);
    return error.code === 127 ? 127 : 1;
  }
}

export const plan: Command = async (argv, io) => {
  const options = parseOptions('plan', argv, {
    env: envOption(true),
    bootstrap: bootstrapOption,
    'json-dir': {
      type: 'string',
      value: '<dir>',
      description:
        "where each stack's `terraform show -json` plan is written as <stack>.json (default .terraform-work/<env>/plans); feed them to `npm run review -- --plan`",
    },
  });
  const env = loadEnvironment(String(options.env));
  await assertRenderCommitted(env, 'plan');
  const jsonDir =
    typeof options['json-dir'] === 'string'
      ? options['json-dir']
      : join(repoRoot(), '.terraform-work', env.name, 'plans');
  return runSteps(io, async () => {
    for (const stack of targetStacks(env, options.bootstrap === true)) {
      await planStack(stackRun(env.name, stack), io, jsonDir);
    }
  });
};

async function confirm(run: StackRun, io: CommandIo): Promise<boolean> {
  io.stdout.write(`Apply this plan to ${run.stack}? Only "yes" applies it: `);
  const prompt = createInterface({ input: process.stdin, terminal: false });
  try {
    const answer = await Promise.race([
      prompt.question(''),
      new Promise<string>((done) => prompt.once('close', () => done(''))),
    ]);
    return answer.trim() === 'yes';
  } finally {
    prompt.close();
  }
}

export const deploy: Command = async (argv, io) => {
  const options = parseOptions('deploy', argv, {
    env: envOption(true),
    'auto-approve': { type: 'boolean', description: 'apply each stack\'s plan without asking for "yes"' },
    bootstrap: bootstrapOption,
  });
  const env = loadEnvironment(String(options.env));
  await assertRenderCommitted(env, 'deploy');
  return runSteps(io, async () => {
    for (const stack of targetStacks(env, options.bootstrap === true)) {
      const run = stackRun(env.name, stack);
      await init(run, io);
      const planJson = await planToFile(run, io);
      io.stdout.write(`${summaryLine(run, countChanges(planJson))}\n`);
      if (options['auto-approve'] !== true && !(await confirm(run, io))) {
        throw new UsageError(
          `deploy: ${stack} not applied (the answer was not "yes"); the stacks before it are applied`,
        );
      }
      await applyPlanFile(run, io);
    }
  });
};
