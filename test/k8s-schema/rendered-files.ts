// Finds and parses the rendered Kubernetes files: deploy/<env>/k8s/<namespace>/<Kind>.<name>.yaml and
// deploy/<env>/argocd/…, one object per file. Shared by the schema suite and the policy suite so both read
// the tree the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';

export type RenderedSection = 'k8s' | 'argocd';

export interface RenderedFile {
  /** Path as found under the deploy folder that was passed in (deployDir joined with the relative path). */
  readonly file: string;
  readonly env: string;
  readonly section: RenderedSection;
  /** First folder below the section: the namespace folder for k8s/, '' for files directly in the section. */
  readonly folder: string;
}

export interface ParsedManifest {
  readonly manifest?: Record<string, unknown>;
  readonly errors: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function yamlFilesBelow(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...yamlFilesBelow(path));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** Every YAML file of the given sections in every environment, sorted so reports are stable. */
export function listRenderedFiles(deployDir: string, sections: readonly RenderedSection[]): RenderedFile[] {
  if (!existsSync(deployDir)) return [];
  const found: RenderedFile[] = [];
  const envs = readdirSync(deployDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const env of envs) {
    for (const section of sections) {
      const sectionDir = join(deployDir, env.name, section);
      if (!existsSync(sectionDir)) continue;
      for (const file of yamlFilesBelow(sectionDir)) {
        const inside = relative(sectionDir, file).split(sep);
        found.push({ file, env: env.name, section, folder: inside.length > 1 ? inside[0] : '' });
      }
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/** The one object a rendered file must hold; several documents, an empty file or a YAML error is an error. */
export function parseManifestFile(file: string): ParsedManifest {
  const documents: Document.Parsed[] = [...parseAllDocuments(readFileSync(file, 'utf8'))];
  const yamlErrors = documents.flatMap((document) => document.errors.map((error) => error.message));
  if (yamlErrors.length > 0) return { errors: yamlErrors.map((message) => `YAML error: ${message}`) };
  if (documents.length !== 1) {
    return {
      errors: [`expected exactly one Kubernetes object per file, found ${documents.length} documents`],
    };
  }
  const manifest: unknown = documents[0].toJS();
  if (!isRecord(manifest))
    return { errors: ['expected a Kubernetes object (a YAML mapping) at the top level'] };
  return { manifest, errors: [] };
}

/** deploy/<env>/k8s/<namespace>/<Kind>.<name>.yaml: the name Argo CD diffs and reviewers search for. */
export function expectedFileName(manifest: Record<string, unknown>): string | undefined {
  const metadata = manifest.metadata;
  if (typeof manifest.kind !== 'string' || !isRecord(metadata) || typeof metadata.name !== 'string') {
    return undefined;
  }
  return `${manifest.kind}.${metadata.name}.yaml`;
}

export function fileNameProblem(
  rendered: RenderedFile,
  manifest: Record<string, unknown>,
): string | undefined {
  if (rendered.section !== 'k8s') return undefined;
  const expected = expectedFileName(manifest);
  const actual = basename(rendered.file);
  return expected !== undefined && expected !== actual
    ? `file is named ${actual} but holds ${expected.replace(/\.yaml$/, '')}: expected ${expected}`
    : undefined;
}
