// Runs the external tools (aws, helm, argocd, the kubectl argo rollouts plugin) without a shell, so a value
// captured from one command can never be interpreted as shell syntax by the next.
import { spawn } from 'node:child_process';

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Executor {
  run(argv: readonly string[]): Promise<ExecResult>;
}

const INSTALL_HINTS: Readonly<Record<string, string>> = {
  aws: 'install the AWS CLI v2 (https://docs.aws.amazon.com/cli/)',
  helm: 'install Helm 3 (https://helm.sh/docs/intro/install/)',
  argocd: 'install the Argo CD CLI (https://argo-cd.readthedocs.io/en/stable/cli_installation/)',
  kubectl:
    'install kubectl and the argo-rollouts plugin (https://argoproj.github.io/argo-rollouts/installation/)',
  git: 'install git',
};

export const processExecutor: Executor = {
  run(argv) {
    const [program, ...args] = argv;
    if (program === undefined) return Promise.reject(new Error('empty command line'));
    return new Promise((resolve, reject) => {
      const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.once('error', (error: NodeJS.ErrnoException) => {
        const hint = INSTALL_HINTS[program];
        reject(
          error.code === 'ENOENT'
            ? new Error(`${program} is not on PATH${hint === undefined ? '' : `; ${hint}`}`)
            : error,
        );
      });
      child.once('close', (code, signal) =>
        resolve({ code: code ?? (signal === null ? 1 : 128), stdout, stderr }),
      );
    });
  },
};
