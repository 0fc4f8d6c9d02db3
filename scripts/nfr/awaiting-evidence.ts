// Recorded reasons for promises the catalogue expects to be enforced but no rendered artifact is tagged with yet:
// the layer that should tag it, and what it should tag. The report shows these as "evidence missing"; a promise
// without evidence and without an entry here fails the suite, and an entry whose promise has evidence in every
// environment fails it too (delete the entry), so this list only ever shrinks to what is really outstanding.
import type { NfrId } from '../../constructs/contracts/nfr';

export interface AwaitingTag {
  /** Render layer (scripts/render/layers.ts) expected to record the provenance. */
  readonly layer: 'terraform' | 'kubernetes' | 'observability' | 'argocd';
  /** The artifact that should carry the id. */
  readonly what: string;
}

export type AwaitingEvidence = Readonly<Partial<Record<NfrId, AwaitingTag>>>;

export const awaitingEvidence: AwaitingEvidence = {};
