// `--plan <file>`: the output of `terraform show -json <planfile>` for one stack. The format is Terraform's JSON
// output format, https://developer.hashicorp.com/terraform/internals/json-format: "Plan Representation" (the
// top-level keys), "Change Representation" (`change.actions`, `replace_paths`) and "Configuration Representation"
// (`configuration.provider_config.<name>.expressions`, each a constant_value or references). A file is matched to
// its stack by the provider configuration it was planned with (region, allowed account, default tags) and checked
// against the stack's resource addresses; anything else is refused with one line that names the file.
import { readFileSync } from 'node:fs';
import { ReviewError, type TerraformSides } from './model';
import { stackGraph } from './stack-graph';
import { isPlainObject, stableStringify, type JsonObject } from './value-diff';

export interface PlannedChange {
  /** As the plan writes it, e.g. `aws_vpc.network_vpc` or `aws_subnet.private["a"]`. */
  readonly address: string;
  readonly type: string;
  /** Change Representation: ["no-op"], ["create"], ["read"], ["update"], ["delete","create"], … */
  readonly actions: readonly string[];
  /** The attribute paths that force the replacement, as paths of keys and indices. */
  readonly replacePaths: readonly (readonly (string | number)[])[];
  readonly actionReason?: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface StackPlan {
  readonly file: string;
  readonly env: string;
  readonly stack: string;
  readonly changes: readonly PlannedChange[];
}

/** The plans of a review, by environment then stack. */
export type PlanIndex = ReadonlyMap<string, ReadonlyMap<string, StackPlan>>;

/** Where plans are matched: every environment of both sides of the review, reviewed or not. */
export interface KnownStacks {
  /** Both sides of every environment; called once, and only when there is a plan to match. */
  readonly sides: () => Readonly<Record<string, TerraformSides>>;
  readonly reviewedEnvs: readonly string[];
}

function refuse(file: string, reason: string): never {
  throw new ReviewError(`--plan ${file}: ${reason}`);
}

/** The provider settings that tell environments and stacks apart, from a rendered stack's `provider.aws[0]`. */
function renderedSignature(document: unknown): string | undefined {
  const providers =
    isPlainObject(document) && isPlainObject(document.provider) ? document.provider.aws : undefined;
  const aws = Array.isArray(providers) ? providers[0] : providers;
  if (!isPlainObject(aws)) return undefined;
  const tags = Array.isArray(aws.default_tags) ? aws.default_tags[0] : aws.default_tags;
  return stableStringify({
    allowed_account_ids: aws.allowed_account_ids ?? null,
    default_tags: isPlainObject(tags) ? (tags.tags ?? null) : null,
    region: aws.region ?? null,
  });
}

const constant = (expression: unknown): unknown =>
  isPlainObject(expression) ? (expression.constant_value ?? null) : null;

/** The same settings from a plan's Configuration Representation (nested blocks are arrays of expression objects). */
function plannedSignature(plan: JsonObject): string | undefined {
  const configuration = plan.configuration;
  const providers = isPlainObject(configuration) ? configuration.provider_config : undefined;
  const aws = isPlainObject(providers) ? providers.aws : undefined;
  const expressions = isPlainObject(aws) ? aws.expressions : undefined;
  if (!isPlainObject(expressions)) return undefined;
  const tagBlock = Array.isArray(expressions.default_tags) ? expressions.default_tags[0] : undefined;
  return stableStringify({
    allowed_account_ids: constant(expressions.allowed_account_ids),
    default_tags: isPlainObject(tagBlock) ? constant(tagBlock.tags) : null,
    region: constant(expressions.region),
  });
}

function parsePlan(file: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return refuse(
      file,
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch {
    return refuse(
      file,
      'not Terraform plan JSON (not JSON at all; write it with `terraform show -json <planfile>`)',
    );
  }
  if (!isPlainObject(document) || typeof document.format_version !== 'string') {
    return refuse(
      file,
      'not Terraform plan JSON (no format_version; write it with `terraform show -json <planfile>`)',
    );
  }
  if (!document.format_version.startsWith('1.')) {
    return refuse(
      file,
      `Terraform JSON format_version ${document.format_version} is not supported (expected 1.x)`,
    );
  }
  if (!isPlainObject(document.planned_values)) {
    return refuse(
      file,
      'a Terraform state, not a plan (no planned_values; run `terraform show -json <planfile>`)',
    );
  }
  return document;
}

function plannedChanges(file: string, plan: JsonObject): PlannedChange[] {
  const raw = plan.resource_changes ?? [];
  if (!Array.isArray(raw)) return refuse(file, 'resource_changes is not a list');
  return raw
    .filter((entry): entry is JsonObject => isPlainObject(entry) && entry.mode === 'managed')
    .map((entry) => {
      const change = isPlainObject(entry.change) ? entry.change : {};
      const actions = Array.isArray(change.actions) ? change.actions.map(String) : [];
      const paths = Array.isArray(change.replace_paths) ? change.replace_paths.filter(Array.isArray) : [];
      if (typeof entry.address !== 'string' || actions.length === 0) {
        refuse(
          file,
          `a resource change without address or change.actions (${JSON.stringify(entry.address)})`,
        );
      }
      return {
        address: entry.address as string,
        type: String(entry.type),
        actions,
        replacePaths: paths as (string | number)[][],
        actionReason: typeof entry.action_reason === 'string' ? entry.action_reason : undefined,
        before: change.before,
        after: change.after,
      };
    });
}

/** `aws_subnet.private["a"]` → `aws_subnet.private`: the block address the rendered tree has. */
export function blockAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

/** Block addresses (`aws_vpc.network_vpc`, `data.…`) of a stack on either side of the review. */
function stackAddresses(sides: TerraformSides, stack: string): Set<string> {
  return new Set(
    [sides.base, sides.head].flatMap((stacks) =>
      [...stackGraph({ [stack]: stacks[stack] }).nodes.keys()].map((address) =>
        address.slice(stack.length + 1),
      ),
    ),
  );
}

function matchStack(
  file: string,
  plan: JsonObject,
  changes: readonly PlannedChange[],
  sides: Readonly<Record<string, TerraformSides>>,
  reviewedEnvs: readonly string[],
) {
  const signature = plannedSignature(plan);
  if (signature === undefined) return refuse(file, 'no aws provider configuration in it to tell its stack');
  const candidates = Object.entries(sides).flatMap(([env, sides]) =>
    [...new Set([...Object.keys(sides.base), ...Object.keys(sides.head)])]
      .filter((stack) =>
        [sides.head[stack], sides.base[stack]].some((doc) => renderedSignature(doc) === signature),
      )
      .map((stack) => ({ env, stack, addresses: stackAddresses(sides, stack) })),
  );
  if (candidates.length === 0) {
    return refuse(
      file,
      'its aws provider configuration (region, allowed account, default tags) matches no stack under deploy/',
    );
  }
  const strayIn = (addresses: ReadonlySet<string>) =>
    changes.find((change) => !addresses.has(blockAddress(change.address)));
  const fits = candidates.filter(({ addresses }) => strayIn(addresses) === undefined);
  if (fits.length === 0) {
    const [{ env, stack, addresses }] = candidates;
    const stray = strayIn(addresses)?.address ?? '';
    return refuse(
      file,
      `${stray} is not in deploy/${env}/terraform/${stack}, the stack its provider matches: a plan of another stack?`,
    );
  }
  if (fits.length > 1) {
    return refuse(
      file,
      `it fits several stacks (${fits.map(({ env, stack }) => `${env}/${stack}`).join(', ')})`,
    );
  }
  const [{ env, stack }] = fits;
  if (!reviewedEnvs.includes(env)) {
    return refuse(
      file,
      `a plan of ${stack} in environment "${env}", which this review does not cover (${reviewedEnvs.join(', ')})`,
    );
  }
  return { env, stack };
}

/** Reads every `--plan` file; two plans of one stack are refused, naming both files. */
export function readPlans(files: readonly string[], known: KnownStacks): PlanIndex {
  const index = new Map<string, Map<string, StackPlan>>();
  if (files.length === 0) return index;
  const sides = known.sides();
  for (const file of files) {
    const document = parsePlan(file);
    const changes = plannedChanges(file, document);
    const { env, stack } = matchStack(file, document, changes, sides, known.reviewedEnvs);
    const plan: StackPlan = { file, env, stack, changes };
    const stacks = index.get(plan.env) ?? new Map<string, StackPlan>();
    const earlier = stacks.get(plan.stack);
    if (earlier) refuse(file, `a second plan of ${plan.env}/${plan.stack} (the first is ${earlier.file})`);
    stacks.set(plan.stack, plan);
    index.set(plan.env, stacks);
  }
  return index;
}
