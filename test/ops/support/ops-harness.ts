// Runs operations commands in-process with a fixed clock and injected executor, cluster client and HTTP client,
// and captures stdout and the JSON log lines. Anything a test does not inject fails loudly when used.
import path from 'node:path';
import type { CommandIo } from '../../../scripts/cli/io';
import type { KubeActions } from '../../../scripts/ops/kubernetes/client';
import { type OpsCommandDefinition, runOps } from '../../../scripts/ops/runner/command';
import type { OpsDeps } from '../../../scripts/ops/runner/deps';
import type { Executor } from '../../../scripts/ops/runner/exec';
import type { LogRecord } from '../../../scripts/ops/runner/log';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
/** 2026-11-27 08:30:00 UTC, a Friday inside the EU peak window (08:00–12:00 UTC). */
export const FIXED_NOW = new Date('2026-11-27T08:30:00.000Z');
export const FIXED_SHA = '0123456789abcdef0123456789abcdef01234567';

export interface CapturedIo {
  readonly io: CommandIo;
  stdout(): string;
  stderr(): string;
  logs(): LogRecord[];
}

export function captureIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
    },
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      err
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as LogRecord),
  };
}

const unavailable = (what: string) => () => {
  throw new Error(`${what} is not available in this test`);
};

export function testDeps(deployDir: string, overrides: Partial<OpsDeps> = {}): OpsDeps {
  return {
    now: () => FIXED_NOW,
    sleep: async () => undefined,
    exec: { run: unavailable('the tool executor') } as Executor,
    kube: unavailable('a cluster') as () => Promise<KubeActions>,
    fetch: unavailable('HTTP') as unknown as typeof fetch,
    processEnv: {},
    deployDir: () => deployDir,
    repoRoot: () => REPOSITORY_ROOT,
    gitHead: async () => FIXED_SHA,
    ...overrides,
  };
}

export async function run(
  definition: OpsCommandDefinition,
  argv: readonly string[],
  deps: OpsDeps,
): Promise<{ code: number } & CapturedIo> {
  const captured = captureIo();
  const code = await runOps(definition, argv, captured.io, deps);
  return { code, ...captured };
}
