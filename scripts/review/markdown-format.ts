// Small Markdown building blocks: inline code that survives any value, truncated values, one line per field.
import { countLineChanges } from './line-diff';
import type { FieldChange, LineCounts } from './model';

/** Inline code for any text: the fence is one backtick longer than the longest backtick run inside. */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = longestRun > 0 || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(1, maxLength - 1))}…`;
}

/** A value as compact JSON (strings quoted, so `"true"` and `true` stay apart), cut to `maxLength`. */
export function formatValue(value: unknown, maxLength: number): string {
  return inlineCode(truncate(JSON.stringify(value) ?? String(value), maxLength));
}

export function formatLineCounts(lines: LineCounts): string {
  return `+${lines.added} −${lines.removed} lines`;
}

/**
 * Two long values that differ late (a PromQL threshold at the end of a long expression) would truncate to the same
 * text; both are cut to a window that starts just before the first differing character instead.
 */
export function formatChangedValues(before: unknown, after: unknown, maxLength: number): [string, string] {
  const left = JSON.stringify(before) ?? String(before);
  const right = JSON.stringify(after) ?? String(after);
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common += 1;
  const context = Math.min(20, Math.floor(maxLength / 4));
  const start = Math.max(left.length, right.length) > maxLength && common > context ? common - context : 0;
  const cut = (text: string): string =>
    inlineCode(truncate(start > 0 ? `…${text.slice(start)}` : text, maxLength));
  return [cut(left), cut(right)];
}

function isMultiline(value: unknown): value is string {
  return typeof value === 'string' && value.includes('\n');
}

function formatElements(added: readonly unknown[], removed: readonly unknown[], maxLength: number): string {
  const parts = [
    ...added.map((value) => `+${formatValue(value, maxLength)}`),
    ...removed.map((value) => `−${formatValue(value, maxLength)}`),
  ];
  const shown = parts.slice(0, 6);
  return parts.length > shown.length
    ? `${shown.join(' ')} … and ${parts.length - shown.length} more`
    : shown.join(' ');
}

/** One field change as Markdown: `` `path`: `before` → `after` ``. */
export function formatFieldChange(field: FieldChange, maxLength: number): string {
  const path = inlineCode(field.path === '' ? '(whole value)' : field.path);
  switch (field.change) {
    case 'added':
      return `${path}: added ${formatValue(field.after, maxLength)}`;
    case 'removed':
      return `${path}: removed (was ${formatValue(field.before, maxLength)})`;
    case 'reordered':
      return `${path}: same elements, new order`;
    case 'elements':
      return `${path}: ${formatElements(field.added, field.removed, maxLength)}`;
    case 'changed':
      // Scripts and configuration files inside a ConfigMap read better as a size of change than as two cut-off
      // strings.
      if (isMultiline(field.before) || isMultiline(field.after)) {
        const before = typeof field.before === 'string' ? field.before : JSON.stringify(field.before);
        const after = typeof field.after === 'string' ? field.after : JSON.stringify(field.after);
        return `${path}: text changed, ${formatLineCounts(countLineChanges(before, after))}`;
      }
      const [before, after] = formatChangedValues(field.before, field.after, maxLength);
      return `${path}: ${before} → ${after}`;
  }
}
