// Output streams of a command run, injectable so tests run commands in-process.
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  /** isTTY: a terminal, where long waits draw a status line (process.stderr sets it). */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

export const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

/** A command returns its exit code: 0 success, 1 error, 2 a gate refused (e.g. an unacknowledged destructive change). */
export type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;
