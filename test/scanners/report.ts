// One shape for every scanner's result, so the suite asserts and explains them the same way.
export interface Finding {
  readonly check: string;
  /** The file, relative to the repository. */
  readonly file: string;
  /** The resource or object inside the file, when the scanner names one. */
  readonly resource: string;
  readonly message: string;
  /** Why it is suppressed (the scanner's own record of the skip), for skipped findings. */
  readonly suppression?: string;
}

export interface ScanReport {
  readonly scanner: string;
  readonly target: string;
  /** The scanner's own counts, as one line for the report. */
  readonly summary: string;
  readonly failed: readonly Finding[];
  readonly skipped: readonly Finding[];
  /** Files the scanner could not parse. */
  readonly unparsed: readonly string[];
}

/** One readable line per failed finding, ending with how to accept it if it is by design. */
export function describeFailures(report: ScanReport, howToSuppress: string): string {
  const lines = report.failed.map(
    (finding) => `  ${finding.check} ${finding.file} ${finding.resource}: ${finding.message}`,
  );
  return (
    `${report.scanner} found ${report.failed.length} failed check(s) in ${report.target}:\n${lines.join('\n')}\n` +
    `Fix them, or accept one by design with a record in environments/defaults/scanner-exceptions-*.ts ` +
    `(${howToSuppress}; docs/scanners.md), then run \`npm run synth\`.`
  );
}
