// B8: the review comment warns, in its own section, about every reviewed environment whose rendered EKS version is
// within 90 days of the end of its standard support (or past it, or missing from the lifecycle table).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubernetesSupportWarnings } from '../../scripts/review/kubernetes-support';

const dir = mkdtempSync(join(tmpdir(), 'review-eks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function renderCluster(env: string, version: string): void {
  const stackDir = join(dir, env, 'terraform', `${env}-cluster`);
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(
    join(stackDir, 'cdk.tf.json'),
    JSON.stringify({
      resource: { aws_eks_cluster: { eks_cluster: { name: `skillforge-${env}`, version } } },
    }),
  );
}

describe('EKS version support in the review comment', () => {
  renderCluster('dev', '1.35');
  renderCluster('staging', '1.34');
  renderCluster('prod', '1.31');

  it('lists the environments that need an upgrade', () => {
    expect(kubernetesSupportWarnings(dir, ['dev', 'staging', 'prod'], '2026-12-06')).toEqual([
      '#### ⚠️ EKS version support',
      '',
      '- `staging`: Kubernetes 1.34: standard support ended 2026-12-02',
      '- `prod`: Kubernetes 1.31: standard support ended 2025-11-26',
    ]);
  });

  it('warns 90 days ahead and stays silent before', () => {
    expect(kubernetesSupportWarnings(dir, ['dev'], '2026-12-26')).toEqual([]);
    expect(kubernetesSupportWarnings(dir, ['dev'], '2026-12-27')).toEqual([
      '#### ⚠️ EKS version support',
      '',
      '- `dev`: Kubernetes 1.35: standard support ends 2027-03-27, in 90 days; upgrade before EKS does',
    ]);
  });
});
