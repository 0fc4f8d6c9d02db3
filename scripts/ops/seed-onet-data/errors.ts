// Errors a caller may want to tell apart (the CLI exits non-zero for all of them).
import type { RowRejection } from './dataset';

// Enough lines to fix a handful of typos in one go; the full list is in `rejections` and in the log events.
const REJECTIONS_IN_MESSAGE = 20;

/** Thrown before connecting when any source row cannot be loaded; nothing is written. */
export class RejectedRowsError extends Error {
  readonly rejections: readonly RowRejection[];

  constructor(rejections: readonly RowRejection[]) {
    const listed = rejections
      .slice(0, REJECTIONS_IN_MESSAGE)
      .map((r) => `  ${r.file}:${r.line}: ${r.reason}`);
    const more = rejections.length - listed.length;
    super(
      [
        `${rejections.length} source row(s) rejected; nothing was loaded:`,
        ...listed,
        ...(more > 0 ? [`  … and ${more} more (see the seed.row_rejected log events)`] : []),
      ].join('\n'),
    );
    this.name = 'RejectedRowsError';
    this.rejections = rejections;
  }
}

/**
 * A one-line description of anything thrown. Connection failures can be an AggregateError with an empty message
 * (one error per address tried), so the codes of the inner errors are used then.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map(describeError).join('; ');
  }
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return error.message !== '' ? error.message : (code ?? error.name);
  }
  return String(error);
}
