// The replacement table: for every Terraform resource type the rendered tree uses, the arguments that force a new
// resource (AWS provider 6.25.0, the version @cdktf/provider-aws 21.22.1 bundles), whether the type holds data or
// identity (and so blocks the review), and the in-place changes that deserve a warning. The table is data
// (replacement/aws-provider-6.25.json); this file validates it once and answers questions about it.
import { z } from 'zod';
import table from './replacement/aws-provider-6.25.json';
import { REPLACEMENT_TRIGGERS, type TriggerAttribute } from './replacement-triggers';

const condition = z.strictObject({
  description: z.string().min(1),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  attribute: z.string().optional(),
  in: z.array(z.string()).optional(),
  notIn: z.array(z.string()).optional(),
  notPrefix: z.string().optional(),
  absent: z.boolean().optional(),
  versionBelow: z.string().optional(),
});

const forceNewRow = z.strictObject({
  path: z.string().min(1),
  trigger: z.enum(REPLACEMENT_TRIGGERS).optional(),
  computed: z.boolean().optional(),
  default: z.unknown().optional(),
  onlyIf: condition.optional(),
  /** What happens instead of "forces replacement" (an in-place rename that moves an endpoint). */
  effect: z.string().optional(),
  note: z.string().optional(),
});

const disruptiveRow = z.strictObject({
  path: z.string().min(1),
  /** change: any new value; major-version: the major part of a version changes. */
  trigger: z.enum(['change', 'major-version']).optional(),
  majorComponents: z.number().int().positive().optional(),
  onlyIf: condition.optional(),
  reason: z.string().min(1),
  source: z.url(),
});

/** What a gated type holds: its replacement or deletion blocks the review (docs/review.md, "Scope"). */
export const PROTECTED_KINDS = ['data', 'identity', 'placement'] as const;
export type ProtectedKind = (typeof PROTECTED_KINDS)[number];

const entry = z.strictObject({
  type: z.string().regex(/^aws_[a-z0-9_]+$/),
  /** No `region` argument: IAM, CloudFront and Route 53 are global services. */
  global: z.boolean().optional(),
  protects: z.enum(PROTECTED_KINDS).optional(),
  /** Where "forces new resource" was read: the resource's Go schema, at a commit when it was read for this table. */
  schema: z.strictObject({
    file: z.string(),
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .optional(),
  }),
  /** Empty: nothing forces replacement ("none"). */
  forceNew: z.array(forceNewRow),
  disruptive: z.array(disruptiveRow).optional(),
  note: z.string().optional(),
});

const tableSchema = z.strictObject({
  provider: z.literal('hashicorp/aws'),
  version: z.string(),
  docsBase: z.url(),
  schemaBase: z.url(),
  injected: forceNewRow.extend({ source: z.url() }),
  types: z.array(entry),
});

export type ReplacementAttribute = z.infer<typeof forceNewRow> & TriggerAttribute;
export type DisruptiveRule = z.infer<typeof disruptiveRow>;
export type ReplacementEntry = z.infer<typeof entry>;

const parsed = tableSchema.parse(table);

export const AWS_PROVIDER_VERSION = parsed.version;
export const REPLACEMENT_TABLE: readonly ReplacementEntry[] = parsed.types;
/** The `region` argument provider 6.0 injects into every regional resource; changing it re-creates the resource. */
export const INJECTED_REGION = parsed.injected;

const byType = new Map(REPLACEMENT_TABLE.map((item) => [item.type, item]));

export function replacementEntry(type: string): ReplacementEntry | undefined {
  return byType.get(type);
}

export function providerDocsUrl(type: string): string {
  return `${parsed.docsBase}${type.replace(/^aws_/, '')}`;
}

export function schemaUrl(item: ReplacementEntry): string | undefined {
  return item.schema.commit ? `${parsed.schemaBase}${item.schema.commit}/${item.schema.file}` : undefined;
}

/** Every argument that replaces a resource of the type: the table's rows and, for regional types, `region`. */
export function replacingAttributes(item: ReplacementEntry): ReplacementAttribute[] {
  const { source: _source, ...region } = INJECTED_REGION;
  return item.global ? [...item.forceNew] : [...item.forceNew, region];
}

/** Whether replacing or deleting a resource of this type blocks the review. */
export function isProtectedType(type: string): boolean {
  return replacementEntry(type)?.protects !== undefined;
}
