// Validates every rendered Kubernetes and Argo CD object against its schema. Fails while deploy/ is empty:
// a schema suite that passes with nothing to check would hide a broken render.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRenderedTree } from './validate';

const deployDir = join(__dirname, '..', '..', 'deploy');

describe('rendered manifests match their schemas', () => {
  const results = validateRenderedTree(deployDir);

  it('finds rendered manifests under deploy/*/k8s and deploy/*/argocd', () => {
    expect(
      results.length,
      `no rendered manifests under ${deployDir}/*/{k8s,argocd}: run npm run synth`,
    ).toBeGreaterThan(0);
  });

  it('has no schema errors', () => {
    const failures = results
      .filter((result) => result.errors.length > 0)
      .map((result) => `${result.file}\n  ${result.errors.join('\n  ')}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
