// The unknown-field check (schema-check.ts): kubeconform -strict semantics on top of the kubernetes-models schemas.
import { describe, expect, it } from 'vitest';
import { coreKindCases } from './fixtures/core-kinds';
import { customKindCases } from './fixtures/custom-kinds';
import { objectMeta, podTemplate } from './fixtures/schema-case';
import { validateManifest } from './validate';

const deployment = coreKindCases.find((schemaCase) => schemaCase.valid.kind === 'Deployment')?.valid;
const application = customKindCases.find((schemaCase) => schemaCase.valid.kind === 'Application')?.valid;

describe('unknown fields', () => {
  it('fails when a container field is misspelled', () => {
    const container = { name: 'web', image: 'web:1.0.0', readinessProbes: { httpGet: { port: 8080 } } };
    const manifest = {
      ...deployment,
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { ...podTemplate, spec: { containers: [container] } },
      },
    };
    expect(validateManifest(manifest)).toEqual([
      '/spec/template/spec/containers/0/readinessProbes is not a field of apps/v1 Deployment in its schema',
    ]);
  });

  it('fails when a top-level field is unknown', () => {
    expect(
      validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: objectMeta('a', 'api'), spec: {} }),
    ).toEqual(['/spec is not a field of v1 ConfigMap in its schema']);
  });

  it('fails when a custom resource field is misspelled, reporting every one', () => {
    const spec = {
      ...(application?.spec as object),
      destinaton: { namespace: 'api' },
      syncPolicy: { automatic: {} },
    };
    expect(validateManifest({ ...application, spec })).toEqual([
      '/spec/destinaton is not a field of argoproj.io/v1alpha1 Application in its schema',
      '/spec/syncPolicy/automatic is not a field of argoproj.io/v1alpha1 Application in its schema',
    ]);
  });

  it('accepts free keys in maps: labels, annotations, ConfigMap data, resource quantities', () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'a',
        namespace: 'api',
        labels: { 'app.kubernetes.io/name': 'a' },
        annotations: { 'x/y': 'z' },
      },
      data: { 'any-key': 'value', 'another.key': 'value' },
    };
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('accepts free-form values such as an Argo CD Helm valuesObject', () => {
    const source = {
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      targetRevision: 'v1.16.2',
    };
    const helm = { valuesObject: { installCRDs: true, anyNested: { key: ['value'] } } };
    const spec = { ...(application?.spec as object), source: { ...source, helm } };
    expect(validateManifest({ ...application, spec })).toEqual([]);
  });

  it('reports unknown fields together with schema errors', () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: objectMeta('a', 'api'),
      automount: true,
    };
    expect(validateManifest({ ...manifest, automountServiceAccountToken: 'yes' })).toEqual([
      '/automountServiceAccountToken must be boolean',
      '/automount is not a field of v1 ServiceAccount in its schema',
    ]);
  });
});

describe('kinds and API versions', () => {
  it('fails when a known kind uses an API version the repository does not render', () => {
    expect(
      validateManifest({
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        metadata: objectMeta('a'),
      }),
    ).toEqual([
      'policy/v1beta1 PodDisruptionBudget is not an API version this repository renders: use policy/v1' +
        ' (the newest version the schema packages ship; older ones are deprecated or removed)',
    ]);
  });

  it('fails when an older External Secrets version is used', () => {
    const manifest = {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'ExternalSecret',
      metadata: objectMeta('a'),
    };
    expect(validateManifest(manifest)[0]).toMatch(
      /^external-secrets\.io\/v1alpha1 ExternalSecret .* use external-secrets\.io\/v1/,
    );
  });

  it('fails when the kind has no schema at all, never skipping it', () => {
    expect(
      validateManifest({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: objectMeta('a') }),
    ).toEqual([
      'no schema for argoproj.io/v1alpha1 Workflow: add its kubernetes-models class to test/k8s-schema/supported-kinds.ts' +
        ' with valid and invalid fixtures, or stop rendering it',
    ]);
  });

  it('fails when apiVersion or kind is missing', () => {
    expect(validateManifest({ kind: 'ConfigMap', metadata: objectMeta('a') })).toEqual([
      '/apiVersion and /kind must be strings: without them no schema can be chosen',
    ]);
  });

  it('fails when the document is not an object', () => {
    expect(validateManifest(['a'])).toEqual([
      'expected a Kubernetes object (a mapping with apiVersion, kind and metadata)',
    ]);
  });

  it('fails when the object has no name', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toEqual([
      '/metadata/name is required: every rendered object is named',
    ]);
  });
});
