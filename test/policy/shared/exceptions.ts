// Accepted policy findings, shared by every policy engine (AWS today, Kubernetes next).
// An exception is a reviewed, dated decision: it names one rule, one address (segments may be "*"), why the
// finding is accepted, and when the decision must be looked at again. Nothing here knows about AWS or Kubernetes.

export interface PolicyException {
  /** Our rule id (kebab case), never a scanner id: one scanner id can map to several rules. */
  readonly rule: string;
  /** "/"-separated address; a segment of "*" matches any value in that position. */
  readonly address: string;
  readonly reason: string;
  /** Last day (YYYY-MM-DD, UTC) on which the exception still applies. */
  readonly expires: string;
}

export interface ExceptionFormat {
  /** Rule ids the engine knows; an exception for any other id is a typo or a deleted rule. */
  readonly knownRuleIds: ReadonlySet<string>;
  /** Number of "/"-separated segments an address must have. */
  readonly addressSegments: number;
  /** How the address is written, quoted in error messages (e.g. "<env>/<stack>/<type>.<name>"). */
  readonly addressShape: string;
  /** Where the list of rules lives, quoted in the unknown-rule message. */
  readonly ruleCatalogue: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's date as YYYY-MM-DD in UTC, the form `expires` is written in. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function describeException(exception: PolicyException): string {
  return `exception for rule "${exception.rule}" at "${exception.address}"`;
}

/** A calendar date that really exists (2025-02-30 does not), written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The exception still applies on its expiry day; it lapses the day after. */
export function isExpired(exception: PolicyException, today: string): boolean {
  return exception.expires < today;
}

export function addressMatches(pattern: string, address: string): boolean {
  const wanted = pattern.split('/');
  const actual = address.split('/');
  return (
    wanted.length === actual.length && wanted.every((segment, i) => segment === '*' || segment === actual[i])
  );
}

/** Exceptions that are malformed or expired; each problem names the exception and what to do about it. */
export function exceptionProblems(
  exceptions: readonly PolicyException[],
  format: ExceptionFormat,
  today: string,
): string[] {
  const problems: string[] = [];
  for (const exception of exceptions) {
    const who = describeException(exception);
    if (!format.knownRuleIds.has(exception.rule)) {
      problems.push(`${who} names an unknown rule: the rules are listed in ${format.ruleCatalogue}`);
    }
    const segments = exception.address.split('/');
    if (segments.length !== format.addressSegments || segments.some((segment) => segment === '')) {
      problems.push(`${who} has a malformed address: expected "${format.addressShape}"`);
    }
    if (exception.reason.trim() === '') {
      problems.push(`${who} has no reason: say why the finding is accepted`);
    }
    if (!isIsoDate(exception.expires)) {
      problems.push(`${who} has expires "${exception.expires}": expected a real date written as YYYY-MM-DD`);
    } else if (isExpired(exception, today)) {
      problems.push(
        `${who} expired on ${exception.expires}: fix the finding or renew the exception with a new expiry` +
          ` (reason given: "${exception.reason}")`,
      );
    }
  }
  return problems;
}

/** Exceptions that excused nothing: stale entries hide the next real finding at the same address. */
export function unusedExceptionProblems(
  exceptions: readonly PolicyException[],
  used: ReadonlySet<PolicyException>,
): string[] {
  return exceptions
    .filter((exception) => !used.has(exception))
    .map((exception) => `${describeException(exception)} matches no failed finding: remove it`);
}
