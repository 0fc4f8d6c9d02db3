// One stack's resources plus the reference graph between them: what checkov's graph checks need
// (a versioning resource connected to its bucket by "${aws_s3_bucket.assets.id}"), limited to one stack.
import { resolvePolicy, type ParsedPolicy } from './policy';
import type { Attributes, BlocksByType, RenderedStack, Resource, RuleContext } from './types';
import {
  isRecord,
  referencesIn,
  referencesInExpression,
  tokenExpressions,
  valuesAt,
  wholeReference,
} from './values';

/** CDKTF puts construct metadata under "//"; it is not an attribute. */
const METADATA_KEY = '//';

// Inputs and locals are decided outside the rendered file, so a token built from them cannot be judged.
const OUTSIDE_INPUT = /(?<![\w.])(var|local|module)\./;

export function normaliseResources(stack: RenderedStack): Resource[] {
  return entriesOf(stack.document.resource).map(([type, name, values]) => ({
    env: stack.env,
    stack: stack.stack,
    type,
    name,
    address: `${type}.${name}`,
    values,
  }));
}

function entriesOf(section: BlocksByType | undefined): [string, string, Attributes][] {
  const entries: [string, string, Attributes][] = [];
  for (const [type, byName] of Object.entries(section ?? {})) {
    if (type === METADATA_KEY || !isRecord(byName)) continue;
    for (const [name, values] of Object.entries(byName)) {
      if (name === METADATA_KEY || !isRecord(values)) continue;
      entries.push([type, name, withoutMetadata(values)]);
    }
  }
  return entries;
}

function withoutMetadata(values: Attributes): Attributes {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key !== METADATA_KEY));
}

export class StackContext implements RuleContext {
  readonly env: string;
  readonly stack: string;
  readonly resources: readonly Resource[];
  private readonly byType = new Map<string, Resource[]>();
  private readonly data = new Map<string, Attributes>();

  constructor(rendered: RenderedStack) {
    this.env = rendered.env;
    this.stack = rendered.stack;
    this.resources = normaliseResources(rendered);
    for (const resource of this.resources) {
      this.byType.set(resource.type, [...(this.byType.get(resource.type) ?? []), resource]);
    }
    for (const [type, name, values] of entriesOf(rendered.document.data))
      this.data.set(`${type}.${name}`, values);
  }

  resourcesOfType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? [];
  }

  resolve(value: unknown): Resource | undefined {
    const reference = wholeReference(value);
    if (!reference || reference.data) return undefined;
    return this.resourcesOfType(reference.type).find((r) => r.name === reference.name);
  }

  referencing(target: Resource, sourceType: string, attribute: string): readonly Resource[] {
    return this.resourcesOfType(sourceType).filter((source) =>
      valuesAt(source.values, attribute).some((value) =>
        referencesIn(value).some((ref) => !ref.data && ref.type === target.type && ref.name === target.name),
      ),
    );
  }

  isResolvableToken(text: string): boolean {
    const expressions = tokenExpressions(text);
    return (
      expressions.length > 0 &&
      expressions.every((expression) => {
        const references = referencesInExpression(expression);
        return (
          !OUTSIDE_INPUT.test(expression) &&
          references.length > 0 &&
          references.every((ref) =>
            ref.data
              ? this.data.has(`${ref.type}.${ref.name}`)
              : this.resourcesOfType(ref.type).some((r) => r.name === ref.name),
          )
        );
      })
    );
  }

  policy(value: unknown): ParsedPolicy {
    return resolvePolicy(value, (type, name) => this.data.get(`${type}.${name}`));
  }
}
