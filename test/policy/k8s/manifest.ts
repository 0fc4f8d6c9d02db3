// The objects the policy rules read: a rendered manifest plus where it was rendered.
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';

export type ObjectMeta = NonNullable<IConfigMap['metadata']>;

/**
 * What every object has; the rest is reached through the kubernetes-models type guards (`Deployment.is(m)`),
 * which the schema suite (test/k8s-schema) backs by validating every rendered object against the same models.
 */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
}

export interface PolicyObject {
  /** deploy/<env>/k8s/<folder>/<Kind>.<name>.yaml */
  readonly file: string;
  readonly env: string;
  /** The namespace folder the file lives in; cluster-scoped objects live in the folder of the namespace owning them. */
  readonly folder: string;
  readonly manifest: Manifest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isManifest(value: unknown): value is Manifest {
  return (
    isRecord(value) &&
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    isRecord(value.metadata) &&
    typeof value.metadata.name === 'string'
  );
}

export function nameOf(object: PolicyObject): string {
  return object.manifest.metadata.name ?? '';
}

/** The namespace a namespaced object lives in: its own field, else the folder it was rendered into. */
export function namespaceOf(object: PolicyObject): string {
  return object.manifest.metadata.namespace ?? object.folder;
}

/** "<env>/<namespace folder>/<Kind>/<name>": how findings and exceptions name an object. */
export function objectId(object: PolicyObject): string {
  return `${object.env}/${object.folder}/${object.manifest.kind}/${nameOf(object)}`;
}

/** Places fixture manifests where the renderer would put them, so rules see the same shape as in deploy/. */
export function asRendered(manifests: readonly Manifest[], env = 'fixture'): PolicyObject[] {
  return manifests.map((manifest) => {
    const { name, namespace } = manifest.metadata;
    const folder = namespace ?? (manifest.kind === 'Namespace' && name !== undefined ? name : 'platform');
    return { file: `deploy/${env}/k8s/${folder}/${manifest.kind}.${name ?? ''}.yaml`, env, folder, manifest };
  });
}
