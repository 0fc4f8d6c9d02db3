// The README's rule table, generated from the catalogue so the two cannot drift apart.
import type { Rule } from './types';

export const TABLE_START = '<!-- rule-table:start: generated from rules/index.ts, do not edit by hand -->';
export const TABLE_END = '<!-- rule-table:end -->';

/** A Markdown table with padded columns, the layout Prettier gives it, so formatting the README keeps it equal. */
export function renderRuleTable(rules: readonly Rule[]): string {
  const header = ['Rule', 'checkov / trivy ids', 'Severity', 'Resource types'];
  const rows = rules.map((rule) => [
    `\`${rule.id}\``,
    rule.checkIds.join(', ') || '(project rule)',
    rule.severity,
    rule.resourceTypes.map((type) => `\`${type}\``).join(', '),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, 3, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The README with the text between the table markers replaced; throws if the markers are missing. */
export function withRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README lacks the markers ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
