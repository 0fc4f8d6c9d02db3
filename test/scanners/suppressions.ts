// Which model record each suppressed finding came from, so the suite can say that a record has expired or no
// longer suppresses anything (a stale record would hide the next real finding at the same place).
import {
  type ActiveScannerException,
  globMatches,
  kubernetesTargetMatches,
  scannerExceptionsOf,
} from '../../constructs/contracts';
import type { EnvConfig, KubernetesTarget, ScannerName, TerraformTarget } from '../../environments';
import { exceptionExpired } from '../../environments/schema/primitives';
import type { Finding } from './report';

/**
 * What each scanner would report without the model's records: the findings of runs without them (census runs:
 * checkov without skip annotations, kube-score without ignore annotations, which both skip a check whether or not
 * it would fail) and the findings the scanner itself reported as suppressed where it only suppresses real findings
 * (checkov's Terraform baseline, trivy, checkov secrets).
 */
export interface EnvironmentScans {
  readonly env: EnvConfig;
  readonly suppressible: ReadonlyMap<ScannerName, readonly Finding[]>;
}

const RECORD_IN_COMMENT = /\(([a-z0-9]+(?:-[a-z0-9]+)*)(?:, expires \d{4}-\d{2}-\d{2})?\)$/;
const OBJECT_FILE = /^deploy\/[^/]+\/k8s\/([^/]+)\/([A-Za-z]+)\.(.+)\.yaml$/;
const STACK_FILE = /^deploy\/[^/]+\/terraform\/([^/]+)\/cdk\.tf\.json$/;

const objectOf = (file: string) => {
  const match = OBJECT_FILE.exec(file);
  return match ? { folder: match[1]!, kind: match[2]!, name: match[3]! } : undefined;
};

/** checkov names a Terraform JSON resource `<type>.<name>`, `resource.<name>` or `data.<name>`. */
function terraformMatches(env: EnvConfig, target: TerraformTarget, finding: Finding): boolean {
  const stack = STACK_FILE.exec(finding.file)?.[1];
  if (!stack || !globMatches(`${env.name}-${target.stack}`, stack) || !target.resource) return false;
  if (globMatches(target.resource, finding.resource)) return true;
  const [kind, name] = [finding.resource.split('.')[0], finding.resource.split('.').slice(1).join('.')];
  const targetName = target.resource.split('.').at(-1)!;
  const isData = target.resource.startsWith('data.');
  return (kind === 'resource' && !isData) || (kind === 'data' && isData)
    ? globMatches(targetName, name)
    : false;
}

/** Did this record (for this check) suppress this finding? */
function suppressedBy(
  env: EnvConfig,
  record: ActiveScannerException,
  check: string,
  finding: Finding,
): boolean {
  if (finding.check !== check) return false;
  const named = RECORD_IN_COMMENT.exec(finding.suppression ?? '')?.[1];
  if (named !== undefined) return named === record.id;
  const object = objectOf(finding.file);
  return record.targets.some((target) => {
    if (target === 'everywhere') return true;
    if ('kind' in target)
      return object !== undefined && kubernetesTargetMatches(target as KubernetesTarget, object);
    return terraformMatches(env, target, finding);
  });
}

/** `<record id> <check>` for every record check that suppressed at least one finding in some environment. */
export function usedRecordChecks(scans: readonly EnvironmentScans[]): Set<string> {
  const used = new Set<string>();
  for (const { env, suppressible } of scans) {
    for (const record of scannerExceptionsOf(env)) {
      const skipped = suppressible.get(record.scanner) ?? [];
      for (const check of record.checks) {
        if (skipped.some((finding) => suppressedBy(env, record, check, finding)))
          used.add(`${record.id} ${check}`);
      }
    }
  }
  return used;
}

/** Records that suppress nothing anywhere they apply, or that apply to no environment at all. */
export function staleRecordProblems(scans: readonly EnvironmentScans[], all: readonly EnvConfig[]): string[] {
  const used = usedRecordChecks(scans);
  const problems = new Set<string>();
  const ids = new Set(all.flatMap((env) => Object.keys(env.scannerExceptions)));
  for (const id of ids) {
    const envs = all.filter((env) => scannerExceptionsOf(env).some((record) => record.id === id));
    const record = envs.length > 0 ? scannerExceptionsOf(envs[0]!).find((r) => r.id === id) : undefined;
    if (!record) {
      problems.add(
        `scannerExceptions.${id} applies to no environment (check its \`environments\`): remove it`,
      );
      continue;
    }
    for (const check of record.checks.filter((c) => !used.has(`${id} ${c}`))) {
      problems.add(
        `scannerExceptions.${id}: ${record.scanner} ${check} suppresses no finding in ` +
          `${envs.map((env) => env.name).join(', ')}: the finding is gone, remove ${check} from the record ` +
          `(or the record), then run \`npm run synth\``,
      );
    }
  }
  return [...problems];
}

/** Expired records, each with how to renew or remove it. */
export function expiredRecordProblems(all: readonly EnvConfig[], today: string): string[] {
  const seen = new Map<string, ActiveScannerException>();
  for (const env of all) for (const record of scannerExceptionsOf(env)) seen.set(record.id, record);
  return [...seen.values()]
    .filter((record) => exceptionExpired(record, today))
    .map(
      (record) =>
        `scannerExceptions.${record.id} (${record.scanner} ${record.checks.join(', ')}) expired on ` +
        `${record.expires}: fix the finding and remove the record, or renew it with a new \`expires\` and a ` +
        `reason that still holds (environments/defaults/scanner-exceptions-*.ts), then run \`npm run synth\`. ` +
        `Reason given: "${record.reason}"`,
    );
}
