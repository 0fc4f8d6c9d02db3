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
