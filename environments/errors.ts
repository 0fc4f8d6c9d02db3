// Validation problems are reported as one line each: environment, field path, value given, what is allowed.

export interface ModelIssue {
  readonly environment: string;
  /** Dotted path with [index] for array items, e.g. cluster.nodeGroups.general.minSize. */
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly issues: readonly ModelIssue[]) {
    super(formatIssues(issues));
    this.name = 'InvalidEnvironmentError';
  }
}

export function formatIssues(issues: readonly ModelIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

export function formatIssue(issue: ModelIssue): string {
  return `environment "${issue.environment}": ${issue.path || '(root)'}: got ${describeValue(issue.value)}; ${issue.expected}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
