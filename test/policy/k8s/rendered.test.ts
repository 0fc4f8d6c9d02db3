// The policy gate for the rendered tree. Fails while deploy/ is empty: a policy suite that passes with nothing
// to check would hide a broken render.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRenderedManifests } from './rendered';

const deployDir = join(__dirname, '..', '..', '..', 'deploy');

describe('rendered Kubernetes manifests pass every policy rule', () => {
  const result = checkRenderedManifests(deployDir);

  it('finds rendered manifests under deploy/*/k8s', () => {
    expect(
      result.objectCount,
      `no rendered manifests under ${deployDir}/*/k8s: run npm run synth`,
    ).toBeGreaterThan(0);
  });

  it('has no failed finding outside a valid exception, and no stale exception', () => {
    expect(result.problems, result.problems.join('\n')).toEqual([]);
  });
});
