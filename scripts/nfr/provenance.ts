// Reads the NFR provenance every layer records while rendering, from the rendered files themselves:
//   - any YAML object annotated `skillforge.io/nfr: "<id>,<id>"` (Kubernetes objects, Argo CD applications);
//   - any Prometheus rule labelled `nfr: "<id>,<id>"`, in a plain rule file or a PrometheusRule's spec;
//   - any `nfr-provenance.json`: a list of { nfr, file, object }, `file` relative to deploy/<env>/ or to the
//     list's own folder (Terraform, dashboards, Alertmanager settings…).
// Malformed provenance is collected as problems rather than thrown, so one layer's bad tag cannot stop the
// render of the others; the test suite fails on any problem.
import { parseAllDocuments } from 'yaml';
import { NFR_ANNOTATION } from '../../constructs/contracts/nfr';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';

export interface Evidence {
  /** As tagged; the report checks it against the catalogue. */
  readonly nfr: string;
  /** Relative to deploy/<env>/. */
  readonly file: string;
  /** Object inside the file: "Kind namespace/name", "alert Name", a Terraform address… */
  readonly object: string;
}

export interface ProvenanceProblem {
  readonly file: string;
  readonly message: string;
}

export interface Provenance {
  /** Sorted by id, file, object; without duplicates. */
  readonly evidence: readonly Evidence[];
  readonly problems: readonly ProvenanceProblem[];
}

export const PROVENANCE_MAP = 'nfr-provenance.json';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idsOf = (tag: string): string[] =>
  tag
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);

export function readProvenance(files: readonly RenderedFile[]): Provenance {
  const paths = new Set(files.map((file) => file.path));
  const evidence: Evidence[] = [];
  const problems: ProvenanceProblem[] = [];
  for (const file of files) {
    if (file.path === PROVENANCE_MAP || file.path.endsWith(`/${PROVENANCE_MAP}`)) {
      readMap(file, paths, evidence, problems);
    } else if (/\.ya?ml$/.test(file.path) && mayCarryTags(file.content)) {
      readYaml(file, evidence, problems);
    }
  }
  return { evidence: sortUnique(evidence), problems };
}

/**
 * Cheap text test before parsing: most rendered files carry no tag, and YAML parsing is what the report spends
 * its time on. Promtool test files mention `nfr:` in expected labels but hold no rule groups, so they are skipped.
 */
const mayCarryTags = (content: string): boolean =>
  content.includes(NFR_ANNOTATION) || (/^\s*groups:/m.test(content) && /^\s*nfr:/m.test(content));

function readYaml(file: RenderedFile, evidence: Evidence[], problems: ProvenanceProblem[]): void {
  for (const document of parseAllDocuments(file.content)) {
    if (document.errors.length > 0) {
      problems.push({ file: file.path, message: `does not parse as YAML: ${document.errors[0]!.message}` });
      continue;
    }
    const value: unknown = document.toJS();
    if (!isRecord(value)) continue;
    const annotated = objectTag(value);
    if (annotated) {
      for (const nfr of idsOf(annotated.tag))
        evidence.push({ nfr, file: file.path, object: annotated.object });
    }
    const spec = value.spec;
    const groups = value.kind === 'PrometheusRule' && isRecord(spec) ? spec.groups : value.groups;
    for (const rule of rulesOf(groups)) {
      for (const nfr of idsOf(rule.tag)) evidence.push({ nfr, file: file.path, object: rule.object });
    }
  }
}

function objectTag(value: Json): { tag: string; object: string } | undefined {
  const metadata = value.metadata;
  if (!isRecord(metadata) || !isRecord(metadata.annotations)) return undefined;
  const tag = metadata.annotations[NFR_ANNOTATION];
  if (typeof tag !== 'string') return undefined;
  const name =
    typeof metadata.namespace === 'string' ? `${metadata.namespace}/${metadata.name}` : metadata.name;
  return { tag, object: `${String(value.kind)} ${String(name)}` };
}

function rulesOf(groups: unknown): { tag: string; object: string }[] {
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((group) =>
    isRecord(group) && Array.isArray(group.rules)
      ? group.rules.flatMap((rule) => {
          if (!isRecord(rule) || !isRecord(rule.labels) || typeof rule.labels.nfr !== 'string') return [];
          const object =
            typeof rule.alert === 'string' ? `alert ${rule.alert}` : `record ${String(rule.record)}`;
          return [{ tag: rule.labels.nfr, object }];
        })
      : [],
  );
}

function readMap(
  file: RenderedFile,
  paths: ReadonlySet<string>,
  evidence: Evidence[],
  problems: ProvenanceProblem[],
): void {
  let entries: unknown;
  try {
    entries = JSON.parse(file.content);
  } catch (error) {
    problems.push({ file: file.path, message: `does not parse as JSON: ${(error as Error).message}` });
    return;
  }
  if (!Array.isArray(entries)) {
    problems.push({ file: file.path, message: 'expected a JSON list of { nfr, file, object }' });
    return;
  }
  const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
  entries.forEach((entry, index) => {
    const ids = isRecord(entry) ? tagOf(entry.nfr) : undefined;
    if (!isRecord(entry) || !ids || typeof entry.file !== 'string' || typeof entry.object !== 'string') {
      problems.push({
        file: file.path,
        message: `entry ${index}: expected { nfr: string, file: string, object: string }, got ${JSON.stringify(entry)}`,
      });
      return;
    }
    const target = [entry.file, `${folder}${entry.file}`].find((candidate) => paths.has(candidate));
    if (!target) {
      problems.push({ file: file.path, message: `entry ${index}: ${entry.file} was not rendered` });
      return;
    }
    for (const nfr of ids) evidence.push({ nfr, file: target, object: entry.object });
  });
}

/** A map entry's `nfr`: one id, a comma-separated tag, or a list of ids. */
function tagOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return idsOf(value);
  if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return value.flatMap(idsOf);
  return undefined;
}

function sortUnique(evidence: readonly Evidence[]): Evidence[] {
  const key = (e: Evidence) => `${e.nfr}\0${e.file}\0${e.object}`;
  const unique = new Map(evidence.map((e) => [key(e), e]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
