// Items of a CDKTF stack file (`terraform/<stack>/cdk.tf.json`): resources, data sources, outputs and the
// stack-level blocks, addressed as `<stack>/<type>.<name>` the way `terraform state` would name them.
import { ReviewError } from '../model';
import { isPlainObject, type JsonObject } from '../value-diff';
import { parseJson, type ExtractedItem } from './extracted-item';

// CDKTF writes its own bookkeeping under "//" (construct path, unique id); it never reaches Terraform.
const METADATA_KEY = '//';

/** Top-level blocks whose children are `<type>.<name>` (resource, data) or `<name>` (the rest). */
const TYPED_BLOCKS: Readonly<Record<string, string>> = { resource: '', data: 'data.' };
const NAMED_BLOCKS: Readonly<Record<string, string>> = {
  output: 'output',
  variable: 'variable',
  module: 'module',
  provider: 'provider',
};

export function stackOf(file: string): string {
  // terraform/<stack>/cdk.tf.json → <stack>; a file directly in terraform/ uses its own name.
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(1, -1).join('/') : parts[parts.length - 1];
}

export function extractTerraformItems(file: string, text: string): ExtractedItem[] {
  const document = parseJson(file, text);
  if (!isPlainObject(document)) throw new ReviewError(`${file}: expected a Terraform JSON object`);
  const stack = stackOf(file);
  const items: ExtractedItem[] = [];
  for (const [block, content] of Object.entries(document)) {
    if (block === METADATA_KEY) continue;
    if (block in TYPED_BLOCKS) {
      items.push(...typedItems(file, stack, TYPED_BLOCKS[block], content));
    } else if (block in NAMED_BLOCKS) {
      items.push(...namedItems(file, stack, NAMED_BLOCKS[block], content));
    } else {
      items.push({ id: `${stack}/${block}`, kind: block, file, body: content });
    }
  }
  return items;
}

function typedItems(file: string, stack: string, prefix: string, content: unknown): ExtractedItem[] {
  if (!isPlainObject(content)) return [];
  return Object.entries(content).flatMap(([type, byName]) =>
    isPlainObject(byName)
      ? Object.entries(byName).map(([name, body]) => ({
          id: `${stack}/${prefix}${type}.${name}`,
          kind: `${prefix}${type}`,
          file,
          body: withoutMetadata(body),
          constructPath: constructPathOf(body),
        }))
      : [],
  );
}

function namedItems(file: string, stack: string, kind: string, content: unknown): ExtractedItem[] {
  if (!isPlainObject(content)) return [];
  return Object.entries(content).map(([name, body]) => {
    // CDKTF writes each provider as a list of configurations; the usual single one reads better unwrapped.
    const single = Array.isArray(body) && body.length === 1 ? body[0] : body;
    return {
      id: `${stack}/${kind}.${name}`,
      kind,
      file,
      body: withoutMetadata(single),
      constructPath: constructPathOf(single),
    };
  });
}

function withoutMetadata(body: unknown): unknown {
  if (!isPlainObject(body) || !(METADATA_KEY in body)) return body;
  const rest: JsonObject = { ...body };
  delete rest[METADATA_KEY];
  return rest;
}

function constructPathOf(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  const metadata = body[METADATA_KEY];
  if (!isPlainObject(metadata) || !isPlainObject(metadata.metadata)) return undefined;
  const path = metadata.metadata.path;
  return typeof path === 'string' ? path : undefined;
}
