// trivy's misconfiguration scanner over one environment's rendered tree (Terraform JSON, Kubernetes objects, Argo
// CD applications) with the model's ignore file. It runs as `trivy fs --scanners misconfig`, the same scan as
// `trivy config`, because only `fs` reports which findings the ignore file suppressed (`--show-suppressed`), which
// the suite needs to find stale records. Offline: embedded checks, no database.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cached, filesUnder, scanKey } from './cache';
import type { Finding, ScanReport } from './report';
import { parseJsonDocuments, runTool } from './run';
import { requireTool, type Tool, toolsDir } from './tools';
import { scannerView, VIEW_VERSION } from './view';

interface TrivyMisconfiguration {
  ID: string;
  Title: string;
  Message: string;
  Status: string;
  CauseMetadata?: { Resource?: string };
}
interface TrivyResult {
  Target: string;
  MisconfSummary?: { Successes: number; Failures: number };
  Misconfigurations?: TrivyMisconfiguration[];
  ExperimentalModifiedFindings?: { Status: string; Statement: string; Finding: TrivyMisconfiguration }[];
}

export const trivyIgnoreFile = (env: string) => `deploy/${env}/.trivyignore.yaml`;

export function trivyArgs(env: string, cacheDir: string, folder = `deploy/${env}`): string[] {
  return [
    'fs',
    '--scanners',
    'misconfig',
    '--skip-check-update',
    '--skip-db-update',
    '--offline-scan',
    '--show-suppressed',
    '--ignorefile',
    trivyIgnoreFile(env),
    '--cache-dir',
    cacheDir,
    '--format',
    'json',
    '--quiet',
    folder,
  ];
}

export async function trivyConfig(env: string): Promise<ScanReport> {
  const tool = requireTool('trivy');
  const cacheDir = join(toolsDir(), 'trivy-cache');
  const key = scanKey(tool, [...trivyArgs(env, cacheDir), VIEW_VERSION], filesUnder([`deploy/${env}`]));
  return cached(key, async () => {
    // The ignore file's paths are relative to the scanned folder, so they hold in the view as in deploy/<env>.
    const view = scannerView(env);
    try {
      return await scan(tool, env, trivyArgs(env, cacheDir, view));
    } finally {
      rmSync(view, { recursive: true, force: true });
    }
  });
}

export async function scan(tool: Tool, env: string, args: readonly string[], processEnv?: NodeJS.ProcessEnv) {
  const run = await runTool(tool, args, { env: processEnv });
  const [report] = parseJsonDocuments(tool, run) as { Results?: TrivyResult[] }[];
  const results = report?.Results ?? [];
  const file = (result: TrivyResult) => `deploy/${env}/${result.Target}`;
  const finding = (result: TrivyResult, m: TrivyMisconfiguration, suppression?: string): Finding => ({
    check: m.ID,
    file: file(result),
    resource: m.CauseMetadata?.Resource ?? '',
    message: `${m.Title}: ${m.Message}`,
    suppression,
  });
  const failed = results.flatMap((result) =>
    (result.Misconfigurations ?? []).filter((m) => m.Status === 'FAIL').map((m) => finding(result, m)),
  );
  const skipped = results.flatMap((result) =>
    (result.ExperimentalModifiedFindings ?? []).map((m) => finding(result, m.Finding, m.Statement)),
  );
  const successes = results.reduce((sum, result) => sum + (result.MisconfSummary?.Successes ?? 0), 0);
  return {
    scanner: `trivy ${tool.version}`,
    target: `deploy/${env}`,
    summary: `${results.length} files, Successes: ${successes}, Failures: ${failed.length}, Ignored: ${skipped.length}`,
    failed,
    skipped,
    unparsed: [],
  } satisfies ScanReport;
}
