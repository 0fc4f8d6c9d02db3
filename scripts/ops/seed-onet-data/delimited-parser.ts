// A small RFC 4180-style parser for comma- and tab-separated text. Written here rather than splitting on the
// delimiter because the source files quote fields that contain the delimiter ("Plan, direct, or coordinate …"),
// and because every rejected row must be reported with the line it starts on.

export interface DelimitedRecord {
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

/** A record the parser could not read at all; it still gets a line number so it can be reported. */
export interface MalformedRecord {
  readonly line: number;
  readonly reason: string;
}

export interface DelimitedParseResult {
  readonly records: readonly DelimitedRecord[];
  readonly malformed: readonly MalformedRecord[];
}

export interface DelimitedParseOptions {
  readonly delimiter: ',' | '\t';
}

const QUOTE = '"';

/**
 * Splits `text` into records. Line ends may be LF, CRLF or a lone CR; a final line without a line end is still a
 * record. Empty lines carry no data and are skipped. A quoted field may contain the delimiter, line breaks and
 * doubled quotes (`""` is one `"`). A record with a quote problem is returned in `malformed` and parsing carries on
 * at the next line, so one bad row does not hide the others.
 */
export function parseDelimited(text: string, options: DelimitedParseOptions): DelimitedParseResult {
  const records: DelimitedRecord[] = [];
  const malformed: MalformedRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let position = 0;
  let line = 1;

  while (position < source.length) {
    const recordLine = line;
    const fields: string[] = [];
    let problem: string | undefined;
    let recordEnded = false;

    while (!recordEnded && problem === undefined) {
      if (source[position] === QUOTE) {
        const quoted = readQuotedField(source, position, options.delimiter);
        line += quoted.lineBreaks;
        position = quoted.next;
        if ('problem' in quoted) {
          problem = quoted.problem;
          break;
        }
        fields.push(quoted.value);
      } else {
        const end = findUnquotedFieldEnd(source, position, options.delimiter);
        const value = source.slice(position, end);
        if (value.includes(QUOTE)) {
          problem = `a quote appears inside the unquoted field "${value}"; quote the whole field and double inner quotes`;
          break;
        }
        fields.push(value);
        position = end;
      }
      if (position >= source.length) {
        recordEnded = true;
      } else if (source[position] === options.delimiter) {
        position += 1;
      } else {
        position += lineEndLength(source, position);
        line += 1;
        recordEnded = true;
      }
    }

    if (problem !== undefined) {
      malformed.push({ line: recordLine, reason: problem });
      const resumeAt = skipToNextLine(source, position);
      line += resumeAt.lineBreaks;
      position = resumeAt.next;
      continue;
    }
    const isEmptyLine = fields.length === 1 && fields[0] === '';
    if (!isEmptyLine) {
      records.push({ line: recordLine, fields });
    }
  }
  return { records, malformed };
}

type QuotedFieldResult =
  | { readonly value: string; readonly next: number; readonly lineBreaks: number }
  | { readonly problem: string; readonly next: number; readonly lineBreaks: number };

// `start` points at the opening quote; `next` is the first position after the closing quote.
function readQuotedField(source: string, start: number, delimiter: string): QuotedFieldResult {
  let value = '';
  let position = start + 1;
  let lineBreaks = 0;
  for (;;) {
    const quoteAt = source.indexOf(QUOTE, position);
    if (quoteAt === -1) {
      return {
        problem: 'a quoted field is never closed (missing closing quote)',
        next: source.length,
        lineBreaks: 0,
      };
    }
    const chunk = source.slice(position, quoteAt);
    lineBreaks += countLineBreaks(chunk);
    value += chunk;
    if (source[quoteAt + 1] === QUOTE) {
      value += QUOTE;
      position = quoteAt + 2;
      continue;
    }
    const after = quoteAt + 1;
    if (after < source.length && source[after] !== delimiter && lineEndLength(source, after) === 0) {
      return {
        problem: `unexpected text after the closing quote of "${value}"`,
        next: after,
        lineBreaks,
      };
    }
    return { value, next: after, lineBreaks };
  }
}

function findUnquotedFieldEnd(source: string, start: number, delimiter: string): number {
  let position = start;
  while (position < source.length) {
    const character = source[position];
    if (character === delimiter || character === '\n' || character === '\r') {
      return position;
    }
    position += 1;
  }
  return position;
}

function lineEndLength(source: string, position: number): number {
  if (source[position] === '\r') {
    return source[position + 1] === '\n' ? 2 : 1;
  }
  return source[position] === '\n' ? 1 : 0;
}

function countLineBreaks(chunk: string): number {
  return chunk.match(/\r\n|\r|\n/g)?.length ?? 0;
}

// After a malformed record, resume at the start of the next physical line.
function skipToNextLine(source: string, from: number): { next: number; lineBreaks: number } {
  let position = from;
  while (position < source.length) {
    const length = lineEndLength(source, position);
    if (length > 0) {
      return { next: position + length, lineBreaks: 1 };
    }
    position += 1;
  }
  return { next: position, lineBreaks: 0 };
}
