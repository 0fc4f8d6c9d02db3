// Fields of a pinned CRD bundle that the schema package validating its kinds does not know yet.
//
// The Gateway API CRDs the clusters install are the standard channel of v1.4.1 (platformManifests.gateway-api);
// @kubernetes-models/gateway-api 0.5.1 (the newest release that runs on Node 20, docs/decisions/kubernetes-schema-
// version.md) was generated from an older bundle, which had no `spec.infrastructure.parametersRef` (and capped
// `infrastructure.annotations` at 8 where v1.4.1 allows 16). Such a field is checked here against the pinned
// CRD's own schema and removed before the package's validator runs, so the strict unknown-field check stays on for
// everything else. Source: kubernetes-sigs/gateway-api config/crd/standard/gateway.networking.k8s.io_gateways.yaml
// (bundle-version v1.4.1, commit 00068f38bea85f062a43f154a7112b876d611473), spec.infrastructure.parametersRef.

const GROUP = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const POINTER = '/spec/infrastructure/parametersRef';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** LocalParametersReference of the v1.4.1 Gateway CRD: group, kind and name, all required, nothing else. */
function parametersRefProblems(ref: unknown): string[] {
  if (!isRecord(ref)) return [`${POINTER} must be object`];
  const problems: string[] = [];
  const field = (key: string, test: (value: string) => boolean, rule: string) => {
    const value = ref[key];
    if (value === undefined) problems.push(`${POINTER} must have required property '${key}'`);
    else if (typeof value !== 'string' || !test(value)) problems.push(`${POINTER}/${key} must be ${rule}`);
  };
  field(
    'group',
    (v) => v.length <= 253 && GROUP.test(v),
    'a DNS subdomain or empty (at most 253 characters)',
  );
  field('kind', (v) => v.length >= 1 && v.length <= 63 && KIND.test(v), 'a kind name of 1 to 63 characters');
  field('name', (v) => v.length >= 1 && v.length <= 253, 'a name of 1 to 253 characters');
  for (const key of Object.keys(ref)
    .filter((k) => !['group', 'kind', 'name'].includes(k))
    .sort()) {
    problems.push(`${POINTER}/${key} is not a field of gateway.networking.k8s.io/v1 Gateway in its schema`);
  }
  return problems;
}

/**
 * The problems of the pinned-bundle fields of one object, and the object without them for the package's
 * validator. Objects of other kinds pass through unchanged.
 */
export function pinnedBundleFields(manifest: Record<string, unknown>): {
  readonly manifest: Record<string, unknown>;
  readonly errors: readonly string[];
} {
  const spec = manifest['spec'];
  const infrastructure = isRecord(spec) ? spec['infrastructure'] : undefined;
  if (
    manifest['apiVersion'] !== 'gateway.networking.k8s.io/v1' ||
    manifest['kind'] !== 'Gateway' ||
    !isRecord(spec) ||
    !isRecord(infrastructure) ||
    !('parametersRef' in infrastructure)
  ) {
    return { manifest, errors: [] };
  }
  const { parametersRef, ...rest } = infrastructure;
  return {
    manifest: { ...manifest, spec: { ...spec, infrastructure: rest } },
    errors: parametersRefProblems(parametersRef),
  };
}
