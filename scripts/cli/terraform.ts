// `npm run plan|deploy -- --env <name>`: cdktf diff/deploy on exactly that environment's stacks, in dependency
// order, after proving the committed render is what would be deployed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type EnvConfig, loadEnvironment } from '../../environments';
import { stackId, stackIds } from '../../constructs/contracts';
import { staleTerraformRender } from '../render/freshness';
import { envOption, parseOptions, UsageError } from './args';
import type { Command, CommandIo } from './io';
import { deployDir, repoRoot } from './paths';

const bootstrapOption = {
  type: 'boolean',
  description: 'only the <env>-bootstrap stack (the state bucket, local state): the one-time first step',
} as const;

/** The stacks a command acts on: the deployed layers in dependency order, or only the bootstrap stack. */
export function targetStacks(env: EnvConfig, bootstrap: boolean): string[] {
  return bootstrap ? [stackId(env, 'bootstrap')] : stackIds(env);
}

export const plan: Command = async (argv, io) => {
  const options = parseOptions('plan', argv, { env: envOption(true), bootstrap: bootstrapOption });
  const env = loadEnvironment(String(options.env));
  await assertRenderCommitted(env, 'plan');
  const synthCode = await runCdktf(env, ['synth'], io);
  if (synthCode !== 0) return synthCode;
  for (const stack of targetStacks(env, options.bootstrap === true)) {
    const code = await runCdktf(env, ['diff', stack, '--skip-synth'], io);
    if (code !== 0) return code;
  }
  return 0;
};

export const deploy: Command = async (argv, io) => {
  const options = parseOptions('deploy', argv, {
    env: envOption(true),
    'auto-approve': { type: 'boolean', description: "skip cdktf's approval prompt (passed through)" },
    bootstrap: bootstrapOption,
  });
  const env = loadEnvironment(String(options.env));
  await assertRenderCommitted(env, 'deploy');
  const approve = options['auto-approve'] ? ['--auto-approve'] : [];
  return runCdktf(env, ['deploy', ...targetStacks(env, options.bootstrap === true), ...approve], io);
};

/** Refuses when deploy/<env>/terraform differs from a fresh render: someone changed the model without rendering. */
async function assertRenderCommitted(env: EnvConfig, command: string): Promise<void> {
  const stale = await staleTerraformRender(env, deployDir(), repoRoot());
  if (stale.length > 0) {
    throw new UsageError(
      `${command}: the rendered Terraform differs from a fresh synth (${stale.join(', ')}); run \`npm run synth -- --env ${env.name}\`, review and commit it first`,
    );
  }
}

function runCdktf(env: EnvConfig, args: readonly string[], io: CommandIo): Promise<number> {
  const cdktf = join(repoRoot(), 'node_modules', '.bin', 'cdktf');
  io.stderr.write(`$ SKILLFORGE_ENV=${env.name} cdktf ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cdktf, args, {
      cwd: repoRoot(),
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, SKILLFORGE_ENV: env.name, CHECKPOINT_DISABLE: '1' },
    });
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
