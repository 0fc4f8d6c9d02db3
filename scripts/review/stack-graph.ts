// One side of an environment's Terraform as a lookup table: every resource, data source and output by the address
// the review prints, and where each remote-state data source points (found by the other stacks' backend keys, as
// the rendered `cdk.tf.json` writes them).
import type { TerraformStacks } from './model';
import { isPlainObject, type JsonObject } from './value-diff';

export type BlockKind = 'resource' | 'data' | 'output';

export interface GraphNode {
  readonly address: string;
  readonly stack: string;
  readonly block: BlockKind;
  /** Resource or data source type; undefined for outputs. */
  readonly type?: string;
  /** The block without CDKTF's `//` metadata. */
  readonly body: JsonObject;
}

export interface StackGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** `<stack>/data.terraform_remote_state.<name>` → the stack whose state it reads. */
  readonly remoteStates: ReadonlyMap<string, string>;
}

function withoutMetadata(body: unknown): JsonObject {
  if (!isPlainObject(body)) return {};
  const rest: JsonObject = { ...body };
  delete rest['//'];
  return rest;
}

function typedNodes(stack: string, content: unknown, block: 'resource' | 'data'): GraphNode[] {
  if (!isPlainObject(content)) return [];
  const prefix = block === 'data' ? 'data.' : '';
  return Object.entries(content).flatMap(([type, byName]) =>
    isPlainObject(byName)
      ? Object.entries(byName).map(([name, body]) => ({
          address: `${stack}/${prefix}${type}.${name}`,
          stack,
          block,
          type,
          body: withoutMetadata(body),
        }))
      : [],
  );
}

/** The state key a stack's backend writes to (`<stack>/terraform.tfstate` in the rendered tree). */
function backendKey(document: JsonObject): string | undefined {
  const terraform = document.terraform;
  const backend = isPlainObject(terraform) ? terraform.backend : undefined;
  if (!isPlainObject(backend)) return undefined;
  for (const settings of Object.values(backend)) {
    if (isPlainObject(settings)) {
      const key = settings.key ?? settings.path;
      if (typeof key === 'string') return key;
    }
  }
  return undefined;
}

export function stackGraph(stacks: TerraformStacks): StackGraph {
  const nodes = new Map<string, GraphNode>();
  const stackByKey = new Map<string, string>();
  for (const [stack, document] of Object.entries(stacks)) {
    if (!isPlainObject(document)) continue;
    const key = backendKey(document);
    if (key !== undefined) stackByKey.set(key, stack);
    const outputs = isPlainObject(document.output) ? Object.entries(document.output) : [];
    for (const node of [
      ...typedNodes(stack, document.resource, 'resource'),
      ...typedNodes(stack, document.data, 'data'),
      ...outputs.map(([name, body]) => ({
        address: `${stack}/output.${name}`,
        stack,
        block: 'output' as const,
        body: withoutMetadata(body),
      })),
    ]) {
      nodes.set(node.address, node);
    }
  }
  const remoteStates = new Map<string, string>();
  for (const node of nodes.values()) {
    if (node.type !== 'terraform_remote_state') continue;
    const config = node.body.config;
    const key = isPlainObject(config) ? (config.key ?? config.path) : undefined;
    const target = typeof key === 'string' ? stackByKey.get(key) : undefined;
    if (target !== undefined) remoteStates.set(node.address, target);
  }
  return { nodes, remoteStates };
}
