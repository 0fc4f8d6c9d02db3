// Typed views of the rendered rule files, as Prometheus reads them.
export interface Rule {
  readonly alert?: string;
  readonly record?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

export interface RuleGroupFile {
  readonly groups: readonly { readonly name: string; readonly rules: readonly Rule[] }[];
}

export const rulesOf = (file: RuleGroupFile): Rule[] => file.groups.flatMap((group) => group.rules);
export const alertsOf = (file: RuleGroupFile): Rule[] =>
  rulesOf(file).filter((rule) => rule.alert !== undefined);
