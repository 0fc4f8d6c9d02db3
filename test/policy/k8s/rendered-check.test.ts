// checkRenderedManifests on a small deploy/ folder written for the test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compliantApp, replacing } from './fixtures/app';
import { containerResources, deployment } from './fixtures/workloads';
import type { Manifest } from './manifest';
import { checkRenderedManifests } from './rendered';

const TODAY = '2025-06-01';
/** Requests more memory than its limit: the project rule requests-within-limits fails it. */
const overcommitted = deployment({
  container: {
    resources: {
      ...containerResources,
      requests: { ...containerResources.requests, memory: '512Mi' },
      limits: { ...containerResources.limits, memory: '256Mi' },
    },
  },
});
let root = '';

function renderTree(objects: readonly Manifest[], extraFiles: Record<string, string> = {}): string {
  root = mkdtempSync(join(tmpdir(), 'k8s-policy-'));
  const deployDir = join(root, 'deploy');
  const files: Record<string, string> = { ...extraFiles };
  for (const object of objects) {
    const folder = object.metadata.namespace ?? object.metadata.name ?? '';
    files[`prod/k8s/${folder}/${object.kind}.${object.metadata.name ?? ''}.yaml`] = stringify(object);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(deployDir, path)), { recursive: true });
    writeFileSync(join(deployDir, path), text);
  }
  return deployDir;
}

afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('checkRenderedManifests', () => {
  it('passes a compliant tree', () => {
    const result = checkRenderedManifests(renderTree(compliantApp()), [], TODAY);
    expect(result.problems).toEqual([]);
    expect(result.objectCount).toBe(9);
  });

  it('fails when nothing is rendered, so it cannot pass vacuously', () => {
    const deployDir = join(mkdtempSync(join(tmpdir(), 'k8s-policy-')), 'deploy');
    root = dirname(deployDir);
    expect(checkRenderedManifests(deployDir, [], TODAY).problems).toEqual([
      `no rendered Kubernetes manifests under ${deployDir}/*/k8s: nothing was checked`,
    ]);
  });

  it('lists every failed finding with rule, object and file', () => {
    const deployDir = renderTree(replacing(compliantApp(), overcommitted));
    expect(checkRenderedManifests(deployDir, [], TODAY).problems).toEqual([
      `[requests-within-limits] prod/api/Deployment/web: container "web": requests memory 512Mi above its limit 256Mi (${deployDir}/prod/k8s/api/Deployment.web.yaml)`,
    ]);
  });

  it('accepts a finding covered by a valid exception', () => {
    const deployDir = renderTree(replacing(compliantApp(), overcommitted));
    const exceptions = [
      {
        rule: 'requests-within-limits',
        object: 'prod/api/Deployment/web',
        reason: 'test',
        expires: '2025-12-31',
      },
    ];
    expect(checkRenderedManifests(deployDir, exceptions, TODAY).problems).toEqual([]);
  });

  it('fails on an exception that matches nothing in the rendered tree', () => {
    const exceptions = [
      {
        rule: 'requests-within-limits',
        object: 'prod/api/Deployment/web',
        reason: 'test',
        expires: '2025-12-31',
      },
    ];
    expect(checkRenderedManifests(renderTree(compliantApp()), exceptions, TODAY).problems).toEqual([
      'exception for rule "requests-within-limits" at "prod/api/Deployment/web" matches no failed finding: remove it',
    ]);
  });

  it('fails on a file it cannot read as one object', () => {
    const deployDir = renderTree(compliantApp(), {
      'prod/k8s/api/ConfigMap.broken.yaml': 'kind: ConfigMap\n',
    });
    expect(checkRenderedManifests(deployDir, [], TODAY).problems).toEqual([
      `${deployDir}/prod/k8s/api/ConfigMap.broken.yaml: cannot be checked: needs string apiVersion, kind and metadata.name`,
    ]);
  });
});
