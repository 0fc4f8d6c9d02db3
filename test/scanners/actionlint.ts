// actionlint over every workflow in .github/workflows (shellcheck runs on their `run:` scripts when installed).
import { cached, filesUnder, scanKey } from './cache';
import type { ScanReport } from './report';
import { parseJsonDocuments, runTool } from './run';
import { requireTool } from './tools';

interface ActionlintError {
  message: string;
  filepath: string;
  line: number;
  column: number;
  kind: string;
}

export async function actionlint(): Promise<ScanReport> {
  const tool = requireTool('actionlint');
  const files = filesUnder(['.github/workflows']).filter((file) => /\.ya?ml$/.test(file));
  const args = ['-format', '{{json .}}', ...files];
  return cached(scanKey(tool, args, files), async () => {
    // actionlint exits 1 when it found problems, and 2 or 3 when it could not run.
    const run = await runTool(tool, args, { okStatuses: [1] });
    const errors = parseJsonDocuments(tool, run).flat() as ActionlintError[];
    return {
      scanner: `actionlint ${tool.version}`,
      target: '.github/workflows',
      summary: `${files.length} workflows, ${errors.length} problems`,
      failed: errors.map((error) => ({
        check: error.kind,
        file: error.filepath,
        resource: `line ${error.line}:${error.column}`,
        message: error.message,
      })),
      skipped: [],
      unparsed: [],
    } satisfies ScanReport;
  });
}
