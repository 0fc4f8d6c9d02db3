// docs/acknowledged-changes.yaml: destructive changes a reviewer has accepted. An acknowledged finding is still
// printed, marked as such, but no longer fails the review. The file is validated once, here, and an invalid file
// fails the review naming the entry and the field.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { FINDING_KINDS, type Finding } from './destructive';
import { ReviewError } from './model';
import { isPlainObject } from './value-diff';

export const ACKNOWLEDGEMENTS_FILE = 'docs/acknowledged-changes.yaml';

const nonEmpty = z.string().trim().min(1);

const acknowledgementSchema = z.strictObject({
  env: nonEmpty,
  /** The address exactly as the review prints it, e.g. `prod-data/aws_db_instance.postgres_primary`. */
  resource: nonEmpty,
  change: z.enum(FINDING_KINDS),
  reason: nonEmpty,
  acknowledged_by: nonEmpty,
});

export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

const FIELDS = Object.keys(acknowledgementSchema.shape);

export interface ReviewedFinding extends Finding {
  readonly acknowledgement?: Acknowledgement;
}

function entryLabel(index: number, entry: unknown): string {
  const env = isPlainObject(entry) && typeof entry.env === 'string' ? entry.env : undefined;
  const resource = isPlainObject(entry) && typeof entry.resource === 'string' ? entry.resource : undefined;
  const name = [env, resource].filter((part) => part !== undefined).join(' ');
  return name === '' ? `entry ${index + 1}` : `entry ${index + 1} (${name})`;
}

function describeIssue(issue: z.core.$ZodIssue, entry: unknown): string {
  const field = issue.path.map(String).join('.');
  const value = isPlainObject(entry) ? entry[field] : undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => `field "${key}" is not allowed (allowed: ${FIELDS.join(', ')})`)
        .join('; ');
    case 'invalid_value':
      return `field "${field}" must be one of ${FINDING_KINDS.join(', ')} (got ${JSON.stringify(value)})`;
    case 'too_small':
      return `field "${field}" must not be empty`;
    case 'invalid_type':
      if (field === '') return `must be a mapping with the fields ${FIELDS.join(', ')}`;
      return value === undefined
        ? `field "${field}" is required`
        : `field "${field}" must be a ${issue.expected}`;
    default:
      return `field "${field}": ${issue.message}`;
  }
}

/** Parses and validates the file's text; `source` names it in error messages. */
export function parseAcknowledgements(text: string, source = ACKNOWLEDGEMENTS_FILE): Acknowledgement[] {
  let document: unknown;
  try {
    document = YAML.parse(text) as unknown;
  } catch (error) {
    throw new ReviewError(`${source}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  // A file holding only its header comment parses to null: no acknowledgements yet.
  if (document === null || document === undefined) return [];
  if (!Array.isArray(document)) throw new ReviewError(`${source}: expected a list of acknowledgements`);
  const problems: string[] = [];
  const entries: Acknowledgement[] = [];
  const seen = new Map<string, number>();
  document.forEach((entry: unknown, index) => {
    const result = acknowledgementSchema.safeParse(entry);
    if (!result.success) {
      const details = result.error.issues.map((issue) => describeIssue(issue, entry));
      problems.push(`${source}: ${entryLabel(index, entry)}: ${details.join('; ')}`);
      return;
    }
    const key = `${result.data.env}\u0000${result.data.resource}\u0000${result.data.change}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${source}: ${entryLabel(index, entry)}: duplicates entry ${first + 1}`);
      return;
    }
    seen.set(key, index);
    entries.push(result.data);
  });
  if (problems.length > 0) throw new ReviewError(problems.join('\n'));
  return entries;
}

/** The committed acknowledgements of the working tree; a missing file acknowledges nothing. */
export function loadAcknowledgements(repoRoot: string): Acknowledgement[] {
  const path = join(repoRoot, ACKNOWLEDGEMENTS_FILE);
  if (!existsSync(path)) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReviewError(`cannot read ${ACKNOWLEDGEMENTS_FILE}: ${(error as Error).message}`);
  }
  return parseAcknowledgements(text);
}

function matches(acknowledgement: Acknowledgement, finding: Finding): boolean {
  if (acknowledgement.env !== finding.env || acknowledgement.change !== finding.kind) return false;
  // A rename may be acknowledged by either address of the destroy/create pair.
  return acknowledgement.resource === finding.address || acknowledgement.resource === finding.newAddress;
}

export interface AcknowledgedFindings {
  readonly findings: readonly ReviewedFinding[];
  /** Entries for a reviewed environment that match no finding: stale, and worth deleting. */
  readonly unused: readonly Acknowledgement[];
}

export function applyAcknowledgements(
  findings: readonly Finding[],
  acknowledgements: readonly Acknowledgement[],
  reviewedEnvs?: readonly string[],
): AcknowledgedFindings {
  const used = new Set<Acknowledgement>();
  const reviewed = findings.map((finding): ReviewedFinding => {
    const acknowledgement = acknowledgements.find((entry) => matches(entry, finding));
    if (!acknowledgement) return finding;
    used.add(acknowledgement);
    return { ...finding, acknowledgement };
  });
  const unused = acknowledgements.filter(
    (entry) => !used.has(entry) && (reviewedEnvs === undefined || reviewedEnvs.includes(entry.env)),
  );
  return { findings: reviewed, unused };
}

/** Fails the review: a finding on something that holds data or identity, which nobody acknowledged. */
export function isBlocking(finding: ReviewedFinding): boolean {
  return finding.gated && finding.acknowledgement === undefined;
}
