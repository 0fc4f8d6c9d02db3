// What a long wait looks like to the operator. On a terminal, one status line that says what is awaited and for how
// long, redrawn every second and cleared when the wait ends (`aws rds wait …` can take half an hour). Elsewhere (CI,
// a log file) the output stays JSON lines: a `wait.progress` event every minute of waiting instead.
import type { LogFn } from './log';

export interface ProgressHandle {
  done(): void;
}

export interface Progress {
  /** Starts showing a wait; a wait started inside another shows nothing (the outer one says more). */
  start(what: string, log: LogFn): ProgressHandle;
}

/** Calls `tick` every `ms` until the returned function is called. */
export type Ticker = (ms: number, tick: () => void) => () => void;

export const realTicker: Ticker = (ms, tick) => {
  const timer = setInterval(tick, ms);
  // A wait that ends lets the process exit; the ticker never keeps it alive.
  timer.unref();
  return () => clearInterval(timer);
};

const TICK_MS = 1_000;
const LOG_EVERY_SECONDS = 60;
/** Short waits (most command lines) never draw anything. */
const SHOW_AFTER_SECONDS = 2;
const MAX_WIDTH = 120;

export interface StatusLine {
  /** Shows `text` in place of the previous status ("" clears it). */
  show(text: string): void;
}

export function createProgress(options: {
  readonly now: () => Date;
  readonly ticker: Ticker;
  /** Present when stderr is a terminal. */
  readonly status: StatusLine | undefined;
}): Progress {
  let active = false;
  return {
    start(what, log) {
      if (active) return { done: () => undefined };
      active = true;
      const started = options.now().getTime();
      let logged = 0;
      const stop = options.ticker(TICK_MS, () => {
        const seconds = Math.floor((options.now().getTime() - started) / 1000);
        if (options.status && seconds >= SHOW_AFTER_SECONDS) {
          options.status.show(`… waiting for ${what} (${elapsed(seconds)})`.slice(0, MAX_WIDTH));
        } else if (!options.status && seconds >= (logged + 1) * LOG_EVERY_SECONDS) {
          logged = Math.floor(seconds / LOG_EVERY_SECONDS);
          log('wait.progress', { waitingFor: what, elapsedSeconds: seconds });
        }
      });
      return {
        done() {
          stop();
          options.status?.show('');
          active = false;
        },
      };
    },
  };
}

/** 1h 02m 05s, 2m 05s, 5s. */
export function elapsed(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(rest)}s`;
  if (minutes > 0) return `${minutes}m ${pad(rest)}s`;
  return `${rest}s`;
}

/**
 * A status line on a terminal stream that other output (the JSON log lines) can interleave with: every write
 * clears the status first and draws it again after.
 */
export function terminalStatus(stream: { write(text: string): unknown }): {
  readonly status: StatusLine;
  readonly sink: { write(text: string): unknown };
} {
  let current = '';
  const CLEAR = '\r\x1b[2K';
  return {
    status: {
      show(text) {
        if (text === current) return;
        stream.write(`${CLEAR}${text}`);
        current = text;
      },
    },
    sink: {
      write(text) {
        if (current === '') return stream.write(text);
        stream.write(`${CLEAR}${text}${current}`);
        return true;
      },
    },
  };
}
