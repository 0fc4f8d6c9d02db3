// The structured diff of two rendered deploy trees. Everything the Markdown renderer, the destructive-change gate
// and a CI job read is in these types; nothing downstream re-reads the trees.

/** The layers of `deploy/<env>/`, in the order the review prints them. */
export const LAYERS = ['terraform', 'kubernetes', 'rules', 'dashboards', 'argocd', 'other'] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Readonly<Record<Layer, string>> = {
  terraform: 'Terraform',
  kubernetes: 'Kubernetes',
  rules: 'Alerts & recording rules',
  dashboards: 'Dashboards',
  argocd: 'Argo CD',
  other: 'Other files',
};

export type ItemStatus = 'added' | 'changed' | 'removed';

/**
 * One changed field of an item, addressed by a path such as `spec.template.spec.containers[name=api].image`.
 * Values are the parsed JSON/YAML values; `undefined` never appears (absence is the `added`/`removed` change).
 */
export type FieldChange =
  | { readonly path: string; readonly change: 'added'; readonly after: unknown }
  | { readonly path: string; readonly change: 'removed'; readonly before: unknown }
  | { readonly path: string; readonly change: 'changed'; readonly before: unknown; readonly after: unknown }
  /** A list of scalars compared as a set (security group ids, label lists): what entered and what left. */
  | {
      readonly path: string;
      readonly change: 'elements';
      readonly added: readonly unknown[];
      readonly removed: readonly unknown[];
    }
  /** Same scalars, different order. */
  | { readonly path: string; readonly change: 'reordered' };

/** Added and removed line counts, for files the review does not understand (and for multi-line strings). */
export interface LineCounts {
  readonly added: number;
  readonly removed: number;
}

export interface ItemDiff {
  /** The address as printed: `<stack>/<type>.<name>`, `<namespace>/<Kind>/<name>`, `<group>/<rule>`, … */
  readonly id: string;
  readonly status: ItemStatus;
  /** Terraform resource type (`data.<type>` for data sources), Kubernetes kind, `alert`, `record`, `panel`, `file`. */
  readonly kind: string;
  /** The file the item lives in, relative to the environment folder (the head side when both exist). */
  readonly file: string;
  /** Field-level changes; empty for added and removed items. */
  readonly fields: readonly FieldChange[];
  /** Only for items diffed as text (files of the `other` layer and unparsable documents). */
  readonly lines?: LineCounts;
  /** CDKTF construct path from the resource's `//` metadata, on each side where present. */
  readonly constructPath?: { readonly before?: string; readonly after?: string };
  /** The parsed item on each side; the gate reads attributes from these. */
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface LayerDiff {
  readonly layer: Layer;
  /** Sorted by id. */
  readonly items: readonly ItemDiff[];
}

export interface EnvDiff {
  readonly env: string;
  /** Only layers with at least one item, in `LAYERS` order. */
  readonly layers: readonly LayerDiff[];
}

/** Every Terraform stack document (`terraform/<stack>/cdk.tf.json`, parsed) of one side, by stack folder. */
export type TerraformStacks = Readonly<Record<string, unknown>>;

/** Both sides of an environment's Terraform, changed or not: replacement follows references through all of it. */
export interface TerraformSides {
  readonly base: TerraformStacks;
  readonly head: TerraformStacks;
}

export interface TreeDiff {
  /** Sorted by environment name; environments without changes are left out. */
  readonly envs: readonly EnvDiff[];
  /** Per diffed environment (changed or not), its Terraform stacks on both sides. */
  readonly terraform?: Readonly<Record<string, TerraformSides>>;
}

/** A failure the review reports as exit code 1: bad ref, unreadable file, invalid acknowledgements. */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';
}

export function countByStatus(items: readonly ItemDiff[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = { added: 0, changed: 0, removed: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
