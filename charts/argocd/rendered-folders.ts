// The namespace folders the earlier layers rendered under k8s/, and what they hold. Argo CD syncs exactly
// these folders, so the Applications are derived from the rendered files, not from a list kept next to them.
import { parse } from 'yaml';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { compareKinds, groupOf, sameKind } from './kinds';
import type { GroupKind } from './types';

export interface NamespaceFolder {
  /** The folder name under k8s/: the namespace its objects live in. */
  readonly namespace: string;
  /** Every kind the folder holds, sorted by group then kind. */
  readonly kinds: readonly GroupKind[];
  /** Names of the Namespace objects the folder renders (its own, by convention). */
  readonly namespaceObjects: readonly string[];
}

interface ManifestHead {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
}

export function namespaceFolders(earlier: readonly RenderedFile[]): NamespaceFolder[] {
  const folders = new Map<string, { kinds: GroupKind[]; namespaceObjects: string[] }>();
  for (const file of earlier) {
    const segments = file.path.split('/');
    if (segments[0] !== 'k8s') continue;
    if (segments.length !== 3) {
      // Argo CD reads each folder without recursing: anything elsewhere would silently never be applied.
      throw new Error(
        `${file.path}: expected k8s/<namespace>/<Kind>.<name>.yaml; Argo CD syncs each k8s/<namespace>/ folder without recursing into subfolders`,
      );
    }
    const folder = folders.get(segments[1]!) ?? { kinds: [], namespaceObjects: [] };
    folders.set(segments[1]!, folder);
    const head = manifestHead(file);
    const kind = { group: groupOf(head.apiVersion), kind: head.kind };
    if (!folder.kinds.some((known) => sameKind(known, kind))) folder.kinds.push(kind);
    if (kind.group === '' && kind.kind === 'Namespace') folder.namespaceObjects.push(head.name);
  }
  return [...folders]
    .map(([namespace, { kinds, namespaceObjects }]) => ({
      namespace,
      kinds: kinds.sort(compareKinds),
      namespaceObjects: namespaceObjects.sort(),
    }))
    .sort((a, b) => (a.namespace < b.namespace ? -1 : 1));
}

/**
 * apiVersion, kind and metadata.name of a rendered object. The files come from toYaml (scripts/render/serialize.ts):
 * one block-style object, keys sorted, so these are a top-level line each and the first two-space `name:` under
 * `metadata:`. Reading those lines costs microseconds; parsing every manifest (dashboards included) costs
 * hundreds of milliseconds per environment, so the full parse is only the fallback for any other layout.
 */
function manifestHead(file: RenderedFile): ManifestHead {
  const apiVersion = scalar(/^apiVersion: (.+)$/m.exec(file.content)?.[1]);
  const kind = scalar(/^kind: (.+)$/m.exec(file.content)?.[1]);
  const name = scalar(/^metadata:\n(?: {2}.*\n)*? {2}name: (.+)$/m.exec(file.content)?.[1]);
  if (apiVersion !== undefined && kind !== undefined && name !== undefined) return { apiVersion, kind, name };
  return parsedHead(file);
}

/** A plain scalar as written, or a quoted one as YAML reads it. */
function scalar(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const value: unknown = /^["']/.test(text) ? parse(text) : text.trim();
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parsedHead(file: RenderedFile): ManifestHead {
  const manifest: unknown = parse(file.content);
  if (typeof manifest === 'object' && manifest !== null) {
    const { apiVersion, kind, metadata } = manifest as Record<string, unknown>;
    const name =
      typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>).name : '';
    if (
      typeof apiVersion === 'string' &&
      typeof kind === 'string' &&
      typeof name === 'string' &&
      name !== ''
    ) {
      return { apiVersion, kind, name };
    }
  }
  throw new Error(`${file.path}: expected one Kubernetes object with apiVersion, kind and metadata.name`);
}
