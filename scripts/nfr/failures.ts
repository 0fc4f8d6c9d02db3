// What makes the NFR traceability fail, as messages: the test suite asserts these lists are empty for every
// environment, and tests each condition with a failing fixture.
import type { NfrId } from '../../constructs/contracts/nfr';
import type { AwaitingEvidence } from './awaiting-evidence';
import type { NfrReport } from './evaluate';

/** Unexplained gaps (expected enforcement, no enforcing artifact, no reason) and provenance problems of one report. */
export function traceabilityFailures(report: NfrReport): string[] {
  const gaps = report.rows
    .filter((row) => row.outcome === 'unexplained-gap')
    .map(
      (row) =>
        `${report.env}: ${row.entry.id} (§${row.entry.sources[0].section}) is ${row.entry.enforcement.class} in the catalogue, but no rendered artifact of a kind that enforces it is tagged with it, and scripts/nfr/awaiting-evidence.ts records no reason`,
    );
  const problems = report.problems.map((problem) => `${report.env}: ${problem.file}: ${problem.message}`);
  return [...gaps, ...problems];
}

/** Recorded reasons that no longer hold: the promise has evidence wherever it applies, or needs none. */
export function staleAwaiting(reports: readonly NfrReport[], awaiting: AwaitingEvidence): string[] {
  const rowsOf = (id: NfrId) => reports.flatMap((report) => report.rows.filter((row) => row.entry.id === id));
  return (Object.keys(awaiting) as NfrId[]).flatMap((id) => {
    const rows = rowsOf(id);
    if (rows.some((row) => !['enforced', 'partially-enforced'].includes(row.entry.enforcement.class))) {
      return [`${id} is not expected to be enforced: delete its entry from scripts/nfr/awaiting-evidence.ts`];
    }
    return rows.every((row) => !row.applies || row.enforcing.length > 0)
      ? [
          `${id} has tagged artifacts in every environment where it applies: delete its entry from scripts/nfr/awaiting-evidence.ts`,
        ]
      : [];
  });
}
