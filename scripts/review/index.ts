// The review's public surface: the command, and the pieces a CI job or a test calls on their own.
export {
  ACKNOWLEDGEMENTS_FILE,
  applyAcknowledgements,
  loadAcknowledgements,
  parseAcknowledgements,
} from './acknowledgements';
export type { Acknowledgement, AcknowledgedFindings, ReviewedFinding } from './acknowledgements';
export { findDestructiveChanges, FINDING_KINDS } from './destructive';
export { findDisruptiveChanges } from './disruptive-changes';
export type { DisruptiveChange } from './disruptive-changes';
export { readPlans } from './plan-file';
export type { PlanIndex, StackPlan } from './plan-file';
export type { Finding, FindingKind, GateOptions, ReplacedAttribute } from './destructive';
export { isBlocking } from './acknowledgements';
export { renderMarkdown } from './markdown';
export type { MarkdownOptions } from './markdown';
export { LAYER_LABELS, LAYERS, ReviewError } from './model';
export type {
  EnvDiff,
  FieldChange,
  ItemDiff,
  ItemStatus,
  Layer,
  LayerDiff,
  LineCounts,
  TreeDiff,
} from './model';
export { EXIT_CODES, runReview } from './run-review';
export type { ReviewOptions, TextSink } from './run-review';
export { STATEFUL_KUBERNETES_KINDS } from './stateful-registry';
export { REPLACEMENT_TABLE, providerDocsUrl, replacementEntry } from './replacement-registry';
export { diffTrees } from './tree-diff';
export type { DiffTreesOptions } from './tree-diff';
