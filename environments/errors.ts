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

/** The `environment` of an issue found in environments/defaults/, which every environment shares. */
export const DEFAULTS_SCOPE = 'defaults';

export function formatIssue(issue: ModelIssue): string {
  const scope =
    issue.environment === DEFAULTS_SCOPE
      ? 'defaults (every environment)'
      : `environment "${issue.environment}"`;
  return `${scope}: ${issue.path || '(root)'}: got ${describeValue(issue.value)}; ${issue.expected}`;
}

/** A value described in words rather than shown as data, e.g. where in a file a second declaration sits. */
export class Described {
  constructor(readonly text: string) {}
}

/** The value as written: JSON-like, but NaN, Infinity, -0 and the like stay what they are (JSON would say null). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Described) return value.text;
  const text = literal(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function literal(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return JSON.stringify(value);
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return value.toString();
    case 'boolean':
      return String(value);
  }
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return `[${value.map(literal).join(',')}]`;
  const entries = Object.entries(value as object).filter(([, child]) => child !== undefined);
  return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${literal(child)}`).join(',')}}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
