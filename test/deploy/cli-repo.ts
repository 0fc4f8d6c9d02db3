// A throwaway copy of the repository with its own git history and a fake `terraform` on PATH (fake-terraform.cjs)
// that records every call (working directory, arguments, TF_DATA_DIR), so `npm run plan|deploy` and the review
// of their plans run end to end: the real render check (which runs `git status`), and no cloud. node_modules is
// symlinked, not copied.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');
const COPY_EXCLUDES = ['./node_modules', './.git', './cdktf.out', './dist', './.terraform-bootstrap', './.terraform-work'];

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Terraform calls as "<cwd relative to the copy>|<args>" (the copy's path written as <repo>). */
  readonly terraform: string[];
  /** The raw log lines, with TF_DATA_DIR. */
  readonly log: string[];
}

export interface CliRepo {
  readonly root: string;
  /** Asynchronous so the test worker keeps answering vitest while the command runs. */
  run(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** The cdktf CLI of node_modules, with the same fake terraform. */
  cdktf(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Commits everything in the copy (to make a change "committed but not rendered"). */
  commit(message: string): void;
  git(...args: string[]): string;
  cleanup(): void;
}

function runNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // stdin is closed: a prompt reads end of input, as in CI without a terminal.
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function git(root: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.email=test@skillforge.example', '-c', 'user.name=test', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function makeCliRepo(): CliRepo {
  const base = mkdtempSync(join(tmpdir(), 'skillforge-cli-'));
  const root = join(base, 'repo');
  const bin = join(base, 'bin');
  mkdirSync(root);
  mkdirSync(bin);
  const copy = spawnSync(
    'sh',
    ['-c', `tar ${COPY_EXCLUDES.map((e) => `--exclude=${e}`).join(' ')} -cf - . | tar -xf - -C "${root}"`],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (copy.status !== 0) throw new Error(`copying the repository failed: ${copy.stderr}`);
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  copyFileSync(join(__dirname, 'fake-terraform.cjs'), join(bin, 'terraform'));
  spawnSync('chmod', ['+x', join(bin, 'terraform')]);
  // Render in the copy so the committed tree is fresh whatever state the working tree's deploy/ is in.
  const synth = spawnSync(process.execPath, [join(root, 'scripts/bin/skillforge.cjs'), 'synth'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SKILLFORGE_REPO_ROOT: root, SKILLFORGE_DEPLOY_DIR: join(root, 'deploy') },
  });
  if (synth.status !== 0) throw new Error(`synth in the copy failed: ${synth.stderr}`);
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'snapshot for the CLI test');
  const log = join(base, 'terraform.log');
  const run = async (command: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => {
      rmSync(log, { force: true });
      const result = await runNode(command, root, {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        FAKE_TERRAFORM_LOG: log,
        SKILLFORGE_REPO_ROOT: root,
        SKILLFORGE_DEPLOY_DIR: join(root, 'deploy'),
        INIT_CWD: root,
        ...env,
      });
      const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
      return {
        ...result,
        log: lines.map((line) => line.replaceAll(root, '<repo>')),
        terraform: lines.map((line) =>
          line.replace(/\|TF_DATA_DIR=.*$/, '').replace(`${root}/`, '').replaceAll(root, '<repo>'),
        ),
      };
  };
  return {
    root,
    run: (args, env) => run([join(root, 'scripts/bin/skillforge.cjs'), ...args], env),
    cdktf: (args, env) => run([join(root, 'node_modules/cdktf-cli/bundle/bin/cdktf'), ...args], { CHECKPOINT_DISABLE: '1', ...env }),
    commit(message) {
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', message);
    },
    git: (...args) => git(root, ...args),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}
