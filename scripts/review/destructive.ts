// findDestructiveChanges: the gate. Reads a TreeDiff and reports every change that would destroy a stateful
// resource: a removal, an address change (a destroy/create pair) or a change of an attribute that forces
// replacement. Acknowledgements are applied afterwards (acknowledgements.ts); this file only finds.
import {
  compareText,
  type EnvDiff,
  type FieldChange,
  type ItemDiff,
  type Layer,
  type TreeDiff,
} from './model';
import { pairRenames } from './rename-detection';
import { resolvePath, triggersReplacement } from './replacement-triggers';
import {
  providerDocsUrl,
  statefulKubernetesKind,
  statefulTerraformType,
  type StatefulKubernetesKind,
  type StatefulTerraformType,
} from './stateful-registry';
import { isPlainObject, type JsonObject } from './value-diff';

export const FINDING_KINDS = ['removal', 'rename', 'replacement'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface ReplacedAttribute {
  readonly change: FieldChange;
  /** "forces replacement", or what happens instead (an in-place rename that moves an endpoint). */
  readonly effect: string;
  readonly citation: string;
  readonly note?: string;
}

export interface Finding {
  readonly env: string;
  readonly layer: Extract<Layer, 'terraform' | 'kubernetes'>;
  readonly kind: FindingKind;
  /** The address as printed, and as an acknowledgement names it; for a rename, the address being destroyed. */
  readonly address: string;
  /** Terraform resource type or Kubernetes kind. */
  readonly resourceType: string;
  /** Rename only: the address created in its place. */
  readonly newAddress?: string;
  /** Rename only: the construct paths behind the two addresses, when CDKTF recorded them. */
  readonly constructPaths?: { readonly before?: string; readonly after?: string };
  /** Replacement only: the attributes that force it. */
  readonly attributes: readonly ReplacedAttribute[];
  /** The destroyed Terraform resource had `lifecycle.prevent_destroy`; what that changes depends on the kind. */
  readonly preventDestroy?: boolean;
}

const KIND_ORDER: Readonly<Record<FindingKind, number>> = { removal: 0, rename: 1, replacement: 2 };

function itemsOf(env: EnvDiff, layer: Layer): readonly ItemDiff[] {
  return env.layers.find((entry) => entry.layer === layer)?.items ?? [];
}

/** What a Kubernetes rename necessarily changes, removed before comparing bodies. */
function withoutIdentity(body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  const rest: JsonObject = { ...body };
  delete rest.apiVersion;
  delete rest.kind;
  if (isPlainObject(rest.metadata)) {
    const metadata: JsonObject = { ...rest.metadata };
    delete metadata.name;
    delete metadata.namespace;
    rest.metadata = metadata;
  }
  return rest;
}

function hasPreventDestroy(item: ItemDiff): boolean | undefined {
  return resolvePath(item.before, 'lifecycle.prevent_destroy') === true ? true : undefined;
}

function terraformReplacement(entry: StatefulTerraformType, item: ItemDiff): ReplacedAttribute[] {
  return entry.attributes
    .filter((attribute) => triggersReplacement(attribute, item.before, item.after))
    .map((attribute) => {
      const before = resolvePath(item.before, attribute.path);
      const after = resolvePath(item.after, attribute.path);
      const change: FieldChange =
        before === undefined
          ? { path: attribute.path, change: 'added', after }
          : after === undefined
            ? { path: attribute.path, change: 'removed', before }
            : { path: attribute.path, change: 'changed', before, after };
      return {
        change,
        effect: attribute.effect ?? 'forces replacement',
        citation: providerDocsUrl(entry.type),
        note: attribute.note,
      };
    });
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function kubernetesReplacement(entry: StatefulKubernetesKind, item: ItemDiff): ReplacedAttribute[] {
  const mutable = entry.mutableSpecPaths;
  if (!mutable) return [];
  return item.fields
    .filter((field) => isUnder(field.path, 'spec') && !mutable.some((prefix) => isUnder(field.path, prefix)))
    .map((change) => ({
      change,
      effect: 'immutable: the API server rejects the update, so it needs a delete and re-create',
      citation: entry.docs,
      note: entry.docsNote,
    }));
}

function layerFindings(
  env: string,
  layer: 'terraform' | 'kubernetes',
  items: readonly ItemDiff[],
): Finding[] {
  const isStateful = (item: ItemDiff): boolean =>
    layer === 'terraform'
      ? statefulTerraformType(item.kind) !== undefined
      : !!statefulKubernetesKind(item.kind);
  const removed = items.filter((item) => item.status === 'removed' && isStateful(item));
  const added = items.filter((item) => item.status === 'added' && isStateful(item));
  const pairs = pairRenames(removed, added, layer === 'kubernetes' ? withoutIdentity : undefined);
  const paired = new Set(pairs.map((pair) => pair.removed));
  const findings: Finding[] = pairs.map(({ removed: before, added: after }) => ({
    env,
    layer,
    kind: 'rename',
    address: before.id,
    resourceType: before.kind,
    newAddress: after.id,
    constructPaths:
      before.constructPath?.before || after.constructPath?.after
        ? { before: before.constructPath?.before, after: after.constructPath?.after }
        : undefined,
    attributes: [],
    preventDestroy: hasPreventDestroy(before),
  }));
  for (const item of removed.filter((entry) => !paired.has(entry))) {
    findings.push({
      env,
      layer,
      kind: 'removal',
      address: item.id,
      resourceType: item.kind,
      attributes: [],
      preventDestroy: hasPreventDestroy(item),
    });
  }
  for (const item of items.filter((entry) => entry.status === 'changed')) {
    const terraformEntry = layer === 'terraform' ? statefulTerraformType(item.kind) : undefined;
    const kubernetesEntry = layer === 'kubernetes' ? statefulKubernetesKind(item.kind) : undefined;
    const attributes = terraformEntry
      ? terraformReplacement(terraformEntry, item)
      : kubernetesEntry
        ? kubernetesReplacement(kubernetesEntry, item)
        : [];
    if (attributes.length > 0) {
      findings.push({
        env,
        layer,
        kind: 'replacement',
        address: item.id,
        resourceType: item.kind,
        attributes,
      });
    }
  }
  return findings;
}

/** Every destructive change in the diff, sorted by environment, kind (removal, rename, replacement), address. */
export function findDestructiveChanges(diff: TreeDiff): Finding[] {
  return diff.envs
    .flatMap((env) => [
      ...layerFindings(env.env, 'terraform', itemsOf(env, 'terraform')),
      ...layerFindings(env.env, 'kubernetes', itemsOf(env, 'kubernetes')),
    ])
    .sort(
      (a, b) =>
        compareText(a.env, b.env) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        compareText(a.layer, b.layer) ||
        compareText(a.address, b.address),
    );
}
