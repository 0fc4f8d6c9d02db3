// Makes one table equal to the source rows: COPY them into a temporary staging table, then delete, update and
// insert only what differs. Unchanged rows are never rewritten, so a repeated run leaves no trace in the table
// (not even new row versions) and reports zero changes.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { OccupationRow, SkillRow } from './dataset';
import type { SeedHooks, SeedTable, TableChangeCounts } from './types';

export interface TableSyncSpec<Row> {
  readonly table: SeedTable;
  /** The primary key columns, used to match staged rows with existing ones. */
  readonly keyColumns: readonly string[];
  readonly valueColumns: readonly string[];
  /** The row's values in `keyColumns` then `valueColumns` order. */
  readonly toValues: (row: Row) => readonly string[];
}

export const OCCUPATIONS_SYNC: TableSyncSpec<OccupationRow> = {
  table: 'occupations',
  keyColumns: ['soc_code'],
  valueColumns: ['title', 'description'],
  toValues: (row) => [row.socCode, row.title, row.description],
};

export const SKILLS_SYNC: TableSyncSpec<SkillRow> = {
  table: 'skills',
  keyColumns: ['term', 'label'],
  valueColumns: ['europa_code'],
  toValues: (row) => [row.term, row.label, row.europaCode],
};

// Rows per COPY chunk: large enough that per-chunk overhead vanishes, small enough to keep memory flat.
const ROWS_PER_CHUNK = 1_000;

/**
 * Loads `rows` into `seed_<table>`, a temporary copy of the table dropped at commit, through COPY FROM STDIN.
 * Must run inside the caller's transaction.
 */
export async function stageRows<Row>(
  client: ClientBase,
  spec: TableSyncSpec<Row>,
  rows: readonly Row[],
  context: { readonly backendPid: number; readonly hooks: SeedHooks | undefined },
): Promise<void> {
  const staging = stagingTable(spec);
  await client.query(`CREATE TEMPORARY TABLE ${staging} (LIKE ${spec.table} INCLUDING ALL) ON COMMIT DROP`);
  const columns = [...spec.keyColumns, ...spec.valueColumns].join(', ');
  const copy = client.query(copyFrom(`COPY ${staging} (${columns}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(spec, rows, context)), copy);
  if (copy.rowCount !== rows.length) {
    throw new Error(`COPY into ${staging} stored ${copy.rowCount} rows, expected ${rows.length}`);
  }
}

async function* copyChunks<Row>(
  spec: TableSyncSpec<Row>,
  rows: readonly Row[],
  context: { readonly backendPid: number; readonly hooks: SeedHooks | undefined },
): AsyncGenerator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    yield rows
      .slice(start, start + ROWS_PER_CHUNK)
      .map((row) => spec.toValues(row).map(escapeCopyText).join('\t') + '\n')
      .join('');
    if (start === 0 && context.hooks?.duringCopy !== undefined) {
      await context.hooks.duringCopy({ table: spec.table, backendPid: context.backendPid });
    }
  }
}

/** Applies the staged rows to the real table and counts what changed. Must run inside the caller's transaction. */
export async function applyStagedRows<Row>(
  client: ClientBase,
  spec: TableSyncSpec<Row>,
  stagedRows: number,
): Promise<TableChangeCounts> {
  const staging = stagingTable(spec);
  const matchKey = spec.keyColumns.map((column) => `target.${column} = staged.${column}`).join(' AND ');
  const targetValues = spec.valueColumns.map((column) => `target.${column}`).join(', ');
  const stagedValues = spec.valueColumns.map((column) => `staged.${column}`).join(', ');
  const assignments = spec.valueColumns.map((column) => `${column} = staged.${column}`).join(', ');
  const allColumns = [...spec.keyColumns, ...spec.valueColumns];

  // The files are the truth: rows the source no longer has are removed.
  const deleted = await client.query(
    `DELETE FROM ${spec.table} AS target
      WHERE NOT EXISTS (SELECT 1 FROM ${staging} AS staged WHERE ${matchKey})`,
  );
  // ROW(...) IS DISTINCT FROM ROW(...) skips identical rows, which is what keeps a repeated run from writing.
  const updated = await client.query(
    `UPDATE ${spec.table} AS target SET ${assignments}
       FROM ${staging} AS staged
      WHERE ${matchKey} AND ROW(${targetValues}) IS DISTINCT FROM ROW(${stagedValues})`,
  );
  const inserted = await client.query(
    `INSERT INTO ${spec.table} (${allColumns.join(', ')})
     SELECT ${allColumns.map((column) => `staged.${column}`).join(', ')} FROM ${staging} AS staged
      WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} AS target WHERE ${matchKey})`,
  );
  const counts = {
    inserted: inserted.rowCount ?? 0,
    updated: updated.rowCount ?? 0,
    deleted: deleted.rowCount ?? 0,
  };
  return { ...counts, unchanged: stagedRows - counts.inserted - counts.updated };
}

function stagingTable<Row>(spec: TableSyncSpec<Row>): string {
  return `seed_${spec.table}`;
}

// COPY's text format: backslash starts an escape, tab separates columns and a line end ends the row, so those four
// characters are escaped. `\N` (NULL) can then never appear unescaped, and every field is NOT NULL anyway.
export function escapeCopyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character] ?? character);
}

const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
