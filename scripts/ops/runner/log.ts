// Structured log lines: one JSON object per line on stderr (stdout carries the dry-run script or the report), with
// the same seven keys every time so Loki/CloudWatch queries can rely on them.
export type LogLevel = 'info' | 'warn' | 'error';

export interface LogRecord {
  readonly time: string;
  readonly level: LogLevel;
  readonly command: string;
  readonly env: string;
  /** The step the event belongs to; null for events of the whole procedure. */
  readonly step: string | null;
  readonly event: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type LogFn = (event: string, fields?: Record<string, unknown>, level?: LogLevel) => void;

export interface OpsLogger {
  readonly log: (
    step: string | null,
    event: string,
    fields?: Record<string, unknown>,
    level?: LogLevel,
  ) => void;
  readonly forStep: (step: string | null) => LogFn;
}

export function createLogger(
  sink: { write(text: string): unknown },
  context: { readonly command: string; readonly env: string; readonly now: () => Date },
): OpsLogger {
  const log: OpsLogger['log'] = (step, event, fields = {}, level = 'info') => {
    const record: LogRecord = {
      time: context.now().toISOString(),
      level,
      command: context.command,
      env: context.env,
      step,
      event,
      fields: { ...fields },
    };
    sink.write(`${JSON.stringify(record, errorsAsText)}\n`);
  };
  return { log, forStep: (step) => (event, fields, level) => log(step, event, fields, level) };
}

// JSON.stringify turns an Error into {}; a log line must say what went wrong.
function errorsAsText(_key: string, value: unknown): unknown {
  return value instanceof Error ? value.message : value;
}
