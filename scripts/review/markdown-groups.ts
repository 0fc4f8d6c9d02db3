// Identical changes across many objects (the same CIDR in 22 NetworkPolicies) read as one row with a count and a
// collapsible list of the objects. Two changed items are identical when they make the same set of field changes
// once list positions are ignored (`egress[0]` and `egress[2]` both read `egress[*]`, and a change repeated in
// several rules of one object counts once).
import { compareText, type FieldChange, type ItemDiff } from './model';
import { formatFieldChange, inlineCode } from './markdown-format';

export interface ItemGroup {
  readonly kind: string;
  readonly items: readonly ItemDiff[];
  /** The shared field changes, positions written `[*]`. */
  readonly fields: readonly FieldChange[];
}

/** Groups of at least this many identical changes are collapsed into one row. */
export const GROUP_THRESHOLD = 2;

const anyPosition = (path: string): string => path.replace(/\[\d+\]/g, '[*]');

/** The item's field changes with positions written `[*]`, each distinct change once, in first-seen order. */
function distinctFields(item: ItemDiff): FieldChange[] {
  const seen = new Map<string, FieldChange>();
  for (const field of item.fields) {
    const general = { ...field, path: anyPosition(field.path) };
    const key = formatFieldChange(general, 10_000);
    if (!seen.has(key)) seen.set(key, general);
  }
  return [...seen.values()];
}

function signature(item: ItemDiff): string | undefined {
  if (item.status !== 'changed' || item.lines || item.fields.length === 0) return undefined;
  const fields = distinctFields(item).map((field) => formatFieldChange(field, 10_000));
  return [item.kind, ...fields.sort(compareText)].join('\n');
}

/**
 * The items in their order, with every set of identical changes replaced by one group at the place of its first
 * member. Items in `keepApart` (flagged by the gate) are never grouped.
 */
export function groupIdentical(
  items: readonly ItemDiff[],
  keepApart: ReadonlySet<string>,
): (ItemDiff | ItemGroup)[] {
  const bySignature = new Map<string, ItemDiff[]>();
  for (const item of items) {
    const key = keepApart.has(item.id) ? undefined : signature(item);
    if (key !== undefined) bySignature.set(key, [...(bySignature.get(key) ?? []), item]);
  }
  const grouped = new Map<ItemDiff, ItemGroup | null>();
  for (const members of bySignature.values()) {
    if (members.length < GROUP_THRESHOLD) continue;
    const [first] = members;
    const fields = distinctFields(first);
    members.forEach((member, index) =>
      grouped.set(member, index === 0 ? { kind: first.kind, items: members, fields } : null),
    );
  }
  return items.flatMap((item): (ItemDiff | ItemGroup)[] => {
    if (!grouped.has(item)) return [item];
    const group = grouped.get(item);
    return group ? [group] : [];
  });
}

export function isGroup(entry: ItemDiff | ItemGroup): entry is ItemGroup {
  return 'items' in entry;
}

export function groupLines(group: ItemGroup, maxFields: number, maxValueLength: number): string[] {
  const fields = group.fields
    .slice(0, maxFields)
    .map((field) => `  - ${formatFieldChange(field, maxValueLength)}`);
  const hidden = group.fields.length - fields.length;
  if (hidden > 0) fields.push(`  - … and ${hidden} more ${hidden === 1 ? 'field' : 'fields'}`);
  const ids = [...group.items].map((item) => item.id).sort(compareText);
  return [
    `- ~ ${group.items.length} × ${group.kind} with the same change`,
    ...fields,
    '',
    `  <details><summary>the ${group.items.length} ${group.kind} objects</summary>`,
    '',
    ...ids.map((id) => `  - ${inlineCode(id)}`),
    '',
    '  </details>',
    '',
  ];
}
