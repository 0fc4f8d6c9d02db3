// Reusable zod types for the environment model. Each one states what is allowed in its error message, because
// those messages are what an operator sees when an environment file is wrong.
import { z } from 'zod';

export const cidrBlock = z
  .string()
  .regex(
    /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/,
    'expected an IPv4 CIDR block such as 10.20.0.0/16',
  )
  .superRefine((value, ctx) => {
    const cidr = parseCidr(value);
    if (cidr === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected an IPv4 CIDR block with octets ≤ 255 and prefix ≤ 32',
      });
    } else if (formatCidr(cidr) !== value) {
      // AWS would take 10.30.5.0/16 as 10.30.0.0/16; someone meant one or the other, so ask which.
      ctx.addIssue({
        code: 'custom',
        message: `expected the network address ${formatCidr(cidr)} (host bits are set), or the prefix you meant`,
      });
    }
  });

/** The canonical text of a parsed range: its network address and prefix. */
export function formatCidr(cidr: { readonly first: number; readonly prefix: number }): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(cidr.first / 2 ** shift) % 256);
  return `${octets.join('.')}/${cidr.prefix}`;
}

/** Parses `a.b.c.d/n` into a numeric range; undefined when malformed. Used by the overlap rules too. */
export function parseCidr(value: string): { first: number; last: number; prefix: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const first = address - (address % size);
  return { first, last: first + size - 1, prefix };
}

export const awsAccountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');
/** A KMS key id (a UUID, or mrk-… for a multi-Region key): what Terraform's S3 backend accepts besides a key ARN. */
export const kmsKeyId = z
  .string()
  .regex(
    /^([a-f0-9]{8}-[a-f0-9]{4}-[1-5][a-f0-9]{3}-[ab89][a-f0-9]{3}-[a-f0-9]{12}|mrk-[a-f0-9]{32})$/,
    'expected a KMS key id such as 1234abcd-12ab-34cd-56ef-1234567890ab (not an alias)',
  );
export const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'expected an AWS region such as eu-west-1');
export const availabilityZone = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'expected an availability zone such as eu-west-1a');

/** DNS-1123 label: what Kubernetes accepts for names of namespaces, services and most objects. */
export const kubernetesName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'expected a lowercase DNS-1123 label (a-z, 0-9, "-")')
  .max(63, 'expected at most 63 characters (DNS-1123 label)');

export const domainName = z
  .string()
  .regex(
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/,
    'expected a lowercase DNS name such as skillforge.example',
  );

export const imageDigest = z
  .string()
  .regex(/^sha256:[a-f0-9]{64}$/, 'expected an image digest "sha256:" followed by 64 hex characters');
export const imageTag = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'expected a Docker image tag')
  .refine((tag) => tag !== 'latest', 'the tag "latest" is not allowed: pin a version');

export const percent = z.number().gt(0, 'expected a percentage > 0').max(100, 'expected a percentage ≤ 100');
export const positiveInt = z.number().int('expected an integer').positive('expected a positive integer');
export const nonNegativeInt = z.number().int('expected an integer').nonnegative('expected an integer ≥ 0');
export const port = z
  .number()
  .int('expected an integer')
  .min(1, 'expected a port ≥ 1')
  .max(65535, 'expected a port ≤ 65535');

/** Five-field cron expression (minute hour day-of-month month day-of-week), as Kubernetes CronJobs accept. */
export const cronSchedule = z.string().superRefine((value, ctx) => {
  const parsed = parseCron(value);
  if ('problem' in parsed) {
    ctx.addIssue({ code: 'custom', message: `expected a 5-field cron expression: ${parsed.problem}` });
    return;
  }
  const never = neverFires(parsed.fields);
  if (never) ctx.addIssue({ code: 'custom', message: `expected a schedule that fires: ${never}` });
});

const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

interface CronField {
  readonly text: string;
  readonly values: readonly number[];
}

export function cronProblem(expression: string): string | undefined {
  const parsed = parseCron(expression);
  return 'problem' in parsed ? parsed.problem : undefined;
}

function parseCron(expression: string): { problem: string } | { fields: CronField[] } {
  const texts = expression.trim().split(/\s+/);
  if (texts.length !== 5) return { problem: `has ${texts.length} fields` };
  const fields: CronField[] = [];
  for (const [index, text] of texts.entries()) {
    const spec = CRON_FIELDS[index]!;
    const values = new Set<number>();
    for (const part of text.split(',')) {
      const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
      if (!match) return { problem: `${spec.name} "${part}" is not a number, range, list or step` };
      const bounds = [match[2], match[3]].filter((v): v is string => v !== undefined).map(Number);
      if (bounds.some((n) => n < spec.min || n > spec.max)) {
        return { problem: `${spec.name} "${part}" is outside ${spec.min}-${spec.max}` };
      }
      if (bounds.length === 2 && bounds[0]! > bounds[1]!)
        return { problem: `${spec.name} range "${part}" is reversed` };
      if (match[4] !== undefined && Number(match[4]) === 0)
        return { problem: `${spec.name} step "${part}" is zero` };
      const first = bounds[0] ?? spec.min;
      // "5/15" means 5, 20, 35, 50: a step without a range runs to the end of the field.
      const last = bounds[1] ?? (match[1] === '*' || match[4] !== undefined ? spec.max : first);
      for (let value = first; value <= last; value += Number(match[4] ?? 1)) values.add(value);
    }
    fields.push({ text, values: [...values] });
  }
  return { fields };
}

/** February counts 29 days: a leap year comes within the five years robfig/cron searches for the next run. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Kubernetes schedules CronJobs with robfig/cron v3. With day-of-week "*" a day must match day-of-month in one of
 * the months (https://github.com/robfig/cron/blob/v3.0.1/spec.go, dayMatches), so "31 2" never matches and the
 * CronJob never runs. A day-of-week restriction is OR-ed with day-of-month, and such a schedule always fires.
 */
function neverFires(fields: readonly CronField[]): string | undefined {
  const [, , dayOfMonth, month, dayOfWeek] = fields;
  if (dayOfWeek!.text !== '*') return undefined;
  const fires = month!.values.some((m) => dayOfMonth!.values.some((day) => day <= DAYS_IN_MONTH[m - 1]!));
  return fires ? undefined : `day of month ${dayOfMonth!.text} never occurs in month ${month!.text}`;
}

/** Prometheus-style duration used for alert `for:` clauses and windows: 30s, 5m, 2h, 1d. */
export const promDuration = z.string().regex(/^\d+[smhd]$/, 'expected a duration such as 30s, 5m, 2h or 1d');

export function durationSeconds(duration: string): number {
  const match = /^(\d+)([smhd])$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

export const severity = z.enum(['P1', 'P2']);
export type Severity = z.infer<typeof severity>;

/** A calendar date that really exists (2025-02-30 does not), written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^\d{4}-\d{2}-\d{2}$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const isoDate = z.string().refine(isIsoDate, 'expected a calendar date written YYYY-MM-DD');

/**
 * Why a secure default is loosened, and until when. Every exception in the model (scanner suppressions, a wide
 * public CIDR, a tag-only image) carries one: the reason is reviewed with the change, and the date forces a new
 * review. It still applies on its expiry day and lapses the day after.
 */
export const expiringException = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(20, 'expected a reason of at least 20 characters saying why this is accepted'),
  expires: isoDate,
});
export type ExpiringException = z.infer<typeof expiringException>;

/** True once `today` (YYYY-MM-DD, UTC) is past the exception's expiry day. */
export function exceptionExpired(exception: ExpiringException, today: string): boolean {
  return exception.expires < today;
}
