import { describe, expect, it } from 'vitest';
import { coreKindCases } from './fixtures/core-kinds';
import { customKindCases } from './fixtures/custom-kinds';
import type { Manifest } from './fixtures/schema-case';
import { supportedKinds } from './supported-kinds';
import { validateManifest } from './validate';

const cases = [...coreKindCases, ...customKindCases];

function kindOf(manifest: Manifest): string {
  return `${String(manifest.apiVersion)} ${String(manifest.kind)}`;
}

describe('validateManifest, one valid and one invalid object per supported kind', () => {
  it('has a case for every supported kind and none for an unsupported one', () => {
    const covered = cases.map((schemaCase) => kindOf(schemaCase.valid)).sort();
    const supported = supportedKinds.map((entry) => `${entry.apiVersion} ${entry.kind}`).sort();
    expect(covered).toEqual(supported);
  });

  describe.each(cases.map((schemaCase) => [kindOf(schemaCase.valid), schemaCase] as const))(
    '%s',
    (_, schemaCase) => {
      it('accepts the valid object', () => {
        expect(validateManifest(schemaCase.valid)).toEqual([]);
      });

      it(`fails when invalid: ${schemaCase.expectedError}`, () => {
        expect(kindOf(schemaCase.invalid)).toBe(kindOf(schemaCase.valid));
        expect(validateManifest(schemaCase.invalid)).toContain(schemaCase.expectedError);
      });
    },
  );
});

describe('fields of the pinned Gateway API bundle the schema package does not know (pinned-bundle-fields.ts)', () => {
  const gateway = (parametersRef: unknown) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'public', namespace: 'platform' },
    spec: {
      gatewayClassName: 'istio',
      infrastructure: { annotations: { a: 'b' }, parametersRef },
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
    },
  });

  it('accepts spec.infrastructure.parametersRef as the v1.4.1 CRD defines it', () => {
    expect(validateManifest(gateway({ group: '', kind: 'ConfigMap', name: 'options' }))).toEqual([]);
  });

  it('fails when parametersRef misses a required field or has an unknown one', () => {
    expect(validateManifest(gateway({ kind: 'ConfigMap', name: 'options', namespace: 'x' }))).toEqual([
      "/spec/infrastructure/parametersRef must have required property 'group'",
      '/spec/infrastructure/parametersRef/namespace is not a field of gateway.networking.k8s.io/v1 Gateway in its schema',
    ]);
  });

  it('fails when parametersRef names a kind the CRD pattern refuses', () => {
    expect(validateManifest(gateway({ group: '', kind: 'Config Map', name: 'options' }))).toEqual([
      '/spec/infrastructure/parametersRef/kind must be a kind name of 1 to 63 characters',
    ]);
  });

  it('still refuses unknown fields elsewhere in the Gateway', () => {
    const typo = gateway({ group: '', kind: 'ConfigMap', name: 'options' });
    expect(validateManifest({ ...typo, spec: { ...typo.spec, gatewayClass: 'istio' } })).toContain(
      '/spec/gatewayClass is not a field of gateway.networking.k8s.io/v1 Gateway in its schema',
    );
  });
});
