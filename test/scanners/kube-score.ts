// kube-score over all Kubernetes objects of one environment at once (its checks relate objects to each other).
// Critical and warning grades both count as failed; checks ignored by a `kube-score/ignore` annotation are skipped.
import { cached, filesUnder, scanKey } from './cache';
import type { Finding, ScanReport } from './report';
import { parseJsonDocuments, runTool, ScannerFailure } from './run';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, requireTool, type Tool } from './tools';
import { scannerView, VIEW_VERSION } from './view';

interface KubeScoreCheck {
  check: { id: string; name: string; optional: boolean };
  grade: number;
  skipped: boolean;
  comments: { summary: string; description: string }[] | null;
}
interface KubeScoreObject {
  file_name: string;
  type_meta: { kind: string };
  object_meta: { name: string; namespace?: string };
  checks: KubeScoreCheck[];
}

const OK_GRADE = 10;

export async function kubeScore(env: string, options: { census?: boolean } = {}): Promise<ScanReport> {
  const tool = requireTool('kube-score');
  const files = filesUnder([`deploy/${env}/k8s`]).filter((file) => file.endsWith('.yaml'));
  const args = ['score', '--output-format', 'json'];
  const variant = options.census ? 'census' : 'gate';
  return cached(scanKey(tool, [...args, VIEW_VERSION, variant, ...files], files), async () => {
    const view = scannerView(env, options);
    const inView = files.map((file) => join(view, relative(`deploy/${env}`, file)));
    try {
      return await scan(tool, `deploy/${env}/k8s`, [...args, ...inView], undefined, {
        root: view,
        as: `deploy/${env}`,
      });
    } finally {
      rmSync(view, { recursive: true, force: true });
    }
  });
}

export async function scan(
  tool: Tool,
  target: string,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
  /** Report files below `root` (a copy of the tree) as below `as`. */
  copy?: { root: string; as: string },
) {
  // kube-score exits 1 when a check is critical: a result, not a crash.
  const run = await runTool(tool, args, { okStatuses: [1], env });
  if (run.status !== 0 && /failed to parse files/.test(run.stderr)) {
    const message = await unparsableFiles(tool, args, env, run.stderr);
    throw new ScannerFailure(copy ? message.replaceAll(copy.root, copy.as) : message);
  }
  const objects = parseJsonDocuments(tool, run).flat() as KubeScoreObject[];
  const rows = objects.flatMap((object) => object.checks.map((check) => ({ object, check })));
  const finding = ({ object, check }: (typeof rows)[number]): Finding => ({
    check: check.check.id,
    // kube-score reports absolute paths; results are cached across clones, so keep them repository-relative.
    file: copy ? object.file_name.replace(copy.root, copy.as) : relative(REPO_ROOT, object.file_name),
    resource: `${object.type_meta.kind}/${object.object_meta.namespace ?? ''}/${object.object_meta.name}`,
    message:
      (check.comments ?? []).map((c) => `${c.summary} ${c.description}`.trim()).join('; ') ||
      check.check.name,
    suppression: check.skipped ? (check.comments ?? []).map((c) => c.summary).join('; ') : undefined,
  });
  const failed = rows.filter((row) => !row.check.skipped && row.check.grade < OK_GRADE).map(finding);
  // Only annotation ignores: kube-score also marks optional checks (off by default) and checks that do not apply
  // as skipped.
  const skipped = rows
    .filter(
      (row) =>
        row.check.skipped &&
        !row.check.check.optional &&
        (row.check.comments ?? []).some((c) => c.summary.endsWith('is ignored')),
    )
    .map(finding);
  const passed = rows.filter((row) => !row.check.skipped && row.check.grade >= OK_GRADE).length;
  return {
    scanner: `kube-score ${tool.version}`,
    target,
    summary: `${objects.length} objects, OK: ${passed}, Critical/Warning: ${failed.length}, Ignored: ${skipped.length}`,
    failed,
    skipped,
    unparsed: [],
  } satisfies ScanReport;
}

/** kube-score names no file when one does not parse: score each file alone to find which. */
async function unparsableFiles(
  tool: Tool,
  args: readonly string[],
  env: NodeJS.ProcessEnv | undefined,
  stderr: string,
): Promise<string> {
  const files = args.filter((arg) => /\.ya?ml$/.test(arg));
  const culprits: string[] = [];
  for (const file of files) {
    const alone = await runTool(tool, ['score', file], { okStatuses: [1], env });
    if (/failed to parse files/.test(alone.stderr)) culprits.push(`${file}: ${alone.stderr.trim()}`);
  }
  return `kube-score ${tool.version} cannot parse ${culprits.length > 0 ? culprits.join('\n') : stderr.trim()}`;
}
