// Items of Prometheus rule files (`groups[].rules[]`): one per alert or recording rule, `<group>/<name>`.
import { isPlainObject, type JsonObject } from '../value-diff';
import { parseYamlDocuments, type Candidate, type ExtractedItem, uniqueIds } from './extracted-item';

interface RuleGroup extends JsonObject {
  readonly name: string;
  readonly rules: readonly unknown[];
}

function isRuleGroup(value: unknown): value is RuleGroup {
  return isPlainObject(value) && typeof value.name === 'string' && Array.isArray(value.rules);
}

/** The rule groups of a parsed YAML file, or undefined when it is not a Prometheus rule file. */
export function ruleGroupsOf(documents: readonly unknown[]): RuleGroup[] | undefined {
  if (documents.length !== 1) return undefined;
  const [document] = documents;
  if (!isPlainObject(document) || !Array.isArray(document.groups)) return undefined;
  return document.groups.every(isRuleGroup) ? document.groups : undefined;
}

export function isRuleFile(file: string, text: string): boolean {
  return ruleGroupsOf(parseYamlDocuments(file, text)) !== undefined;
}

function ruleCandidate(file: string, group: string, rule: unknown, index: number): Candidate {
  const fields = isPlainObject(rule) ? rule : {};
  const alert = typeof fields.alert === 'string' ? fields.alert : undefined;
  const record = typeof fields.record === 'string' ? fields.record : undefined;
  const name = alert ?? record ?? `rule ${index + 1}`;
  const labels = isPlainObject(fields.labels) ? fields.labels : {};
  const severity = typeof labels.severity === 'string' ? `severity=${labels.severity}` : undefined;
  return {
    item: { id: `${group}/${name}`, kind: alert ? 'alert' : record ? 'record' : 'rule', file, body: rule },
    hint: severity,
  };
}

export function extractRuleItems(file: string, text: string): ExtractedItem[] {
  const groups = ruleGroupsOf(parseYamlDocuments(file, text)) ?? [];
  const candidates: Candidate[] = [];
  for (const group of groups) {
    const { rules, ...settings } = group;
    // Group-level settings (interval, limit) are an item of their own only when the group has any.
    if (Object.keys(settings).length > 1) {
      candidates.push({ item: { id: group.name, kind: 'group', file, body: settings } });
    }
    rules.forEach((rule, index) => candidates.push(ruleCandidate(file, group.name, rule, index)));
  }
  return uniqueIds(candidates);
}
