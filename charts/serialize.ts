// Block YAML for rendered manifests, byte-identical to scripts/render/serialize.ts#toYaml (sorted keys, no line
// folding) and about ten times faster: the yaml library builds a document tree per file, which at ~650 objects
// was most of `npm run synth`. Scalars still go through the library (memoised), so quoting rules are its own;
// a document with a multi-line string is handed to toYaml whole. test/k8s/serialize.test.ts compares both on
// every rendered object.
import { stringify } from 'yaml';
import { toYaml, YAML_OPTIONS } from '../constructs/contracts/serialize';

const INDENT = '  ';
const scalars = new Map<string | number, string>();

class NeedsLibrary extends Error {}

export function manifestYaml(value: Readonly<Record<string, unknown>>): string {
  try {
    const lines: string[] = [];
    emitMap(value, '', lines);
    return `${lines.join('\n')}\n`;
  } catch (error) {
    if (error instanceof NeedsLibrary) return toYaml(value);
    throw error;
  }
}

type Plain = Readonly<Record<string, unknown>>;

const isMap = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Strings the library always writes plain: no space, quote, comment or flow character, not ending in ":", and
 * either starting with a letter (and not a YAML 1.1 boolean or null: y, yes, on, off…) or starting with a digit but holding a "/",
 * ":" or "@" that no YAML number can contain (CIDRs, ECR image references). Anything else asks the library.
 */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9_./@=+:,?%-]*$/;
const KEYWORD = /^(true|false|null|y|yes|n|no|on|off)$/i;
/** YAML 1.1 base-60 numbers (`1:30`), which 1.1 readers turn into integers. */
const SEXAGESIMAL = /^[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/;

function isPlain(text: string): boolean {
  if (!SAFE.test(text) || text.endsWith(':') || SEXAGESIMAL.test(text)) return false;
  return /^[A-Za-z]/.test(text) ? !KEYWORD.test(text) : /[/:@]/.test(text);
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' && isPlain(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' || typeof value === 'number') {
    if (typeof value === 'string' && value.includes('\n')) throw new NeedsLibrary();
    let text = scalars.get(value);
    if (text === undefined) {
      text = stringify(value, YAML_OPTIONS).slice(0, -1);
      scalars.set(value, text);
    }
    return text;
  }
  throw new NeedsLibrary();
}

/** `prefix` + the value after a key or a dash: a scalar or empty collection inline, else nothing (nested lines follow). */
function inline(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMap(value)) return Object.values(value).some((v) => v !== undefined) ? undefined : '{}';
  return scalar(value);
}

function emitMap(map: Plain, indent: string, lines: string[]): void {
  for (const key of Object.keys(map).sort()) {
    const value = map[key];
    if (value === undefined) continue;
    const head = `${indent}${scalar(key)}:`;
    const text = inline(value);
    if (text !== undefined) {
      lines.push(`${head} ${text}`);
      continue;
    }
    lines.push(head);
    emitNested(value, `${indent}${INDENT}`, lines);
  }
}

function emitSeq(items: readonly unknown[], indent: string, lines: string[]): void {
  for (const item of items) {
    const text = inline(item);
    if (text !== undefined) {
      lines.push(`${indent}- ${text}`);
      continue;
    }
    // The item's first line shares the dash's line: "- key: value", then its other lines one level deeper.
    const first = lines.length;
    emitNested(item, `${indent}${INDENT}`, lines);
    lines[first] = `${indent}- ${lines[first]!.slice(indent.length + INDENT.length)}`;
  }
}

function emitNested(value: unknown, indent: string, lines: string[]): void {
  if (Array.isArray(value)) emitSeq(value, indent, lines);
  else if (isMap(value)) emitMap(value, indent, lines);
  else throw new NeedsLibrary();
}
