// Pairs a removed stateful item with the added item that replaces it. To Terraform a changed construct id is a new
// address: it plans a destroy of the old resource and a create of the new one, data and all. Reporting the pair
// tells the reviewer it was a rename (fixable with a `moved` block or `terraform state mv`), not two unrelated edits.
import { compareText, type ItemDiff } from './model';
import { isPlainObject, stableStringify } from './value-diff';

/** Share of identical leaf attributes from which two bodies count as the same resource under a new address. */
export const RENAME_SIMILARITY_THRESHOLD = 0.8;

export interface RenamePair {
  readonly removed: ItemDiff;
  readonly added: ItemDiff;
  readonly similarity: number;
  readonly sameConstructLeaf: boolean;
}

function flattenLeaves(value: unknown, path: string, into: Map<string, string>): Map<string, string> {
  if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) flattenLeaves(child, `${path}.${key}`, into);
  } else if (
    Array.isArray(value) &&
    value.some((element) => typeof element === 'object' && element !== null)
  ) {
    value.forEach((element, index) => flattenLeaves(element, `${path}[${index}]`, into));
  } else {
    into.set(path, stableStringify(value));
  }
  return into;
}

/** Fraction of leaf attributes (union of both sides) that are equal; 0 when neither side has any. */
export function attributeSimilarity(before: unknown, after: unknown): number {
  const left = flattenLeaves(before, '', new Map());
  const right = flattenLeaves(after, '', new Map());
  const keys = new Set([...left.keys(), ...right.keys()]);
  if (keys.size === 0) return 0;
  let equal = 0;
  for (const key of keys) if (left.has(key) && left.get(key) === right.get(key)) equal += 1;
  return equal / keys.size;
}

export function constructLeaf(path: string | undefined): string | undefined {
  return path?.split('/').pop();
}

/**
 * Greedy one-to-one pairing within each kind, best candidates first: the same construct-path leaf, then the more
 * similar body. `comparable` strips what a rename necessarily changes (the Kubernetes name, for instance).
 */
export function pairRenames(
  removed: readonly ItemDiff[],
  added: readonly ItemDiff[],
  comparable: (body: unknown) => unknown = (body) => body,
): RenamePair[] {
  const candidates: RenamePair[] = [];
  for (const before of removed) {
    for (const after of added) {
      if (before.kind !== after.kind) continue;
      const removedLeaf = constructLeaf(before.constructPath?.before);
      const sameConstructLeaf =
        removedLeaf !== undefined && removedLeaf === constructLeaf(after.constructPath?.after);
      const similarity = attributeSimilarity(comparable(before.before), comparable(after.after));
      if (sameConstructLeaf || similarity >= RENAME_SIMILARITY_THRESHOLD) {
        candidates.push({ removed: before, added: after, similarity, sameConstructLeaf });
      }
    }
  }
  candidates.sort(
    (a, b) =>
      Number(b.sameConstructLeaf) - Number(a.sameConstructLeaf) ||
      b.similarity - a.similarity ||
      compareText(a.removed.id, b.removed.id) ||
      compareText(a.added.id, b.added.id),
  );
  const taken = new Set<ItemDiff>();
  const pairs: RenamePair[] = [];
  for (const candidate of candidates) {
    if (taken.has(candidate.removed) || taken.has(candidate.added)) continue;
    taken.add(candidate.removed);
    taken.add(candidate.added);
    pairs.push(candidate);
  }
  return pairs.sort((a, b) => compareText(a.removed.id, b.removed.id));
}

/** Renames among `removed` × `added` (a pair each), and the removals nothing replaces. */
export function splitRenames(
  removed: readonly ItemDiff[],
  added: readonly ItemDiff[],
  comparable?: (body: unknown) => unknown,
): { readonly renames: RenamePair[]; readonly removals: ItemDiff[] } {
  const renames = pairRenames(removed, added, comparable);
  const paired = new Set(renames.map((pair) => pair.removed));
  return { renames, removals: removed.filter((item) => !paired.has(item)) };
}

/**
 * The removed and added items that `isStateful` selects, split into renames and the removals nothing replaces:
 * what both the Terraform and the Kubernetes findings start from.
 */
export function renamesAndRemovals(
  items: readonly ItemDiff[],
  isStateful: (item: ItemDiff) => boolean,
  comparable?: (body: unknown) => unknown,
): { readonly renames: RenamePair[]; readonly removals: ItemDiff[] } {
  const removed = items.filter((item) => item.status === 'removed' && isStateful(item));
  const added = items.filter((item) => item.status === 'added' && isStateful(item));
  return splitRenames(removed, added, comparable);
}
