// Markdown tables. `alignedTable` pads cells the way Prettier formats Markdown, so a generated table pasted into a
// Prettier-checked file (the README's compliance section) is byte-identical to what Prettier would keep.

export const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Column widths count characters, so cells must be ASCII (Prettier counts wide characters double). */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((row) => row.map(escapeCell));
  for (const cell of all.flat()) {
    if (!/^[\x20-\x7e]*$/.test(cell)) throw new Error(`aligned table cells must be ASCII: ${cell}`);
  }
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(all[0]!), line(widths.map((width) => '-'.repeat(width))), ...all.slice(1).map(line)].join(
    '\n',
  );
}

/** Unpadded table for wide content nobody reads raw (the per-promise table of the report). */
export function compactTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
