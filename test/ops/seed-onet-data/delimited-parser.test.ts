// The CSV/TSV parser on the cases the source files (and hand-edited copies of them) actually contain.
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../scripts/ops/seed-onet-data/delimited-parser';

const csv = (text: string) => parseDelimited(text, { delimiter: ',' });
const tsv = (text: string) => parseDelimited(text, { delimiter: '\t' });

describe('parseDelimited', () => {
  it('keeps commas and slashes inside a quoted field', () => {
    expect(csv('a,"Air/Weapons Specialists, All Other",T1\n').records).toEqual([
      { line: 1, fields: ['a', 'Air/Weapons Specialists, All Other', 'T1'] },
    ]);
  });

  it('reads a doubled quote inside a quoted field as one quote', () => {
    expect(csv('"say ""hello"", then go",x\n').records).toEqual([
      { line: 1, fields: ['say "hello", then go', 'x'] },
    ]);
  });

  it('reads a last line that has no line end', () => {
    expect(csv('h1,h2\na,b').records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a', 'b'] },
    ]);
  });

  it('treats CRLF and a lone CR as line ends without leaking \\r into fields', () => {
    expect(csv('h1,h2\r\n"a,1",b\r\nc,d\re,f\r\n').records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a,1', 'b'] },
      { line: 3, fields: ['c', 'd'] },
      { line: 4, fields: ['e', 'f'] },
    ]);
  });

  it('keeps a line break inside a quoted field and numbers later records by physical line', () => {
    expect(csv('"two\nlines",x\nnext,y\n').records).toEqual([
      { line: 1, fields: ['two\nlines', 'x'] },
      { line: 3, fields: ['next', 'y'] },
    ]);
  });

  it('skips empty lines but still counts them', () => {
    expect(csv('a,b\n\n\nc,d\n\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['c', 'd'] },
    ]);
  });

  it('splits tab-separated text on tabs only, with commas unquoted or quoted', () => {
    expect(tsv('11-1011.00\tChief, Executives\t"Plan, direct"\n').records).toEqual([
      { line: 1, fields: ['11-1011.00', 'Chief, Executives', 'Plan, direct'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(csv(',b,\n').records).toEqual([{ line: 1, fields: ['', 'b', ''] }]);
  });

  it('drops a UTF-8 byte order mark before the header', () => {
    expect(csv('\uFEFFterms,label\n').records).toEqual([{ line: 1, fields: ['terms', 'label'] }]);
  });

  it('returns no records for empty text', () => {
    expect(csv('')).toEqual({ records: [], malformed: [] });
  });

  it('reports a quoted field that is never closed at the line where it opens', () => {
    expect(csv('a,b\nc,"never closed\nd,e\n')).toEqual({
      records: [{ line: 1, fields: ['a', 'b'] }],
      malformed: [{ line: 2, reason: 'a quoted field is never closed (missing closing quote)' }],
    });
  });

  it('reports text after a closing quote and carries on with the next line', () => {
    expect(csv('"abc"def,x\nok,y\n')).toEqual({
      records: [{ line: 2, fields: ['ok', 'y'] }],
      malformed: [{ line: 1, reason: 'unexpected text after the closing quote of "abc"' }],
    });
  });

  it('reports a quote inside an unquoted field', () => {
    expect(csv('a,b"c\nok,y\n')).toEqual({
      records: [{ line: 2, fields: ['ok', 'y'] }],
      malformed: [
        {
          line: 1,
          reason:
            'a quote appears inside the unquoted field "b"c"; quote the whole field and double inner quotes',
        },
      ],
    });
  });
});
