// validateRenderedTree on a small deploy/ folder written for the test, so the walker is tested before charts exist.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateRenderedTree } from './validate';

const serviceAccount = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'web', namespace: 'api' },
};
const project = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: { name: 'skillforge', namespace: 'platform' },
};

let deployDir = '';

function write(relativePath: string, text: string): void {
  const path = join(deployDir, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(() => {
  deployDir = join(mkdtempSync(join(tmpdir(), 'k8s-schema-')), 'deploy');
  write('prod/k8s/api/ServiceAccount.web.yaml', stringify(serviceAccount));
  write('prod/k8s/api/ServiceAccount.other.yaml', stringify(serviceAccount));
  write('prod/k8s/api/ConfigMap.two.yaml', `${stringify(serviceAccount)}---\n${stringify(serviceAccount)}`);
  write('prod/k8s/api/ConfigMap.broken.yaml', 'data: [unclosed\n');
  write('prod/argocd/project.yaml', stringify({ ...project, spec: { sourceRepos: 'one' } }));
  write('prod/observability/rules.yaml', 'groups: []\n');
  write('staging/k8s/api/ServiceAccount.web.yaml', stringify({ ...serviceAccount, apiVersion: 'v2' }));
});

afterAll(() => {
  rmSync(dirname(deployDir), { recursive: true, force: true });
});

describe('validateRenderedTree', () => {
  it('reports every file of k8s/ and argocd/ in every environment, and only those', () => {
    const files = validateRenderedTree(deployDir).map((result) => result.file.slice(deployDir.length + 1));
    expect(files).toEqual([
      'prod/argocd/project.yaml',
      'prod/k8s/api/ConfigMap.broken.yaml',
      'prod/k8s/api/ConfigMap.two.yaml',
      'prod/k8s/api/ServiceAccount.other.yaml',
      'prod/k8s/api/ServiceAccount.web.yaml',
      'staging/k8s/api/ServiceAccount.web.yaml',
    ]);
  });

  it('gives each file its own errors', () => {
    const errors = Object.fromEntries(
      validateRenderedTree(deployDir).map((result) => [
        result.file.slice(deployDir.length + 1),
        result.errors,
      ]),
    );
    expect(errors['prod/k8s/api/ServiceAccount.web.yaml']).toEqual([]);
    expect(errors['prod/k8s/api/ServiceAccount.other.yaml']).toEqual([
      'file is named ServiceAccount.other.yaml but holds ServiceAccount.web: expected ServiceAccount.web.yaml',
    ]);
    expect(errors['prod/k8s/api/ConfigMap.two.yaml']).toEqual([
      'expected exactly one Kubernetes object per file, found 2 documents',
    ]);
    expect(errors['prod/k8s/api/ConfigMap.broken.yaml']?.[0]).toMatch(/^YAML error: /);
    expect(errors['prod/argocd/project.yaml']).toEqual(['/spec/sourceRepos must be array']);
    expect(errors['staging/k8s/api/ServiceAccount.web.yaml']?.[0]).toMatch(
      /^v2 ServiceAccount is not an API version this repository renders: use v1 /,
    );
  });

  it('returns nothing for a deploy folder that does not exist', () => {
    expect(validateRenderedTree(join(deployDir, 'missing'))).toEqual([]);
  });
});
