// Finds keys written twice in one object literal of a model source file. JavaScript keeps the last one silently, so
// a second `postgres:` block in prod.ts would replace the first and prod's database would fall back to defaults;
// the loaded model cannot show it (the first block is already gone), only the source text can.
// A small tokenizer for the plain-data TypeScript of environments/: strings, template literals and comments are
// skipped, braces, brackets and parentheses nest, and a key is a name or string followed by ":" at the start of an
// object member.

export interface DuplicateKey {
  /** Dotted path of the object holding the key ("" at the top), arrays as "[]", e.g. "services". */
  readonly path: string;
  readonly key: string;
  /** 1-based lines of the repeated and the first occurrence. */
  readonly line: number;
  readonly firstLine: number;
}

interface Token {
  readonly kind: 'name' | 'punct' | 'other';
  readonly text: string;
  readonly line: number;
}

interface Frame {
  readonly open: '{' | '[' | '(';
  readonly name: string;
  readonly keys: Map<string, number>;
  expectKey: boolean;
}

const CLOSING: Readonly<Record<string, '{' | '[' | '('>> = { '}': '{', ']': '[', ')': '(' };

export function duplicateKeys(source: string): DuplicateKey[] {
  const tokens = tokenize(source);
  const found: DuplicateKey[] = [];
  const frames: Frame[] = [];
  let valueOf = '';
  tokens.forEach((token, index) => {
    const frame = frames.at(-1);
    const next = tokens[index + 1];
    if (token.kind === 'punct' && (token.text === '{' || token.text === '[' || token.text === '(')) {
      const name = token.text === '[' ? `${valueOf}[]` : token.text === '{' ? valueOf : '';
      frames.push({ open: token.text, name, keys: new Map(), expectKey: token.text === '{' });
      valueOf = '';
      return;
    }
    if (token.kind === 'punct' && CLOSING[token.text] !== undefined) {
      if (frame?.open === CLOSING[token.text]) frames.pop();
      valueOf = '';
      return;
    }
    if (frame?.open === '{' && token.text === ',') {
      frame.expectKey = true;
      valueOf = '';
      return;
    }
    if (frame?.open === '{' && frame.expectKey && token.kind === 'name' && next?.text === ':') {
      const first = frame.keys.get(token.text);
      if (first === undefined) frame.keys.set(token.text, token.line);
      else found.push({ path: pathOf(frames), key: token.text, line: token.line, firstLine: first });
      valueOf = token.text;
    } else if (token.text !== ':') {
      valueOf = '';
    }
    if (frame) frame.expectKey = false;
  });
  return found;
}

function pathOf(frames: readonly Frame[]): string {
  return frames
    .filter((frame) => frame.open !== '(' && frame.name !== '')
    .map((frame) => frame.name)
    .join('.')
    .replace(/\.\[\]/g, '[]');
}

/** A name or number, matched where the scan stands (sticky), not by slicing the rest of the file. */
const NAME = /[A-Za-z0-9_$.]+/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  const advance = (to: number) => {
    for (let i = index; i < to; i++) if (source[i] === '\n') line++;
    index = to;
  };
  while (index < source.length) {
    const char = source[index]!;
    const rest = source.substring(index, index + 2);
    if (/\s/.test(char)) advance(index + 1);
    else if (rest === '//') advance(endOf(source.indexOf('\n', index), source.length));
    else if (rest === '/*') advance(endOf(source.indexOf('*/', index + 2), source.length) + 2);
    else if (char === "'" || char === '"') {
      const end = quotedEnd(source, index, char);
      tokens.push({ kind: 'name', text: unquote(source.slice(index, end)), line });
      advance(end);
    } else if (char === '`') {
      const startLine = line;
      advance(templateEnd(source, index));
      tokens.push({ kind: 'other', text: '`…`', line: startLine });
    } else if (/[A-Za-z0-9_$]/.test(char)) {
      NAME.lastIndex = index;
      const match = NAME.exec(source)!;
      tokens.push({ kind: 'name', text: match[0], line });
      advance(index + match[0].length);
    } else if (source.startsWith('...', index)) {
      tokens.push({ kind: 'other', text: '...', line });
      advance(index + 3);
    } else {
      tokens.push({ kind: '{}[](),:'.includes(char) ? 'punct' : 'other', text: char, line });
      advance(index + 1);
    }
  }
  return tokens;
}

const endOf = (found: number, fallback: number): number => (found === -1 ? fallback : found);

function quotedEnd(source: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < source.length && source[index] !== quote && source[index] !== '\n') {
    index += source[index] === '\\' ? 2 : 1;
  }
  return index + 1;
}

function unquote(literal: string): string {
  try {
    return JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal);
  } catch {
    return literal.slice(1, -1);
  }
}

/** The index after a template literal, skipping `${ … }` expressions (which may hold strings and braces). */
function templateEnd(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length && source[index] !== '`') {
    if (source[index] === '\\') index += 2;
    else if (source.startsWith('${', index)) {
      let depth = 1;
      index += 2;
      while (index < source.length && depth > 0) {
        const char = source[index]!;
        if (char === '{') depth++;
        else if (char === '}') depth--;
        if (char === "'" || char === '"') index = quotedEnd(source, index, char);
        else if (char === '`') index = templateEnd(source, index);
        else index++;
      }
    } else index++;
  }
  return index + 1;
}
