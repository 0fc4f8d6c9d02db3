// Each environment synthesized once per test file (module-level cache): tests read the Terraform JSON exactly as
// the render pipeline writes it, without going through the disk.
import { loadEnvironment } from '../../environments';
import type { EnvConfig } from '../../environments';
import { synthesizeStacks, type SynthesizedStack } from '../../stacks/render';

export type Block = Record<string, unknown>;

const cache = new Map<string, SynthesizedStack[]>();

export function stacksOf(envName: string): SynthesizedStack[] {
  let stacks = cache.get(envName);
  if (!stacks) {
    stacks = synthesizeStacks(loadEnvironment(envName));
    cache.set(envName, stacks);
  }
  return stacks;
}

export const env = (name: string): EnvConfig => loadEnvironment(name);

export function stack(envName: string, layer: string): SynthesizedStack {
  const found = stacksOf(envName).find((s) => s.stack === `${envName}-${layer}`);
  if (!found) throw new Error(`no stack ${envName}-${layer}`);
  return found;
}

/** Resources of one type in one stack, by logical id. */
export function resources(envName: string, layer: string, type: string): Record<string, Block> {
  const all = (stack(envName, layer).config['resource'] ?? {}) as Record<string, Record<string, Block>>;
  return all[type] ?? {};
}

export function dataSources(envName: string, layer: string, type: string): Record<string, Block> {
  const all = (stack(envName, layer).config['data'] ?? {}) as Record<string, Record<string, Block>>;
  return all[type] ?? {};
}

export function resource(envName: string, layer: string, type: string, name: string): Block {
  const found = resources(envName, layer, type)[name];
  if (!found) throw new Error(`no ${type}.${name} in ${envName}-${layer}`);
  return found;
}

/** The statements of a `${data.aws_iam_policy_document.<name>.json}` reference in the same stack. */
export function policyDocument(envName: string, layer: string, reference: unknown): Block[] {
  const match = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(reference));
  if (!match) throw new Error(`not a policy document reference: ${String(reference)}`);
  const document = dataSources(envName, layer, 'aws_iam_policy_document')[match[1]!];
  if (!document) throw new Error(`no policy document ${match[1]}`);
  return document['statement'] as Block[];
}

/** Count of resources in a stack, all types. */
export function resourceCount(envName: string, layer: string): number {
  const all = (stack(envName, layer).config['resource'] ?? {}) as Record<string, Record<string, Block>>;
  return Object.values(all).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
}

export const environments = ['dev', 'staging', 'prod'] as const;
