// IAM policies as rules see them: one statement shape whether the policy was written as a JSON string
// (JSON.stringify), as CDKTF's `${jsonencode(…)}` or as a `data.aws_iam_policy_document` block.
import { parseJsonencodeToken } from './hcl-jsonencode';
import type { Attributes } from './types';
import { asStrings, blocks, isRecord, isToken, show, wholeReference } from './values';

export interface Principal {
  /** "AWS", "Service", "Federated", "CanonicalUser", or "*" for `"Principal": "*"`. */
  readonly type: string;
  readonly identifiers: readonly string[];
}

export interface Condition {
  /** The condition operator, e.g. "StringEquals" or "Bool". */
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly principals: readonly Principal[];
  readonly conditions: readonly Condition[];
}

export type ParsedPolicy =
  | { readonly ok: true; readonly statements: readonly PolicyStatement[] }
  | { readonly ok: false; readonly reason: string };

/** Looks up a data block of the same stack, e.g. ("aws_iam_policy_document", "trust"). */
export type DataLookup = (type: string, name: string) => Attributes | undefined;

const POLICY_DOCUMENT = 'aws_iam_policy_document';

export function resolvePolicy(value: unknown, findData: DataLookup, depth = 0): ParsedPolicy {
  if (value === undefined || value === null || value === '') return { ok: false, reason: 'no policy is set' };
  if (depth > 5) return { ok: false, reason: 'policy documents nest deeper than 5 levels' };
  if (isRecord(value)) return fromJsonPolicy(value);
  if (typeof value !== 'string')
    return { ok: false, reason: `policy is ${show(value)}, not a JSON document` };

  const reference = wholeReference(value);
  if (reference?.data && reference.type === POLICY_DOCUMENT) {
    const block = findData(reference.type, reference.name);
    if (!block)
      return {
        ok: false,
        reason: `policy references data.${POLICY_DOCUMENT}.${reference.name}, not in this stack`,
      };
    return fromPolicyDocument(block, findData, depth);
  }
  const encoded = parseJsonencodeToken(value);
  if (encoded) {
    if (!encoded.ok)
      return { ok: false, reason: `policy jsonencode(…) could not be read: ${encoded.reason}` };
    return isRecord(encoded.value)
      ? fromJsonPolicy(encoded.value)
      : { ok: false, reason: 'policy is not an object' };
  }
  if (value.trim().startsWith('${')) return { ok: false, reason: `policy is the unresolved token ${value}` };
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? fromJsonPolicy(parsed) : { ok: false, reason: 'policy is not a JSON object' };
  } catch (error) {
    return {
      ok: false,
      reason: `policy is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function fromJsonPolicy(policy: Attributes): ParsedPolicy {
  const raw = policy['Statement'];
  if (raw === undefined) return { ok: false, reason: 'policy has no Statement' };
  const statements: PolicyStatement[] = [];
  for (const [index, statement] of (Array.isArray(raw) ? raw : [raw]).entries()) {
    if (!isRecord(statement)) return { ok: false, reason: `statement ${index + 1} is ${show(statement)}` };
    const effect = statement['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny') {
      return { ok: false, reason: `statement ${index + 1} has Effect ${show(effect)}` };
    }
    statements.push({
      effect,
      actions: asStrings(statement['Action']) ?? [],
      notActions: asStrings(statement['NotAction']) ?? [],
      resources: asStrings(statement['Resource']) ?? [],
      principals: jsonPrincipals(statement['Principal']),
      conditions: jsonConditions(statement['Condition']),
    });
  }
  return { ok: true, statements };
}

function jsonPrincipals(principal: unknown): Principal[] {
  if (principal === '*') return [{ type: '*', identifiers: ['*'] }];
  if (!isRecord(principal)) return [];
  return Object.entries(principal).map(([type, ids]) => ({ type, identifiers: asStrings(ids) ?? [] }));
}

function jsonConditions(condition: unknown): Condition[] {
  if (!isRecord(condition)) return [];
  return Object.entries(condition).flatMap(([test, entries]) =>
    isRecord(entries)
      ? Object.entries(entries).map(([variable, values]) => ({
          test,
          variable,
          values: conditionValues(values),
        }))
      : [],
  );
}

/** IAM accepts `"aws:SecureTransport": false` as well as "false"; compare them as strings. */
function conditionValues(values: unknown): string[] {
  return (Array.isArray(values) ? values : [values]).map((v) => (typeof v === 'string' ? v : show(v)));
}

/** `source_policy_documents` come first and `statement` blocks are added, as the data source merges them. */
function fromPolicyDocument(document: Attributes, findData: DataLookup, depth: number): ParsedPolicy {
  const statements: PolicyStatement[] = [];
  for (const key of ['source_policy_documents', 'override_policy_documents']) {
    for (const source of asStrings(document[key]) ?? []) {
      const parsed = resolvePolicy(source, findData, depth + 1);
      if (!parsed.ok) return { ok: false, reason: `${key}: ${parsed.reason}` };
      statements.push(...parsed.statements);
    }
  }
  for (const [index, statement] of blocks(document['statement']).entries()) {
    const effect = statement['effect'] ?? 'Allow';
    if (effect !== 'Allow' && effect !== 'Deny') {
      return { ok: false, reason: `statement ${index + 1} has effect ${show(effect)}` };
    }
    statements.push({
      effect,
      actions: asStrings(statement['actions']) ?? [],
      notActions: asStrings(statement['not_actions']) ?? [],
      resources: asStrings(statement['resources']) ?? [],
      principals: blocks(statement['principals']).map((p) => ({
        type: typeof p['type'] === 'string' ? p['type'] : '',
        identifiers: asStrings(p['identifiers']) ?? [],
      })),
      conditions: blocks(statement['condition']).map((c) => ({
        test: typeof c['test'] === 'string' ? c['test'] : '',
        variable: typeof c['variable'] === 'string' ? c['variable'] : '',
        values: conditionValues(c['values'] ?? []),
      })),
    });
  }
  return { ok: true, statements };
}

/** `"Principal": "*"` or `{"AWS": "*"}`: anyone, including anonymous callers. */
export function hasWildcardPrincipal(statement: PolicyStatement): boolean {
  return statement.principals.some(
    (p) => (p.type === '*' || p.type === 'AWS') && p.identifiers.includes('*'),
  );
}

// Condition keys that pin a wildcard principal to our network, organisation or a named caller
// (the list checkov's S3AllowsAnyPrincipal accepts).
const PINNING_KEYS = new Set(
  [
    'aws:SourceVpce',
    'aws:SourceVpc',
    'aws:VpceAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:SourceArn',
    'aws:SourceAccount',
  ].map((key) => key.toLowerCase()),
);
const PINNING_TESTS = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
]);

/** A wildcard principal is acceptable only when a positive condition names who may really call. */
export function isPinnedByCondition(statement: PolicyStatement): boolean {
  return statement.conditions.some(
    (c) => PINNING_TESTS.has(c.test) && PINNING_KEYS.has(c.variable.toLowerCase()) && !c.values.includes('*'),
  );
}

/** IAM action names are case-insensitive; `pattern` may hold "*" wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 'i');
  return regex.test(action);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Actions that are still tokens (e.g. `Action = var.actions`): what they grant cannot be judged. */
export function tokenActions(statement: PolicyStatement): string[] {
  return [...statement.actions, ...statement.notActions].filter(isToken);
}
