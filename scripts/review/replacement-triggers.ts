// When a change to a table attribute makes Terraform destroy and re-create the resource. Each trigger mirrors a
// provider mechanism: plain `ForceNew`, or a `CustomizeDiff` that forces replacement only in one direction.
// Conditions are data (scripts/review/replacement/*.json), evaluated here.
import { deepEqual, isPlainObject, type JsonObject } from './value-diff';

export const REPLACEMENT_TRIGGERS = [
  'change',
  'removed',
  'disabled',
  'added-or-removed',
  'downgraded',
] as const;
export type ReplacementTrigger = (typeof REPLACEMENT_TRIGGERS)[number];
// change: `ForceNew`, any new value. removed: `ForceNewIfChange` on removal (EKS envelope encryption).
// disabled: a feature switched off (`true` → anything else). added-or-removed: a `ForceNew` block, whose inner
// edits follow the nested attributes. downgraded: a version that goes down (Kafka, ElastiCache).

/** A further condition on the change, written as data in the table. */
export interface TriggerCondition {
  readonly description: string;
  /** The attribute's own old value must equal this. */
  readonly from?: unknown;
  /** The attribute's own new value must equal this. */
  readonly to?: unknown;
  /** Another attribute of the new body, tested by the fields below. */
  readonly attribute?: string;
  readonly in?: readonly string[];
  readonly notIn?: readonly string[];
  readonly notPrefix?: string;
  /** The attribute is not configured. */
  readonly absent?: boolean;
  /** The attribute is a version below this one. */
  readonly versionBelow?: string;
}

export interface TriggerAttribute {
  /** Dot path into the resource body; blocks may be objects or lists of objects, as CDKTF writes them. */
  readonly path: string;
  readonly trigger?: ReplacementTrigger;
  /**
   * Optional + Computed in the provider schema: dropping it from the configuration keeps the running value, so
   * only a new value replaces the resource.
   */
  readonly computed?: boolean;
  /** The provider default: leaving the attribute out is the same as writing this value. */
  readonly default?: unknown;
  readonly onlyIf?: TriggerCondition;
}

/** The attribute's value in a CDKTF resource body; a block written as a one-element list reads as its element. */
export function resolvePath(body: unknown, path: string): unknown {
  let values: unknown[] = [body];
  for (const segment of path.split('.')) {
    values = values
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter(isPlainObject)
      .map((value) => value[segment])
      .filter((value) => value !== undefined);
  }
  const flattened = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
  if (flattened.length === 0) return undefined;
  return flattened.length === 1 ? flattened[0] : flattened;
}

/** Compares dotted numeric versions (`3.6.0` < `3.7.x`); non-numeric parts compare as 0, prefixes are ignored. */
export function compareVersions(left: string, right: string): number {
  const parse = (version: string): number[] =>
    version
      .replace(/^[^0-9]*/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parse(left), parse(right)];
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The major part of a version: `16` of `16.4`, `8.0` of `8.0.35` with two components, `OpenSearch_2` of `OpenSearch_2.13`. */
export function majorVersion(version: string, components = 1): string {
  return version.split('.').slice(0, components).join('.');
}

export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Whether a condition holds for the attribute at `path` changing from `before` to `after` (resource bodies). */
export function conditionHolds(
  condition: TriggerCondition,
  path: string,
  before: JsonObject,
  after: JsonObject,
): boolean {
  if ('from' in condition && !deepEqual(resolvePath(before, path), condition.from)) return false;
  if ('to' in condition && !deepEqual(resolvePath(after, path), condition.to)) return false;
  if (condition.attribute === undefined) return true;
  const value = resolvePath(after, condition.attribute);
  if (condition.absent !== undefined && isUnset(value) !== condition.absent) return false;
  const text = typeof value === 'string' ? value : undefined;
  if (condition.in && (text === undefined || !condition.in.includes(text))) return false;
  if (condition.notIn && text !== undefined && condition.notIn.includes(text)) return false;
  if (condition.notPrefix !== undefined && text?.startsWith(condition.notPrefix)) return false;
  if (condition.versionBelow !== undefined) {
    return text !== undefined && compareVersions(text, condition.versionBelow) < 0;
  }
  return true;
}

/** Whether the attribute's change between the two resource bodies replaces the resource. */
export function triggersReplacement(attribute: TriggerAttribute, before: unknown, after: unknown): boolean {
  const beforeBody = isPlainObject(before) ? before : {};
  const afterBody = isPlainObject(after) ? after : {};
  if (attribute.onlyIf && !conditionHolds(attribute.onlyIf, attribute.path, beforeBody, afterBody))
    return false;
  const withDefault = (value: unknown): unknown => (isUnset(value) ? attribute.default : value);
  const oldValue = withDefault(resolvePath(beforeBody, attribute.path));
  const newValue = withDefault(resolvePath(afterBody, attribute.path));
  switch (attribute.trigger ?? 'change') {
    case 'change':
      if (deepEqual(oldValue, newValue)) return false;
      return !(isUnset(newValue) && attribute.computed);
    case 'removed':
      return !isUnset(oldValue) && isUnset(newValue);
    case 'disabled':
      return oldValue === true && newValue !== true;
    case 'added-or-removed':
      return isUnset(oldValue) !== isUnset(newValue);
    case 'downgraded':
      return (
        typeof oldValue === 'string' &&
        typeof newValue === 'string' &&
        compareVersions(newValue, oldValue) < 0
      );
  }
}

/** What the docs table says about a trigger. */
export function describeTrigger(attribute: TriggerAttribute): string {
  const base = {
    change: attribute.computed ? 'a new value (dropping it keeps the running value)' : 'any change',
    removed: 'removing the block',
    disabled: '`true` → `false`',
    'added-or-removed': 'adding or removing the block',
    downgraded: 'a lower version',
  }[attribute.trigger ?? 'change'];
  return attribute.onlyIf ? `${base}, ${attribute.onlyIf.description}` : base;
}
