// CDKTF renders `Fn.jsonencode({...})` as an HCL expression, not as JSON:
//   "${jsonencode({\"Version\" = \"2012-10-17\", \"Statement\" = [{\"Resource\" = aws_s3_bucket.assets.arn}]})}"
// This parser reads that literal subset (objects with `=` or `:`, tuples, strings, numbers, true/false/null) and
// keeps every other expression (a traversal such as aws_s3_bucket.assets.arn, a function call, CDKTF's
// `undefined` for a token it could not render) as a token string "${…}", so rules can treat it as unresolved.

export type JsonencodeParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/** undefined when the text is not a `${jsonencode(…)}` token at all. */
export function parseJsonencodeToken(text: string): JsonencodeParse | undefined {
  const match = JSONENCODE.exec(text.trim());
  if (!match) return undefined;
  const parser = new HclLiteralParser(match[1] ?? '');
  try {
    const value = parser.parseValue();
    parser.expectEnd();
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

class HclLiteralParser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseValue(): unknown {
    this.skipSpace();
    const ch = this.src[this.pos];
    if (ch === '{') return this.parseObject();
    if (ch === '[') return this.parseTuple();
    if (ch === '"') return this.parseString();
    return this.parseBareExpression();
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.pos !== this.src.length) this.fail('unexpected text after the value');
  }

  private parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos += 1;
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === '}') {
        this.pos += 1;
        return result;
      }
      const key = this.src[this.pos] === '"' ? this.parseString() : this.parseIdentifier();
      this.skipSpace();
      const separator = this.src[this.pos];
      if (separator !== '=' && separator !== ':') this.fail(`expected "=" after key "${key}"`);
      this.pos += 1;
      result[key] = this.parseValue();
      this.skipSeparator();
    }
  }

  private parseTuple(): unknown[] {
    const result: unknown[] = [];
    this.pos += 1;
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === ']') {
        this.pos += 1;
        return result;
      }
      result.push(this.parseValue());
      this.skipSeparator();
    }
  }

  /** An HCL quoted template; `${…}` interpolations are kept verbatim so they stay recognisable tokens. */
  private parseString(): string {
    let out = '';
    this.pos += 1;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '"') {
        this.pos += 1;
        return out;
      }
      if (ch === '\\') {
        out += this.parseEscape();
      } else if (this.src.startsWith('$${', this.pos) || this.src.startsWith('%%{', this.pos)) {
        out += `${ch}{`;
        this.pos += 3;
      } else if (this.src.startsWith('${', this.pos)) {
        const end = this.interpolationEnd(this.pos);
        out += this.src.slice(this.pos, end);
        this.pos = end;
      } else {
        out += ch;
        this.pos += 1;
      }
    }
    return this.fail('unterminated string');
  }

  private parseEscape(): string {
    const next = this.src[this.pos + 1];
    this.pos += 2;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
    if (next !== undefined && next in simple) return simple[next] ?? '';
    if (next === 'u') {
      const hex = this.src.slice(this.pos, this.pos + 4);
      this.pos += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return `\\${next ?? ''}`;
  }

  /** Index just past the `}` closing the interpolation that starts at `start`, skipping nested strings. */
  private interpolationEnd(start: number): number {
    let depth = 0;
    let i = start + 1;
    while (i < this.src.length) {
      const ch = this.src[i];
      if (ch === '"') {
        i = this.stringEnd(i);
        continue;
      }
      if (ch === '{') depth += 1;
      if (ch === '}') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    return this.fail('unterminated interpolation');
  }

  private stringEnd(start: number): number {
    let i = start + 1;
    while (i < this.src.length) {
      const ch = this.src[i];
      if (ch === '\\') i += 2;
      else if (ch === '"') return i + 1;
      else if (this.src.startsWith('${', i)) i = this.interpolationEnd(i);
      else i += 1;
    }
    return this.fail('unterminated string');
  }

  private parseIdentifier(): string {
    const match = /^[A-Za-z_][\w-]*/.exec(this.src.slice(this.pos));
    if (!match) this.fail('expected an object key');
    this.pos += match[0].length;
    return match[0];
  }

  /** Numbers and keywords become values; any other expression is kept as the token "${expression}". */
  private parseBareExpression(): unknown {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] ?? '';
      if (ch === '"') {
        this.pos = this.stringEnd(this.pos);
        continue;
      }
      if ('([{'.includes(ch)) depth += 1;
      else if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth -= 1;
      } else if ((ch === ',' || ch === '\n') && depth === 0) break;
      this.pos += 1;
    }
    const expression = this.src.slice(start, this.pos).trim();
    if (expression === '') this.fail('expected a value');
    if (expression === 'true') return true;
    if (expression === 'false') return false;
    if (expression === 'null') return null;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(expression)) return Number(expression);
    return `\${${expression}}`;
  }

  private skipSpace(): void {
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos += 1;
  }

  private skipSeparator(): void {
    this.skipSpace();
    if (this.src[this.pos] === ',') this.pos += 1;
  }

  private fail(message: string): never {
    throw new Error(`${message} at offset ${this.pos}`);
  }
}
