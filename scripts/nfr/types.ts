// The shape of the NFR catalogue: one entry per numeric promise of the runbook, saying where the promise comes
// from, which model fields define its value per environment, and how it is (or cannot be) enforced.
import type { EnvConfig } from '../../environments';
import type { NfrId } from '../../constructs/contracts/nfr';
import type { ArtifactKind } from './artifact-kind';
import type { ModelValues } from './model-values';

/** How the catalogue expects a promise to be kept. See docs/compliance.md. */
export type EnforcementClass =
  'enforced' | 'partially-enforced' | 'not-enforceable-by-infrastructure' | 'infeasible-as-written';

/** A verbatim passage of the runbook and the figures in it that this promise accounts for. */
export interface RunbookSource {
  /** Section number as in the runbook's headings, e.g. "4.2". */
  readonly section: string;
  /** Copied verbatim from vendor/runbook/skillforge-ops-runbook.md (a test checks it is still there). */
  readonly text: string;
  /** Figures of `text` this promise accounts for, spelled as the runbook scanner tokenises them. */
  readonly figures: readonly string[];
}

export type Enforcement =
  | {
      readonly class: 'enforced';
      /** Kinds of tagged artifact that count as enforcing it; other tagged artifacts are supporting evidence. */
      readonly by: readonly ArtifactKind[];
    }
  | {
      readonly class: 'partially-enforced';
      readonly by: readonly ArtifactKind[];
      /** What the rendered artifacts do not cover, and who or what covers the rest. */
      readonly missing: string;
    }
  | {
      readonly class: 'not-enforceable-by-infrastructure';
      /** Who keeps the promise, and with what. */
      readonly owner: string;
    }
  | {
      readonly class: 'infeasible-as-written';
      /** Repository path of the decision record that says what is done instead. */
      readonly decision: string;
      readonly summary: string;
    };

export interface Applicability {
  readonly holds: (env: EnvConfig) => boolean;
  /** Shown in the report for environments where the promise does not apply. */
  readonly otherwise: string;
}

export interface NfrEntry {
  readonly id: NfrId;
  /** The first source is the promise's home; later ones repeat or restate it elsewhere in the runbook. */
  readonly sources: readonly [RunbookSource, ...RunbookSource[]];
  /** The promise as the runbook states it, for the report's "runbook" column. */
  readonly promise: string;
  /** Dotted model paths that define the value; `*` matches every key of a record (e.g. services.*.x). */
  readonly fields: readonly string[];
  /** The value in one environment, read only through `fields`. */
  readonly display: (values: ModelValues) => string;
  /** Whether the environment's value keeps the runbook's promise. */
  readonly conforms: (values: ModelValues) => boolean;
  readonly enforcement: Enforcement;
  /** Absent: the promise applies to every environment. */
  readonly appliesWhen?: Applicability;
}
