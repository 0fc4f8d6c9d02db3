// Reading attribute values out of CDKTF's Terraform JSON: tokens, references, nested blocks and the loose
// scalar typing Terraform accepts ("true" for true, "7" for 7).
// The review reads CDKTF's `${…}` tokens too: one parser for both.
import { interpolations as tokenExpressions } from '../../../scripts/review/references';
import type { Attributes } from './types';

export { tokenExpressions };

/** A reference inside a token: `${aws_kms_key.data.arn}` or `${data.aws_iam_policy_document.trust.json}`. */
export interface Reference {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  readonly attribute?: string;
}

// Resource and data source types always contain "_" (provider prefix), which keeps var.x, local.x, module.x,
// each.value and count.index out. The look-behind stops a match starting in the middle of a longer traversal.
const REFERENCE = /(?<![\w.])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_]\w*))?/g;
const WHOLE_REFERENCE =
  /^\$\{(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_]\w*))?\}$/;

export function isToken(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

/** Every resource/data reference in a Terraform expression (no surrounding `${}`). */
export function referencesInExpression(expression: string): Reference[] {
  return [...expression.matchAll(REFERENCE)].map((match) => ({
    data: match[1] !== undefined,
    type: match[2] ?? '',
    name: match[3] ?? '',
    attribute: match[4],
  }));
}

/** Every resource/data reference in a value: strings (inside `${}` only), lists and nested blocks. */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value === 'string') return tokenExpressions(value).flatMap(referencesInExpression);
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (isRecord(value)) return Object.values(value).flatMap(referencesIn);
  return [];
}

/** The reference when the whole value is one, e.g. "${aws_s3_bucket.assets.id}"; otherwise undefined. */
export function wholeReference(value: unknown): Reference | undefined {
  if (typeof value !== 'string') return undefined;
  const match = WHOLE_REFERENCE.exec(value);
  if (!match) return undefined;
  return { data: match[1] !== undefined, type: match[2] ?? '', name: match[3] ?? '', attribute: match[4] };
}

export function isRecord(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CDKTF writes a nested block as an object or as a list of objects; rules always see a list. */
export function blocks(value: unknown): Attributes[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** All blocks reached by a dotted path of block names ("rule.apply_server_side_encryption_by_default"). */
export function blocksAt(values: Attributes, path: string): Attributes[] {
  return path
    .split('.')
    .reduce<Attributes[]>((current, key) => current.flatMap((b) => blocks(b[key])), [values]);
}

/** Every value of the last path segment, across all blocks on the way (lists are not flattened). */
export function valuesAt(values: Attributes, path: string): unknown[] {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const parents = keys.length === 0 ? [values] : blocksAt(values, keys.join('.'));
  return parents.map((b) => b[last]).filter((v) => v !== undefined && v !== null);
}

export type Lookup =
  | { readonly kind: 'missing' }
  | { readonly kind: 'token'; readonly text: string }
  | { readonly kind: 'value'; readonly value: unknown };

/** checkov's `block/[0]/attribute`: follows the first block at every level; null counts as missing. */
export function lookup(values: Attributes, path: string): Lookup {
  let current: unknown = values;
  for (const key of path.split('.')) {
    const block = blocks(current)[0];
    if (block === undefined) return { kind: 'missing' };
    current = block[key];
  }
  if (current === undefined || current === null) return { kind: 'missing' };
  if (isToken(current)) return { kind: 'token', text: current };
  return { kind: 'value', value: current };
}

/** Terraform coerces "true"/"false" to booleans (and some provider 6.x attributes are typed as strings). */
export function asBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A string or a list of strings, as IAM and Terraform both allow; undefined for anything else. */
export function asStrings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}

/** How a value is quoted in messages: strings in double quotes, everything else as JSON. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
