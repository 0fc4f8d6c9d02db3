// Shared by the NFR suites: the vendored runbook and in-memory renders (each environment rendered once per worker).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvConfig } from '../../environments';
import { evaluate, type NfrReport } from '../../scripts/nfr/evaluate';
import { NFR_REPORT_PATH } from '../../scripts/nfr/report';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { renderEnvironment } from '../../scripts/render/synthesize';

export const repoRoot = join(__dirname, '..', '..');
export const runbookText = readFileSync(join(repoRoot, 'vendor/runbook/skillforge-ops-runbook.md'), 'utf8');

export interface Rendered {
  readonly files: readonly RenderedFile[];
  /** The report exactly as the render wrote it. */
  readonly markdown: string;
  /** The same report as data, evaluated from what the layers before it rendered. */
  readonly report: NfrReport;
}

const cache = new WeakMap<EnvConfig, Promise<Rendered>>();

export function rendered(env: EnvConfig): Promise<Rendered> {
  const cached = cache.get(env);
  if (cached) return cached;
  const result = renderEnvironment(env).then((files) => {
    const file = files.find((f) => f.path === NFR_REPORT_PATH);
    if (!file) throw new Error(`the render of ${env.name} has no ${NFR_REPORT_PATH}`);
    const earlier = files.filter((f) => f.path !== NFR_REPORT_PATH);
    return { files, markdown: file.content, report: evaluate(env, earlier) };
  });
  cache.set(env, result);
  return result;
}

/** Section number ("4.5") of the runbook heading a text offset falls under. */
export function sectionAt(text: string, offset: number): string | undefined {
  const headings = [...text.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)];
  return headings.filter((heading) => heading.index <= offset).at(-1)?.[1];
}
