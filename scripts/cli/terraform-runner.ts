// Runs terraform in a committed stack folder, deploy/<env>/terraform/<stack>: init with the backend the folder
// commits, plan to a plan file, show that plan as JSON (for the summary and the review), and apply exactly that
// plan file. Terraform's own working data (TF_DATA_DIR), the plan files and their JSON live outside deploy/, in
// .terraform-work/<env>/<stack>/, so the reviewed folder stays as committed.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CommandIo } from './io';
import { deployDir, repoRoot } from './paths';

export interface StackRun {
  readonly env: string;
  readonly stack: string;
  /** deploy/<env>/terraform/<stack>: where terraform runs. */
  readonly dir: string;
  /** .terraform-work/<env>/<stack>: TF_DATA_DIR and the plan file. */
  readonly work: string;
  readonly planFile: string;
}

export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly replace: number;
  readonly destroy: number;
}

export class TerraformFailed extends Error {
  override readonly name = 'TerraformFailed';
  constructor(
    readonly stackName: string,
    readonly step: string,
    readonly code: number,
  ) {
    super(`terraform ${step} failed in ${stackName} (exit ${code})`);
  }
}

export function stackRun(env: string, stack: string): StackRun {
  const work = join(repoRoot(), '.terraform-work', env, stack);
  return {
    env,
    stack,
    dir: join(deployDir(), env, 'terraform', stack),
    work,
    planFile: join(work, 'plan.tfplan'),
  };
}

function terraform(run: StackRun, args: readonly string[], io: CommandIo, capture = false): Promise<string> {
  mkdirSync(run.work, { recursive: true });
  io.stderr.write(`$ (cd ${relative(repoRoot(), run.dir)} && terraform ${args.join(' ')})\n`);
  return new Promise((done, fail) => {
    const child = spawn('terraform', args, {
      cwd: run.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TF_DATA_DIR: join(run.work, '.terraform'),
        TF_IN_AUTOMATION: '1',
        CHECKPOINT_DISABLE: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) =>
      capture ? (output += chunk.toString()) : io.stdout.write(chunk.toString()),
    );
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new TerraformFailed(run.stack, `${args[0]} (terraform is not on PATH)`, 127)
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? done(output) : fail(new TerraformFailed(run.stack, args[0]!, code ?? 1)),
    );
  });
}

/**
 * A local backend's relative path is written for the cdktf CLI's working folder (cdktf.out/stacks/<stack>); the
 * same state file is named from the committed folder with -backend-config, so both ways share one state.
 */
async function backendOverrides(run: StackRun): Promise<string[]> {
  const document = JSON.parse(await readFile(join(run.dir, 'cdk.tf.json'), 'utf8')) as {
    terraform?: { backend?: { local?: { path?: string } } };
  };
  const path = document.terraform?.backend?.local?.path;
  if (path === undefined || isAbsolute(path)) return [];
  return [`-backend-config=path=${resolve(repoRoot(), 'cdktf.out', 'stacks', run.stack, path)}`];
}

export async function init(run: StackRun, io: CommandIo): Promise<void> {
  await terraform(run, ['init', '-input=false', ...(await backendOverrides(run))], io);
}

/** Plans into the stack's plan file and returns `terraform show -json` of it. */
export async function planToFile(run: StackRun, io: CommandIo): Promise<string> {
  await terraform(run, ['plan', '-input=false', `-out=${run.planFile}`], io);
  return terraform(run, ['show', '-json', run.planFile], io, true);
}

export async function applyPlanFile(run: StackRun, io: CommandIo): Promise<void> {
  // A saved plan is applied as planned, without a prompt (terraform apply <planfile>).
  await terraform(run, ['apply', '-input=false', run.planFile], io);
}

/** Counts of Change Representation actions (https://developer.hashicorp.com/terraform/internals/json-format). */
export function countChanges(planJson: string): PlanCounts {
  const plan = JSON.parse(planJson) as {
    resource_changes?: { mode?: string; change?: { actions?: string[] } }[];
  };
  const counts = { add: 0, change: 0, replace: 0, destroy: 0 };
  for (const entry of plan.resource_changes ?? []) {
    const actions = entry.mode === 'managed' ? (entry.change?.actions ?? []) : [];
    if (actions.includes('delete') && actions.includes('create')) counts.replace += 1;
    else if (actions.includes('create')) counts.add += 1;
    else if (actions.includes('update')) counts.change += 1;
    else if (actions.includes('delete')) counts.destroy += 1;
  }
  return counts;
}

export function summaryLine(run: StackRun, counts: PlanCounts): string {
  return `${run.stack}: ${counts.add} to add, ${counts.change} to change, ${counts.replace} to replace, ${counts.destroy} to destroy`;
}

export function writePlanJson(dir: string, run: StackRun, planJson: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${run.stack}.json`);
  writeFileSync(file, planJson);
  return file;
}
