// Replacement travels along references. When X is replaced, its computed attributes (id, arn, name when computed)
// are unknown until apply; when X changes a configured attribute, every reader sees the new value. A resource Y
// whose argument that forces replacement reads such a value is replaced too: within a stack, and across stacks
// through a remote-state read of an output. This is how Terraform plans it: an unknown or new value in a
// ForceNew argument is a planned replacement
// (https://developer.hashicorp.com/terraform/language/resources/behavior#how-terraform-applies-a-configuration).
import { referencesIn, type Reference } from './references';
import { replacementEntry, replacingAttributes } from './replacement-registry';
import { resolvePath } from './replacement-triggers';
import type { GraphNode, StackGraph } from './stack-graph';
import { deepEqual } from './value-diff';

/** Why a referenced value changes, traced to the block where the change starts. */
export interface UpstreamChange {
  /** The block where the change starts. */
  readonly upstream: string;
  /** What happens to it: "is replaced", "changes `name`: …", "is new". */
  readonly why: string;
  /** Blocks passed on the way (outputs, remote-state reads, data sources), nearest first. */
  readonly via: readonly string[];
}

export interface PropagatedAttribute {
  readonly path: string;
  readonly reference: string;
  readonly cause: UpstreamChange;
}

export interface PropagatedReplacement {
  readonly address: string;
  readonly type: string;
  readonly attributes: readonly PropagatedAttribute[];
}

export interface PropagationInput {
  readonly base: StackGraph;
  readonly head: StackGraph;
  /** Addresses already known to be replaced (the table or a plan said so). */
  readonly replaced: ReadonlySet<string>;
  /** Stacks whose replacements come from a terraform plan: nothing is predicted inside them. */
  readonly plannedStacks: ReadonlySet<string>;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

class ValueTracer {
  private readonly memo = new Map<string, UpstreamChange | null>();

  constructor(
    private readonly input: PropagationInput,
    private readonly replaced: ReadonlySet<string>,
  ) {}

  /** How the value `address`.`attribute` changes, or undefined when it stays the same. */
  change(
    address: string,
    attribute: string,
    seen: ReadonlySet<string> = new Set(),
  ): UpstreamChange | undefined {
    const key = `${address}\u0000${attribute}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? undefined;
    if (seen.has(key)) return undefined;
    const found = this.trace(address, attribute, new Set([...seen, key]));
    this.memo.set(key, found ?? null);
    return found;
  }

  /** The first reference inside `value` whose value changes. */
  changedReference(
    value: unknown,
    stack: string,
    seen: ReadonlySet<string>,
  ): [Reference, UpstreamChange] | undefined {
    for (const reference of referencesIn(value, stack)) {
      const found = this.change(reference.address, reference.attribute, seen);
      if (found) return [reference, found];
    }
    return undefined;
  }

  private through(node: GraphNode, value: unknown, seen: ReadonlySet<string>): UpstreamChange | undefined {
    const found = this.changedReference(value, node.stack, seen);
    if (!found) return undefined;
    const [, cause] = found;
    return { ...cause, via: [node.address, ...cause.via] };
  }

  private trace(address: string, attribute: string, seen: ReadonlySet<string>): UpstreamChange | undefined {
    const after = this.input.head.nodes.get(address);
    const before = this.input.base.nodes.get(address);
    if (!after) return undefined;
    if (!before)
      return { upstream: address, why: `is new: its \`${attribute}\` is known only after apply`, via: [] };
    if (after.block === 'output') {
      if (!deepEqual(before.body.value, after.body.value)) {
        return { upstream: address, why: 'changes its value', via: [] };
      }
      return this.through(after, after.body.value, seen);
    }
    if (after.block === 'data') return this.traceData(before, after, attribute, seen);
    const configured = after.body[attribute];
    if (configured !== undefined && !deepEqual(before.body[attribute], configured)) {
      const why = `changes \`${attribute}\`: ${brief(before.body[attribute])} → ${brief(configured)}`;
      return { upstream: address, why, via: [] };
    }
    if (configured === undefined && this.replaced.has(address)) {
      return {
        upstream: address,
        why: `is replaced: its \`${attribute}\` is known only after apply`,
        via: [],
      };
    }
    return this.through(after, configured, seen);
  }

  private traceData(
    before: GraphNode,
    after: GraphNode,
    attribute: string,
    seen: ReadonlySet<string>,
  ): UpstreamChange | undefined {
    if (after.type === 'terraform_remote_state') {
      const target = this.input.head.remoteStates.get(after.address);
      if (!target || !attribute.startsWith('outputs.')) return undefined;
      const output = `${target}/output.${attribute.slice('outputs.'.length)}`;
      const found = this.change(output, 'value', seen);
      return found ? { ...found, via: [after.address, ...found.via] } : undefined;
    }
    // A data source is read again when its arguments change; every attribute it returns may change with them.
    if (!deepEqual(before.body, after.body)) {
      return { upstream: after.address, why: 'reads changed arguments', via: [] };
    }
    return this.through(after, after.body, seen);
  }
}

function propagatedAttributes(node: GraphNode, tracer: ValueTracer): PropagatedAttribute[] {
  const entry = node.type ? replacementEntry(node.type) : undefined;
  if (!entry) return [];
  const attributes: PropagatedAttribute[] = [];
  // Only plain ForceNew rows: a new value read through a reference replaces; the conditional triggers (a block
  // added or removed, a downgrade, a feature switched off) are about the text of the configuration itself.
  for (const attribute of replacingAttributes(entry).filter(
    (row) => (row.trigger ?? 'change') === 'change',
  )) {
    const value = resolvePath(node.body, attribute.path);
    if (value === undefined) continue;
    const found = tracer.changedReference(value, node.stack, new Set());
    if (found) attributes.push({ path: attribute.path, reference: found[0].expression, cause: found[1] });
  }
  return attributes;
}

/** Resources replaced because a value they read in an argument that forces replacement changes (to a fixpoint). */
export function propagateReplacements(input: PropagationInput): PropagatedReplacement[] {
  const replaced = new Set(input.replaced);
  const propagated: PropagatedReplacement[] = [];
  for (let grew = true; grew;) {
    grew = false;
    const tracer = new ValueTracer(input, replaced);
    for (const node of input.head.nodes.values()) {
      if (node.block !== 'resource' || replaced.has(node.address)) continue;
      if (input.plannedStacks.has(node.stack) || !input.base.nodes.has(node.address)) continue;
      const attributes = propagatedAttributes(node, tracer);
      if (attributes.length === 0) continue;
      propagated.push({ address: node.address, type: node.type ?? '', attributes });
      replaced.add(node.address);
      grew = true;
    }
  }
  return propagated;
}
