// Runs one scanner process and reads its JSON report. A scanner that crashes or prints something that is not its
// report fails with its own stderr, so the cause is in the test output.
import { execFile } from 'node:child_process';
import type { Tool } from './tools';
import { REPO_ROOT } from './tools';

export interface ToolRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export class ScannerFailure extends Error {}

export interface RunOptions {
  /** Exit codes that still mean "the scan ran" (findings), besides 0. */
  readonly okStatuses?: readonly number[];
  readonly env?: NodeJS.ProcessEnv;
}

export function runTool(tool: Tool, args: readonly string[], options: RunOptions = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(
      tool.path,
      args,
      { cwd: REPO_ROOT, env: options.env ?? process.env, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (status !== 0 && !(options.okStatuses ?? []).includes(status)) {
          reject(
            new ScannerFailure(
              `${tool.name} ${tool.version} failed (exit ${error?.code ?? error?.signal}): ${tool.name} ${args.join(' ')}\n` +
                `stderr:\n${tail(stderr)}`,
            ),
          );
          return;
        }
        resolve({ stdout, stderr, status });
      },
    );
  });
}

/** Every JSON document printed back to back (checkov prints one report per scanned folder). */
export function parseJsonDocuments(tool: Tool, run: ToolRun): unknown[] {
  const documents: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < run.stdout.length; index++) {
    const char = run.stdout[index]!;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth++ === 0) start = index;
    } else if (char === '}' || char === ']') {
      if (--depth === 0) documents.push(parseOne(tool, run, run.stdout.slice(start, index + 1)));
    } else if (depth === 0 && !/\s/.test(char)) {
      throw unparsable(tool, run, `unexpected "${char}" at offset ${index}`);
    }
  }
  if (depth !== 0 || documents.length === 0) throw unparsable(tool, run, 'no complete JSON report');
  return documents;
}

function parseOne(tool: Tool, run: ToolRun, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unparsable(tool, run, (error as Error).message);
  }
}

function unparsable(tool: Tool, run: ToolRun, why: string): ScannerFailure {
  return new ScannerFailure(
    `${tool.name} ${tool.version} printed output that is not its JSON report (${why}):\n` +
      `stdout:\n${tail(run.stdout)}\nstderr:\n${tail(run.stderr)}`,
  );
}

const tail = (text: string) => (text.length > 4000 ? `…${text.slice(-4000)}` : text || '(empty)');
