// Field-level diff of two parsed JSON/YAML values. Lists are collapsed the way a reviewer reads them: scalar lists
// as sets (what entered, what left), lists of named objects matched by name, other lists by position.
import type { FieldChange } from './model';

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so that equal values always serialize the same way. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? 'undefined';
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isPlainObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep(value[key]);
  return sorted;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** Appends an object key to a path: `a.b` for plain keys, `a["app.kubernetes.io/name"]` for the rest. */
export function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

// Keys that identify an element of a list of objects, tried in order. Kubernetes containers, ports, env vars and
// volumes carry `name`, embedded objects (volumeClaimTemplates) `metadata.name`; Prometheus rules `alert`/`record`;
// Grafana panels `id`; Terraform provider configurations `alias`.
const IDENTITY_KEYS = ['name', 'metadata.name', 'alert', 'record', 'uid', 'id', 'key', 'alias'] as const;

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * The changes that turn `before` into `after`, deepest first where both sides are objects.
 * `path` is the prefix for the produced paths ('' at the top).
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (deepEqual(before, after)) return [];
  if (before === undefined) return [{ path, change: 'added', after }];
  if (after === undefined) return [{ path, change: 'removed', before }];
  if (isPlainObject(before) && isPlainObject(after)) return diffObjects(before, after, path);
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path);
  if (typeof before === 'string' && typeof after === 'string') {
    const embedded = diffEmbeddedJson(before, after, path);
    if (embedded) return embedded;
  }
  return [{ path, change: 'changed', before, after }];
}

function diffObjects(before: JsonObject, after: JsonObject, path: string): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => diffValues(before[key], after[key], joinKey(path, key)));
}

function diffArrays(before: unknown[], after: unknown[], path: string): FieldChange[] {
  if (before.every(isScalar) && after.every(isScalar)) return diffScalarLists(before, after, path);
  const identityKey = IDENTITY_KEYS.find(
    (key) => hasUniqueIdentity(before, key) && hasUniqueIdentity(after, key),
  );
  if (identityKey) return diffByIdentity(before, after, identityKey, path);
  const changes: FieldChange[] = [];
  const length = Math.max(before.length, after.length);
  for (let index = 0; index < length; index += 1) {
    changes.push(...diffValues(before[index], after[index], `${path}[${index}]`));
  }
  return changes;
}

function diffScalarLists(before: unknown[], after: unknown[], path: string): FieldChange[] {
  const removed = multisetMinus(before, after);
  const added = multisetMinus(after, before);
  if (added.length === 0 && removed.length === 0) return [{ path, change: 'reordered' }];
  return [{ path, change: 'elements', added, removed }];
}

/** Elements of `left` not matched one-for-one by an equal element of `right`, in `left` order. */
function multisetMinus(left: readonly unknown[], right: readonly unknown[]): unknown[] {
  const remaining = new Map<string, number>();
  for (const value of right) {
    const key = stableStringify(value);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return left.filter((value) => {
    const key = stableStringify(value);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
}

function identityOf(element: unknown, key: string): string | undefined {
  let value: unknown = element;
  for (const segment of key.split('.')) value = isPlainObject(value) ? value[segment] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function hasUniqueIdentity(list: readonly unknown[], key: string): boolean {
  const seen = new Set<string>();
  for (const element of list) {
    const identity = identityOf(element, key);
    if (identity === undefined || seen.has(identity)) return false;
    seen.add(identity);
  }
  return true;
}

function diffByIdentity(before: unknown[], after: unknown[], key: string, path: string): FieldChange[] {
  const beforeById = new Map(before.map((element) => [identityOf(element, key) ?? '', element]));
  const afterById = new Map(after.map((element) => [identityOf(element, key) ?? '', element]));
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])].sort();
  return ids.flatMap((id) => diffValues(beforeById.get(id), afterById.get(id), `${path}[${key}=${id}]`));
}

/** IAM policies and similar attributes are JSON inside a string; diff them as structures, not as one long line. */
function diffEmbeddedJson(before: string, after: string, path: string): FieldChange[] | undefined {
  const parsedBefore = parseJsonContainer(before);
  const parsedAfter = parseJsonContainer(after);
  if (parsedBefore === undefined || parsedAfter === undefined) return undefined;
  const changes = diffValues(parsedBefore, parsedAfter, `${path}(json)`);
  // Equal after parsing means only whitespace or key order moved: still a change of the attribute text.
  return changes.length > 0 ? changes : undefined;
}

function parseJsonContainer(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return isPlainObject(parsed) || Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
