// checkov over the rendered tree: Terraform JSON with the model's baseline, Kubernetes and Argo CD objects (their
// skips are annotations), the GitHub workflows, and secrets over the repository (skips in .checkov.yaml).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cached, filesUnder, scanKey } from './cache';
import type { Finding, ScanReport } from './report';
import { parseJsonDocuments, runTool } from './run';
import { requireTool, type Tool } from './tools';
import { scannerView, VIEW_VERSION } from './view';

interface CheckovRecord {
  check_id: string;
  file_path: string;
  file_abs_path: string;
  resource: string;
  check_name: string;
  check_result?: { suppress_comment?: string };
}
interface CheckovReport {
  check_type: string;
  results: { failed_checks: CheckovRecord[]; skipped_checks: CheckovRecord[]; parsing_errors?: string[] };
  summary: { passed: number; failed: number; skipped: number; parsing_errors: number };
}

/** Folders checkov must not read in a repository scan: dependencies, builds, caches (all git-ignored). */
export const IGNORED_FOLDERS = ['node_modules', 'dist', 'cdktf.out', 'coverage', '.scratch', '.gen'];

export const checkovBaseline = (env: string) => `deploy/${env}/scanners/checkov-terraform.baseline`;

/**
 * Terraform JSON of one environment, gated by the rendered baseline. With --output-baseline-as-skipped checkov moves
 * each failure the baseline names (resource and check id) to the skipped results, marked "baseline-skipped", and
 * leaves every other failure failed (checkov/common/output/baseline.py, compare_and_reduce_reports).
 */
export function checkovTerraform(env: string) {
  const baseline = ['--baseline', checkovBaseline(env), '--output-baseline-as-skipped'];
  return checkov(
    `deploy/${env}/terraform`,
    ['--framework', 'terraform_json', '-d', `deploy/${env}/terraform`, ...baseline],
    [`deploy/${env}/terraform`, checkovBaseline(env)],
    // Terraform JSON paths are relative to the scanned folder.
    `deploy/${env}/terraform/`,
  );
}

/** Kubernetes objects and Argo CD applications, read through the scanner view (Rollouts judged as Deployments). */
export async function checkovKubernetes(
  env: string,
  options: { census?: boolean } = {},
): Promise<ScanReport> {
  const tool = requireTool('checkov');
  const args = ['--skip-download', '--output', 'json', '--compact', '--framework', 'kubernetes'];
  const files = filesUnder([`deploy/${env}/k8s`, `deploy/${env}/argocd`]);
  const variant = options.census ? 'census' : 'gate';
  return cached(scanKey(tool, [...args, VIEW_VERSION, variant], files), async () => {
    const view = scannerView(env, options);
    try {
      const report = await scan(
        tool,
        `deploy/${env}/k8s + argocd`,
        [...args, ...['-d', join(view, 'k8s'), '-d', join(view, 'argocd')]],
        { absolute: { root: view, as: `deploy/${env}` } },
      );
      return report;
    } finally {
      rmSync(view, { recursive: true, force: true });
    }
  });
}

export const checkovGithubActions = () =>
  checkov(
    '.github/workflows',
    ['--framework', 'github_actions', '-d', '.github/workflows'],
    ['.github/workflows'],
  );

export function checkovSecrets() {
  const skips = IGNORED_FOLDERS.flatMap((folder) => ['--skip-path', folder]);
  return checkov(
    'the repository',
    ['--framework', 'secrets', '-d', '.', '--config-file', '.checkov.yaml', ...skips],
    ['.'],
  );
}

async function checkov(
  target: string,
  args: readonly string[],
  reads: readonly string[],
  prefix = '',
): Promise<ScanReport> {
  const tool = requireTool('checkov');
  // --skip-download: no call to the vendor's API (guidelines, custom policies); the checks ship with checkov.
  const fullArgs = ['--skip-download', '--output', 'json', '--compact', ...args];
  const files = filesUnder(reads).filter(
    (file) => !IGNORED_FOLDERS.some((folder) => file.startsWith(`${folder}/`)),
  );
  return cached(scanKey(tool, fullArgs, files), () => scan(tool, target, fullArgs, { prefix }));
}

export async function scan(
  tool: Tool,
  target: string,
  args: readonly string[],
  options: {
    prefix?: string;
    env?: NodeJS.ProcessEnv;
    /** Report `file_abs_path` below `root` as below `as` (scans of a copy of the tree). */
    absolute?: { root: string; as: string };
  } = {},
): Promise<ScanReport> {
  // checkov exits 1 when a check failed: that is a result, not a crash.
  const run = await runTool(tool, args, { okStatuses: [1], env: options.env });
  const reports = parseJsonDocuments(tool, run).flatMap((document) =>
    Array.isArray(document) ? document : [document],
  ) as CheckovReport[];
  // A folder with nothing checkov can read yields a bare summary without `results`.
  const withResults = reports
    .filter((report) => report.summary !== undefined)
    .map((report) => ({ ...report, results: report.results ?? { failed_checks: [], skipped_checks: [] } }));
  const total = (key: keyof CheckovReport['summary']) =>
    withResults.reduce((sum, report) => sum + report.summary[key], 0);
  const finding = (record: CheckovRecord): Finding => ({
    check: record.check_id,
    file: options.absolute
      ? record.file_abs_path.replace(options.absolute.root, options.absolute.as)
      : `${options.prefix ?? ''}${record.file_path.replace(/^\//, '')}`,
    resource: record.resource,
    message: record.check_name,
    suppression: record.check_result?.suppress_comment,
  });
  return {
    scanner: `checkov ${tool.version}`,
    target,
    summary:
      `Passed checks: ${total('passed')}, Failed checks: ${total('failed')}, Skipped checks: ${total('skipped')}` +
      (total('parsing_errors') > 0 ? `, Parsing errors: ${total('parsing_errors')}` : ''),
    failed: withResults.flatMap((report) => report.results.failed_checks.map(finding)),
    skipped: withResults.flatMap((report) => report.results.skipped_checks.map(finding)),
    unparsed: withResults.flatMap((report) => report.results.parsing_errors ?? []),
  };
}
