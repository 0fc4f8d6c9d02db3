// The real Prometheus tools, never a stand-in: a missing binary fails the suite with the command that installs it.
import { spawnSync } from 'node:child_process';

export const PROMTOOL = {
  binary: 'promtool',
  install:
    'apt-get install -y --no-install-recommends prometheus   (Debian bookworm: promtool 2.42 in /usr/bin)',
} as const;
export const AMTOOL = {
  binary: 'amtool',
  install: 'apt-get install -y --no-install-recommends prometheus-alertmanager   (Debian bookworm: 0.25)',
} as const;
export const ALERTMANAGER = {
  binary: 'prometheus-alertmanager',
  install: AMTOOL.install,
} as const;

export interface Tool {
  readonly binary: string;
  readonly install: string;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Throws an error that says how to install the tool when it is not on PATH. */
export function requireTool(tool: Tool): void {
  const probe = spawnSync(tool.binary, ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `${tool.binary} is not installed (${probe.error.message}). Install it with: ${tool.install}`,
    );
  }
}

export function run(tool: Tool, args: readonly string[], cwd?: string): RunResult {
  requireTool(tool);
  const result = spawnSync(tool.binary, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const describeRun = (result: RunResult): string =>
  `exit ${String(result.status)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
