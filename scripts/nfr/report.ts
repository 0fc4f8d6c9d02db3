// The `nfr-report` render layer's one file, built from what the earlier layers rendered in the same run.
import type { EnvConfig } from '../../environments';
import { type RenderedFile, textFile } from '../../constructs/contracts/rendered-file';
import { evaluate } from './evaluate';
import { reportMarkdown } from './report-markdown';
import { scannerExceptionsMarkdown } from './scanner-exceptions';

/** Relative to deploy/<env>/. */
export const NFR_REPORT_PATH = 'nfr-report.md';

export const nfrReportFile = (env: EnvConfig, earlier: readonly RenderedFile[]): RenderedFile =>
  textFile(NFR_REPORT_PATH, `${reportMarkdown(evaluate(env, earlier))}\n${scannerExceptionsMarkdown(env)}\n`);
