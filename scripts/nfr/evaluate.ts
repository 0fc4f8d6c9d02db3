// Joins the catalogue, one environment's model and the provenance found in its render into report rows. This is
// where "enforced" is checked rather than claimed: a promise the catalogue calls enforced needs an artifact
// tagged with its id, or a recorded reason why there is none yet.
import type { EnvConfig } from '../../environments';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { kindOf } from './artifact-kind';
import { catalogue as defaultCatalogue } from './catalogue';
import { awaitingEvidence as defaultAwaiting, type AwaitingEvidence } from './awaiting-evidence';
import { modelValues } from './model-values';
import { type Evidence, type ProvenanceProblem, readProvenance } from './provenance';
import type { EnforcementClass, NfrEntry } from './types';

export type Outcome =
  | EnforcementClass
  /** Expected to be enforced, no artifact yet, and a recorded reason (a layer that does not tag it yet). */
  | 'evidence-missing'
  | 'not-applicable'
  /** Expected to be enforced, no artifact, no reason: the suite fails on this. */
  | 'unexplained-gap';

export interface ReportRow {
  readonly entry: NfrEntry;
  readonly applies: boolean;
  /** The value in this environment, as the entry displays it. */
  readonly value: string;
  readonly conforms: boolean;
  /** Tagged artifacts of a kind the catalogue counts as enforcing this promise. */
  readonly enforcing: readonly Evidence[];
  /** Other artifacts tagged with the id: dashboards, probes, anything for promises nothing can enforce. */
  readonly supporting: readonly Evidence[];
  readonly outcome: Outcome;
  readonly explanation: string;
}

export interface NfrReport {
  readonly env: string;
  /** In catalogue (runbook) order. */
  readonly rows: readonly ReportRow[];
  /** Malformed provenance and tags naming ids the catalogue does not know. */
  readonly problems: readonly ProvenanceProblem[];
}

export interface EvaluateOptions {
  readonly catalogue?: readonly NfrEntry[];
  readonly awaiting?: AwaitingEvidence;
}

export function evaluate(
  env: EnvConfig,
  files: readonly RenderedFile[],
  { catalogue = defaultCatalogue, awaiting = defaultAwaiting }: EvaluateOptions = {},
): NfrReport {
  const provenance = readProvenance(files);
  const known = new Set<string>(catalogue.map((entry) => entry.id));
  const unknown = provenance.evidence
    .filter((evidence) => !known.has(evidence.nfr))
    .map((evidence) => ({
      file: evidence.file,
      message: `${evidence.object} is tagged with "${evidence.nfr}", which is not an id of the NFR catalogue (scripts/nfr/catalogue)`,
    }));
  const rows = catalogue.map((entry) => {
    const evidence = provenance.evidence.filter((e) => e.nfr === entry.id);
    const kinds = 'by' in entry.enforcement ? entry.enforcement.by : [];
    const enforcing = evidence.filter((e) => kinds.includes(kindOf(e)));
    const values = modelValues(env, entry.fields);
    const applies = entry.appliesWhen?.holds(env) ?? true;
    return {
      entry,
      applies,
      value: entry.display(values),
      conforms: entry.conforms(values),
      enforcing,
      supporting: evidence.filter((e) => !enforcing.includes(e)),
      ...outcomeOf(entry, applies, enforcing.length > 0, awaiting),
    };
  });
  return { env: env.name, rows, problems: [...provenance.problems, ...unknown] };
}

function outcomeOf(
  entry: NfrEntry,
  applies: boolean,
  evidenced: boolean,
  awaiting: AwaitingEvidence,
): { outcome: Outcome; explanation: string } {
  const enforcement = entry.enforcement;
  if (!applies) return { outcome: 'not-applicable', explanation: entry.appliesWhen?.otherwise ?? '' };
  switch (enforcement.class) {
    case 'not-enforceable-by-infrastructure':
      return { outcome: enforcement.class, explanation: `kept by ${enforcement.owner}` };
    case 'infeasible-as-written':
      return { outcome: enforcement.class, explanation: enforcement.summary };
    case 'enforced':
    case 'partially-enforced': {
      const explanation = enforcement.class === 'partially-enforced' ? enforcement.missing : '';
      if (evidenced) return { outcome: enforcement.class, explanation };
      const pending = awaiting[entry.id];
      return pending
        ? {
            outcome: 'evidence-missing',
            explanation: `no tagged artifact yet: the ${pending.layer} layer should tag ${pending.what}`,
          }
        : {
            outcome: 'unexplained-gap',
            explanation: `no ${enforcement.by.join(' or ')} artifact is tagged with this id, and no reason is recorded`,
          };
    }
  }
}
