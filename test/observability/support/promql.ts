// The series names a PromQL expression selects, for lint rules that need them without a PromQL parser in Node:
// strings, label matchers, ranges and grouping clauses are blanked out, function and aggregation names are
// recognised by the "(" that follows them. promtool parses the same expressions for real (target-promql-rule).
const CLAUSES = /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g;
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'group_left',
  'group_right',
  'inf',
  'nan',
]);

export function seriesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(CLAUSES, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const rest = bare.slice((match.index ?? 0) + match[0].length).trimStart();
    if (rest.startsWith('(') || KEYWORDS.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return [...names].sort();
}

/** Range selectors' windows: `[5m]`, `[$__rate_interval]`. */
export const windowsIn = (expr: string): string[] =>
  [...expr.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1] ?? '');

/** Counters (`*_total`) read without rate() or increase(): a raw counter is meaningless on a graph. */
export const rawCounters = (expr: string): string[] =>
  [...expr.matchAll(/(\w*\(?)\s*([a-zA-Z_:][a-zA-Z0-9_:]*_total)\b/g)]
    .filter(([, before]) => before !== 'rate(' && before !== 'increase(' && before !== 'irate(')
    .map(([, , name]) => name ?? '');
