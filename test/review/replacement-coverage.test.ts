// Every resource type of the rendered tree has a replacement-table entry (possibly "none"), and every entry's
// rows make the gate fire: each argument that forces a new resource is mutated, on a real rendered body where the
// tree has one, and the gate must report the replacement — gated (exit 2) for types that hold data or identity.
// A type the table does not know fails the first test with the steps to add it (docs/review.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDestructiveChanges, isBlocking } from '../../scripts/review';
import type { TreeDiff } from '../../scripts/review';
import {
  REPLACEMENT_TABLE,
  replacementEntry,
  replacingAttributes,
  type ReplacementAttribute,
  type ReplacementEntry,
} from '../../scripts/review/replacement-registry';
import { resolvePath } from '../../scripts/review/replacement-triggers';
import { diffValues, isPlainObject, type JsonObject } from '../../scripts/review/value-diff';

const DEPLOY = join(__dirname, '..', '..', 'deploy');

/** type → the first rendered body of that type (prod first, then the other environments). */
function renderedBodies(): Map<string, JsonObject> {
  const bodies = new Map<string, JsonObject>();
  const envs = readdirSync(DEPLOY).sort((a, b) => Number(b === 'prod') - Number(a === 'prod'));
  for (const env of envs) {
    const terraform = join(DEPLOY, env, 'terraform');
    for (const stack of readdirSync(terraform, { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    )) {
      const document = JSON.parse(
        readFileSync(join(terraform, stack.name, 'cdk.tf.json'), 'utf8'),
      ) as JsonObject;
      for (const [type, byName] of Object.entries((document.resource ?? {}) as Record<string, JsonObject>)) {
        const [body] = Object.values(byName) as JsonObject[];
        if (!bodies.has(type))
          bodies.set(type, Object.fromEntries(Object.entries(body).filter(([key]) => key !== '//')));
      }
    }
  }
  return bodies;
}

const BODIES = renderedBodies();

describe('coverage of the rendered tree', () => {
  it('has an entry for every resource type under deploy/<env>/terraform', () => {
    const missing = [...BODIES.keys()].filter((type) => !replacementEntry(type)).sort();
    expect(
      missing,
      'add each to scripts/review/replacement/aws-provider-6.25.json (docs/review.md, "Adding a type")',
    ).toEqual([]);
    expect(BODIES.size).toBeGreaterThan(50);
  });
});

/** Sets a dot path in a copy of the body, creating the blocks on the way (CDKTF writes blocks as objects). */
function withValue(body: JsonObject, path: string, value: unknown): JsonObject {
  const [head, ...rest] = path.split('.');
  const copy: JsonObject = { ...body };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = Array.isArray(copy[head]) ? (copy[head] as unknown[])[0] : copy[head];
  copy[head] = withValue(isPlainObject(inner) ? inner : {}, rest.join('.'), value);
  return copy;
}

function mutated(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('${') ? 'mutated-literal' : `${value}-mutated`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...value, 'mutated'];
  if (isPlainObject(value)) return { ...value, mutated: true };
  return 'mutated';
}

/** Both sides of a change that the row says replaces the resource, starting from a real body. */
function mutation(row: ReplacementAttribute, body: JsonObject): [JsonObject, JsonObject] {
  let [before, after] = [body, body];
  const condition = row.onlyIf;
  if (condition?.attribute !== undefined) {
    const satisfying = condition.absent
      ? undefined
      : condition.versionBelow !== undefined
        ? '1.0'
        : (condition.in?.[0] ?? 'mutated-engine');
    before = withValue(before, condition.attribute, satisfying);
    after = withValue(after, condition.attribute, satisfying);
  }
  const current = resolvePath(before, row.path);
  switch (row.trigger ?? 'change') {
    case 'change':
      if (condition && 'from' in condition) before = withValue(before, row.path, condition.from);
      return [
        before,
        withValue(after, row.path, condition && 'to' in condition ? condition.to : mutated(current)),
      ];
    case 'removed':
      return [
        withValue(before, row.path, current ?? { mutated: true }),
        withValue(after, row.path, undefined),
      ];
    case 'disabled':
      return [withValue(before, row.path, true), withValue(after, row.path, false)];
    case 'added-or-removed':
      return [
        withValue(before, row.path, undefined),
        withValue(after, row.path, current ?? { mutated: true }),
      ];
    case 'downgraded':
      return [withValue(before, row.path, '9.9'), withValue(after, row.path, '1.0')];
  }
}

function gate(type: string, before: JsonObject, after: JsonObject) {
  const address = `prod-data/${type}.mutated`;
  const diff: TreeDiff = {
    envs: [
      {
        env: 'prod',
        layers: [
          {
            layer: 'terraform',
            items: [
              {
                id: address,
                status: 'changed',
                kind: type,
                file: 'terraform/prod-data/cdk.tf.json',
                fields: diffValues(before, after),
                before,
                after,
              },
            ],
          },
        ],
      },
    ],
  };
  return { address, findings: findDestructiveChanges(diff) };
}

const cases = REPLACEMENT_TABLE.flatMap((entry: ReplacementEntry) =>
  replacingAttributes(entry).map((row) => ({ entry, row, name: `${entry.type}.${row.path}` })),
);

describe('mutation of every table row', () => {
  it.each(cases)('$name replaces the resource, and the gate fires', ({ entry, row }) => {
    const [before, after] = mutation(row, BODIES.get(entry.type) ?? {});
    const { address, findings } = gate(entry.type, before, after);
    const finding = findings.find((item) => item.address === address);
    expect(finding?.kind).toBe('replacement');
    expect(finding?.attributes.map((item) => item.path)).toContain(row.path);
    expect(finding?.gated).toBe(entry.protects !== undefined);
    expect(findings.some(isBlocking)).toBe(entry.protects !== undefined);
  });

  const inPlaceOnly = REPLACEMENT_TABLE.filter((entry) => replacingAttributes(entry).length === 0);
  it.each(inPlaceOnly.map((entry) => ({ entry, name: entry.type })))(
    '$name has no replacing argument: an in-place change stays quiet',
    ({ entry }) => {
      const body = BODIES.get(entry.type) ?? { comment: 'x' };
      const [key] = Object.keys(body);
      const { findings } = gate(entry.type, body, withValue(body, key, mutated(body[key])));
      expect(findings).toEqual([]);
    },
  );
});
