// When a change to a curated attribute makes Terraform destroy and re-create the resource. Each trigger mirrors a
// provider mechanism: plain `ForceNew`, or a `CustomizeDiff` that forces replacement only in one direction.
import { deepEqual, isPlainObject, type JsonObject } from './value-diff';

export type ReplacementTrigger =
  /** `ForceNew`: any new value. */
  | 'change'
  /** `ForceNewIfChange` on removal: the block was configured and is now gone (EKS envelope encryption). */
  | 'removed'
  /** A feature switched off (`true` → anything else): OpenSearch encryption and fine-grained access control. */
  | 'disabled'
  /** A `ForceNew` block: adding or removing it replaces; edits inside it follow the nested attributes. */
  | 'added-or-removed'
  /** A version that goes down (MSK `kafka_version`, ElastiCache `engine_version`). */
  | 'downgraded';

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
  readonly defaultValue?: unknown;
  /** A further condition on the whole resource (engine family, engine version). */
  readonly onlyIf?: {
    readonly description: string;
    readonly test: (before: JsonObject, after: JsonObject) => boolean;
  };
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

/** Compares dotted numeric versions (`3.6.0` < `3.7.x`); non-numeric parts compare as 0. */
export function compareVersions(left: string, right: string): number {
  const parse = (version: string): number[] =>
    version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parse(left), parse(right)];
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Whether the attribute's change between the two resource bodies replaces the resource. */
export function triggersReplacement(attribute: TriggerAttribute, before: unknown, after: unknown): boolean {
  const beforeBody = isPlainObject(before) ? before : {};
  const afterBody = isPlainObject(after) ? after : {};
  if (attribute.onlyIf && !attribute.onlyIf.test(beforeBody, afterBody)) return false;
  const withDefault = (value: unknown): unknown => (isUnset(value) ? attribute.defaultValue : value);
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
