// References between Terraform blocks, read from CDKTF's `${…}` expressions: `aws_subnet.x.id`,
// `data.aws_iam_policy_document.y.json`, and a remote-state read of another stack's output,
// `data.terraform_remote_state.z.outputs.cross-stack-output-…`.
import { isPlainObject } from './value-diff';

export interface Reference {
  /** The text as written, e.g. `aws_subnet.network_database-a.id`. */
  readonly expression: string;
  /** The referenced block as the review addresses it: `<stack>/<type>.<name>`, `<stack>/data.<type>.<name>`. */
  readonly address: string;
  /** The attribute read: its first segment (`identity` of `identity[0].oidc`), or `outputs.<name>`. */
  readonly attribute: string;
}

const REMOTE_OUTPUT = /data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)/g;
const DATA_SOURCE = /\bdata\.([a-z][a-z0-9_]*)\.([\w-]+)\.([a-z0-9_]+)/g;
const RESOURCE = /(?<![\w.-])(aws_[a-z0-9_]+)\.([\w-]+)\.([a-z0-9_]+)/g;

/** The expressions inside every top-level `${…}` of a string (nested braces, as in jsonencode({…}), included). */
export function interpolations(text: string): string[] {
  const segments: string[] = [];
  let start = text.indexOf('${');
  while (start !== -1) {
    let depth = 0;
    let end = start + 1;
    for (; end < text.length; end += 1) {
      if (text[end] === '{') depth += 1;
      else if (text[end] === '}' && --depth === 0) break;
    }
    segments.push(text.slice(start + 2, end));
    start = text.indexOf('${', end);
  }
  return segments;
}

function referencesInExpression(expression: string, stack: string): Reference[] {
  const found: Reference[] = [];
  for (const [text, name, output] of expression.matchAll(REMOTE_OUTPUT)) {
    const address = `${stack}/data.terraform_remote_state.${name}`;
    found.push({ expression: text, address, attribute: `outputs.${output}` });
  }
  for (const [text, type, name, attribute] of expression.matchAll(DATA_SOURCE)) {
    if (type !== 'terraform_remote_state') {
      found.push({ expression: text, address: `${stack}/data.${type}.${name}`, attribute });
    }
  }
  for (const [text, type, name, attribute] of expression.matchAll(RESOURCE)) {
    found.push({ expression: text, address: `${stack}/${type}.${name}`, attribute });
  }
  return found;
}

/** Every reference inside a value (strings at any depth), each once, in order of appearance. */
export function referencesIn(value: unknown, stack: string): Reference[] {
  const found = new Map<string, Reference>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const segment of interpolations(node)) {
        for (const reference of referencesInExpression(segment, stack))
          found.set(reference.expression, reference);
      }
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (isPlainObject(node)) Object.values(node).forEach(visit);
  };
  visit(value);
  return [...found.values()];
}
