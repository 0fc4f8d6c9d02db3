// Schema validation of rendered Kubernetes objects against the kubernetes-models schemas (core API and CRDs).
// Why these schemas and not the cluster's own: docs/decisions/kubernetes-schema-version.md.
import { listRenderedFiles, parseManifestFile, fileNameProblem } from './rendered-files';
import { checkAgainstSchema } from './schema-check';
import { pinnedBundleFields } from './pinned-bundle-fields';
import { findSupportedKind, unsupportedKindMessage } from './supported-kinds';

export interface FileValidation {
  readonly file: string;
  readonly errors: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems the schemas cannot see but every rendered object needs: Argo CD tracks objects by name. */
function metadataProblems(manifest: Record<string, unknown>): string[] {
  const metadata = manifest.metadata;
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || metadata.name === '') {
    return ['/metadata/name is required: every rendered object is named'];
  }
  return [];
}

/** Errors for one object ("<JSON pointer> <problem>"); an empty list means it matches its schema. */
export function validateManifest(obj: unknown): string[] {
  if (!isRecord(obj)) return ['expected a Kubernetes object (a mapping with apiVersion, kind and metadata)'];
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return ['/apiVersion and /kind must be strings: without them no schema can be chosen'];
  }
  const supported = findSupportedKind(apiVersion, kind);
  if (supported === undefined) return [unsupportedKindMessage(apiVersion, kind)];
  const pinned = pinnedBundleFields(obj);
  return [
    ...metadataProblems(obj),
    ...pinned.errors,
    ...checkAgainstSchema(supported.model, pinned.manifest),
  ];
}

/** Every file under deploy/<env>/k8s/ and deploy/<env>/argocd/, with its errors (empty when valid). */
export function validateRenderedTree(deployDir: string): FileValidation[] {
  return listRenderedFiles(deployDir, ['k8s', 'argocd']).map((rendered) => {
    const parsed = parseManifestFile(rendered.file);
    if (parsed.manifest === undefined) return { file: rendered.file, errors: parsed.errors };
    const misnamed = fileNameProblem(rendered, parsed.manifest);
    const errors = [...validateManifest(parsed.manifest), ...(misnamed === undefined ? [] : [misnamed])];
    return { file: rendered.file, errors };
  });
}
