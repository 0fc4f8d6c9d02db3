// The Terraform half of the gate. Three sources, in this order of authority: a terraform plan of the stack (it
// wins: what it plans is what happens), the replacement table applied to the rendered-tree diff, and propagation of
// replacements through references (within a stack and across stacks through remote state).
import { blockAddress, type PlannedChange, type StackPlan } from './plan-file';
import type { Finding, ReplacedAttribute } from './destructive';
import { compareText, type FieldChange, type ItemDiff, type TerraformSides } from './model';
import { propagateReplacements, type PropagatedReplacement } from './propagation';
import {
  isProtectedType,
  providerDocsUrl,
  replacementEntry,
  replacingAttributes,
  type ReplacementEntry,
} from './replacement-registry';
import { resolvePath, triggersReplacement } from './replacement-triggers';
import { type RenamePair, renamesAndRemovals, splitRenames } from './rename-detection';
import { stackGraph, type StackGraph } from './stack-graph';
import { isPlainObject } from './value-diff';

const stackOf = (address: string): string => address.slice(0, address.indexOf('/'));

function preventDestroy(body: unknown): true | undefined {
  return resolvePath(body, 'lifecycle.prevent_destroy') === true ? true : undefined;
}

function fieldChange(path: string, before: unknown, after: unknown): FieldChange {
  if (before === undefined) return { path, change: 'added', after };
  if (after === undefined) return { path, change: 'removed', before };
  return { path, change: 'changed', before, after };
}

function tableAttributes(entry: ReplacementEntry, item: ItemDiff): ReplacedAttribute[] {
  return replacingAttributes(entry)
    .filter((attribute) => triggersReplacement(attribute, item.before, item.after))
    .map((attribute) => ({
      path: attribute.path,
      change: fieldChange(
        attribute.path,
        resolvePath(item.before, attribute.path),
        resolvePath(item.after, attribute.path),
      ),
      effect: attribute.effect ?? 'forces replacement',
      citation: providerDocsUrl(entry.type),
      note: attribute.note,
    }));
}

/** Destroy/create pairs (renames) and removals of protected types: the table's and the plan's alike. */
function lossFindings(
  base: Pick<Finding, 'env' | 'layer' | 'source' | 'planFile'>,
  { renames, removals }: { readonly renames: readonly RenamePair[]; readonly removals: readonly ItemDiff[] },
): Finding[] {
  const renamed = renames.map(({ removed: before, added: after }): Finding => ({
    ...base,
    kind: 'rename',
    address: before.id,
    resourceType: before.kind,
    newAddress: after.id,
    constructPaths:
      before.constructPath?.before || after.constructPath?.after
        ? { before: before.constructPath?.before, after: after.constructPath?.after }
        : undefined,
    attributes: [],
    preventDestroy: preventDestroy(before.before),
    gated: true,
  }));
  const removed = removals.map((item): Finding => ({
    ...base,
    kind: 'removal',
    address: item.id,
    resourceType: item.kind,
    attributes: [],
    preventDestroy: preventDestroy(item.before),
    gated: true,
  }));
  return [...renamed, ...removed];
}

/** Removals and destroy/create pairs of protected types, and replacements the table predicts, for unplanned stacks. */
function tableFindings(env: string, items: readonly ItemDiff[]): Finding[] {
  const base = { env, layer: 'terraform' as const, source: 'table' as const };
  const findings = lossFindings(
    base,
    renamesAndRemovals(items, (item) => isProtectedType(item.kind)),
  );
  for (const item of items.filter((entry) => entry.status === 'changed')) {
    const entry = replacementEntry(item.kind);
    const attributes = entry ? tableAttributes(entry, item) : [];
    if (attributes.length === 0) continue;
    findings.push({
      ...base,
      kind: 'replacement',
      address: item.id,
      resourceType: item.kind,
      attributes,
      preventDestroy: preventDestroy(item.before),
      gated: isProtectedType(item.kind),
    });
  }
  return findings;
}

/** `["vpc_config", 0, "subnet_ids"]` → `vpc_config[0].subnet_ids`. */
function planPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isPlainObject(current) ? current[part] : undefined;
  }
  return current;
}

function planAttributes(plan: StackPlan, change: PlannedChange): ReplacedAttribute[] {
  const reason = change.actionReason ? ` (${change.actionReason})` : '';
  const attributes = change.replacePaths.map((path) => ({
    path: planPath(path),
    change: fieldChange(planPath(path), valueAt(change.before, path), valueAt(change.after, path)),
    effect: `forces replacement: terraform plan${reason}`,
    citation: plan.file,
  }));
  return attributes.length > 0
    ? attributes
    : [{ path: '(whole resource)', effect: `replaced: terraform plan${reason}`, citation: plan.file }];
}

/** What the plan of a stack says: replacements, and deletions of protected types (paired with creates as renames). */
function planFindings(env: string, plan: StackPlan, items: readonly ItemDiff[]): Finding[] {
  const base = { env, layer: 'terraform' as const, source: 'plan' as const, planFile: plan.file };
  const findings: Finding[] = [];
  const deleted: ItemDiff[] = [];
  for (const change of plan.changes) {
    const address = `${plan.stack}/${blockAddress(change.address)}`;
    const deletes = change.actions.includes('delete');
    if (deletes && change.actions.includes('create')) {
      findings.push({
        ...base,
        kind: 'replacement',
        address,
        resourceType: change.type,
        attributes: planAttributes(plan, change),
        preventDestroy: preventDestroy(change.before),
        gated: isProtectedType(change.type),
      });
    } else if (deletes && isProtectedType(change.type)) {
      deleted.push(
        items.find((item) => item.id === address) ?? {
          id: address,
          status: 'removed',
          kind: change.type,
          file: '',
          fields: [],
          before: change.before,
        },
      );
    }
  }
  const created = items.filter((item) => item.status === 'added' && stackOf(item.id) === plan.stack);
  return [...findings, ...lossFindings(base, splitRenames(deleted, created))];
}

function propagatedFinding(env: string, replacement: PropagatedReplacement, base: StackGraph): Finding {
  const before = base.nodes.get(replacement.address)?.body;
  return {
    env,
    layer: 'terraform',
    source: 'table',
    kind: 'replacement',
    address: replacement.address,
    resourceType: replacement.type,
    attributes: replacement.attributes.map(({ path, reference, cause }) => ({
      path,
      reference: { expression: reference, ...cause },
      effect: 'forces replacement',
      citation: providerDocsUrl(replacement.type),
    })),
    preventDestroy: preventDestroy(before),
    gated: isProtectedType(replacement.type),
  };
}

export function terraformFindings(
  env: string,
  items: readonly ItemDiff[],
  sides: TerraformSides | undefined,
  plans: ReadonlyMap<string, StackPlan> = new Map(),
): Finding[] {
  const unplanned = items.filter((item) => !plans.has(stackOf(item.id)));
  const findings = [
    ...tableFindings(env, unplanned),
    ...[...plans.values()].flatMap((plan) => planFindings(env, plan, items)),
  ];
  if (sides) {
    const base = stackGraph(sides.base);
    const replaced = new Set(
      findings.filter((finding) => finding.kind === 'replacement').map((f) => f.address),
    );
    const propagated = propagateReplacements({
      base,
      head: stackGraph(sides.head),
      replaced,
      plannedStacks: new Set(plans.keys()),
    });
    findings.push(...propagated.map((replacement) => propagatedFinding(env, replacement, base)));
  }
  return findings.sort((a, b) => compareText(a.address, b.address));
}
