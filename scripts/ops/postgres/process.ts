// Runs a command to completion for the throwaway PostgreSQL (initdb), failing with its output so a broken set-up
// explains itself.
import { spawn } from 'node:child_process';

/** Unix user and group to run a command as; only root may set them. */
export interface ProcessIdentity {
  readonly uid: number;
  readonly gid: number;
}

export interface RunProcessOptions {
  /** Run as this user; omit to run as the current one. */
  readonly identity?: ProcessIdentity;
  /** A folder the command's user can enter (a root-owned working directory may not be). */
  readonly cwd: string;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: options.cwd,
      ...(options.identity ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve(output);
      } else {
        reject(
          new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}):\n${output}`),
        );
      }
    });
  });
}
