// NFR traceability (issue #8): the catalogue of the runbook's numeric promises, the runbook scan, the provenance
// reader and the per-environment report. See docs/compliance.md.
export { kindOf, type ArtifactKind } from './artifact-kind';
export { awaitingEvidence, type AwaitingEvidence, type AwaitingTag } from './awaiting-evidence';
export { catalogue } from './catalogue';
export { evaluate, type NfrReport, type Outcome, type ReportRow } from './evaluate';
export { staleAwaiting, traceabilityFailures } from './failures';
export { modelValues, resolvePath, type ModelValues } from './model-values';
export { PROVENANCE_MAP, readProvenance, type Evidence, type Provenance } from './provenance';
export { NFR_REPORT_PATH, nfrReportFile } from './report';
export { outcomes, reportMarkdown, summaryTable } from './report-markdown';
export { runbookIgnoreRules } from './runbook-ignore';
export { describeFigure, figuresOf, scanRunbook, type Figure, type IgnoreRule } from './runbook-scan';
export type * from './types';
