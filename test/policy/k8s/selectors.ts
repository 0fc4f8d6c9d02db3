// Label selector semantics as the API server applies them.
import type { IPodDisruptionBudgetSpec } from 'kubernetes-models/policy/v1/PodDisruptionBudgetSpec';

export type LabelSelector = NonNullable<IPodDisruptionBudgetSpec['selector']>;
export type Labels = Readonly<Record<string, string>>;

/** metav1.LabelSelector: every matchLabels pair and every expression must hold; an empty selector selects all. */
export function labelSelectorMatches(selector: LabelSelector, labels: Labels): boolean {
  const pairsMatch = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const expressionsMatch = (selector.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return pairsMatch && expressionsMatch;
}

/** A Service or a label map selector: an empty or missing map selects nothing (a Service without endpoints). */
export function mapSelectorMatches(selector: Labels | undefined, labels: Labels): boolean {
  const pairs = Object.entries(selector ?? {});
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
  );
}
