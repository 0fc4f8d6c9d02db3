// Added/removed line counts for text the review does not parse (reports, unknown files, multi-line strings).
import type { LineCounts } from './model';

// Above this many cells the exact longest-common-subsequence table costs more than a review is worth; the counts
// then come from comparing the lines as multisets, which only misses lines that merely moved.
const MAX_EXACT_CELLS = 4_000_000;

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function countLineChanges(before: string, after: string): LineCounts {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const common =
    middleA.length * middleB.length <= MAX_EXACT_CELLS
      ? longestCommonSubsequence(middleA, middleB)
      : multisetOverlap(middleA, middleB);
  return { added: middleB.length - common, removed: middleA.length - common };
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

function multisetOverlap(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let overlap = 0;
  for (const line of b) {
    const count = counts.get(line) ?? 0;
    if (count > 0) {
      overlap += 1;
      counts.set(line, count - 1);
    }
  }
  return overlap;
}
