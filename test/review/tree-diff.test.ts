// diffTrees on small fixture trees: items per layer, field paths, deterministic order, errors that name the file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTrees, ReviewError, type ItemDiff, type Layer, type TreeDiff } from '../../scripts/review';
import {
  alertRules,
  ASSETS_BUCKET,
  baseTree,
  dashboard,
  deployment,
  POSTGRES_PRIMARY,
  tfResource,
  tfStack,
  treeDiffer,
  useTempDirs,
  writeTree,
  type TreeFiles,
} from './fixtures';

const tempDir = useTempDirs();

const diffOf = treeDiffer(tempDir);

function items(diff: TreeDiff, env: string, layer: Layer): readonly ItemDiff[] {
  return (
    diff.envs.find((entry) => entry.env === env)?.layers.find((entry) => entry.layer === layer)?.items ?? []
  );
}

function statuses(diff: TreeDiff, env: string, layer: Layer): string[] {
  return items(diff, env, layer).map((item) => `${item.status} ${item.id}`);
}

describe('diffTrees', () => {
  it('finds nothing between identical trees', () => {
    expect(diffOf(baseTree(), baseTree()).envs).toEqual([]);
  });

  it('reports Terraform resources added, changed and removed by address, with changed fields', () => {
    const head = baseTree();
    head['prod/terraform/prod-data/cdk.tf.json'] = tfStack({
      aws_db_instance: {
        postgres_primary: tfResource('prod-data/postgres/primary', {
          ...POSTGRES_PRIMARY,
          instance_class: 'db.r6g.xlarge',
        }),
      },
      aws_s3_bucket: {
        assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET),
        logs: tfResource('prod-data/logs/bucket', { bucket: 'skillforge-prod-logs' }),
      },
    });
    const diff = diffOf(baseTree(), head);
    expect(statuses(diff, 'prod', 'terraform')).toEqual([
      'changed prod-data/aws_db_instance.postgres_primary',
      'added prod-data/aws_s3_bucket.logs',
      'removed prod-data/aws_security_group.db',
    ]);
    expect(items(diff, 'prod', 'terraform')[0].fields).toEqual([
      { path: 'instance_class', change: 'changed', before: 'db.r6g.large', after: 'db.r6g.xlarge' },
    ]);
  });

  it('leaves CDKTF construct metadata out of the fields but keeps it to explain renames', () => {
    const head = baseTree();
    head['prod/terraform/prod-data/cdk.tf.json'] = tfStack({
      aws_db_instance: { postgres_primary: tfResource('prod-data/database/primary', POSTGRES_PRIMARY) },
      aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET) },
      aws_security_group: {
        db: tfResource('prod-data/postgres/security-group', { name: 'skillforge-prod-db', ingress: [] }),
      },
    });
    expect(diffOf(baseTree(), head).envs).toEqual([]);

    const renamed = baseTree();
    renamed['prod/terraform/prod-data/cdk.tf.json'] = tfStack({
      aws_db_instance: { postgres_main: tfResource('prod-data/postgres/main', POSTGRES_PRIMARY) },
    });
    const added = items(diffOf(baseTree(), renamed), 'prod', 'terraform').find(
      (item) => item.status === 'added',
    );
    expect(added?.constructPath).toEqual({ before: undefined, after: 'prod-data/postgres/main' });
  });

  it('reports Kubernetes objects as <namespace>/<Kind>/<name> with paths into the spec', () => {
    const head = baseTree();
    head['prod/k8s/search/Deployment.search-api.yaml'] = deployment(
      'search-api',
      'registry/search-api:1.5.0',
    );
    delete head['prod/k8s/search/StatefulSet.opensearch.yaml'];
    head['prod/k8s/search/ConfigMap.search-api.yaml'] = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'search-api' },
      data: { LOG_LEVEL: 'info' },
    };
    const diff = diffOf(baseTree(), head);
    expect(statuses(diff, 'prod', 'kubernetes')).toEqual([
      'added search/ConfigMap/search-api',
      'changed search/Deployment/search-api',
      'removed search/StatefulSet/opensearch',
    ]);
    expect(items(diff, 'prod', 'kubernetes')[1].fields).toEqual([
      {
        path: 'spec.template.spec.containers[name=search-api].image',
        change: 'changed',
        before: 'registry/search-api:1.4.0',
        after: 'registry/search-api:1.5.0',
      },
    ]);
  });

  it('reports alerts and recording rules as <group>/<name> and dashboard panels as <uid>/<title>', () => {
    const head = baseTree();
    head['prod/observability/prometheus-alerts.yaml'] = alertRules(300);
    head['prod/observability/dashboards/search.json'] = dashboard(['Request rate', 'Errors']);
    const diff = diffOf(baseTree(), head);
    expect(statuses(diff, 'prod', 'rules')).toEqual(['changed search/SearchLatencyHigh']);
    expect(items(diff, 'prod', 'rules')[0].fields.map((field) => field.path)).toEqual(['expr']);
    expect(statuses(diff, 'prod', 'dashboards')).toEqual([
      'added search/Errors',
      'removed search/Latency P95',
    ]);
  });

  it('tells two alerts of the same name apart by their severity', () => {
    const rules = (warnAfter: string) => ({
      groups: [
        {
          name: 'slo',
          rules: [
            { alert: 'ErrorBudgetBurn', expr: 'x > 14', for: '2m', labels: { severity: 'page' } },
            { alert: 'ErrorBudgetBurn', expr: 'x > 6', for: warnAfter, labels: { severity: 'ticket' } },
          ],
        },
      ],
    });
    const diff = diffOf(
      { 'prod/observability/slo.yaml': rules('15m') },
      { 'prod/observability/slo.yaml': rules('30m') },
    );
    expect(statuses(diff, 'prod', 'rules')).toEqual(['changed slo/ErrorBudgetBurn (severity=ticket)']);
  });

  it('reports Argo CD objects and unknown files, the latter by changed lines', () => {
    const head = baseTree();
    head['prod/argocd/Application.search.yaml'] = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'prod-search', namespace: 'argocd' },
      spec: { source: { path: 'deploy/prod/k8s/search-v2' } },
    };
    head['prod/nfr-report.md'] = '# NFR report\n\n- search P95 300 ms\n- indexing lag 120 s\n';
    const diff = diffOf(baseTree(), head);
    expect(statuses(diff, 'prod', 'argocd')).toEqual(['changed Application/prod-search']);
    expect(items(diff, 'prod', 'other')).toMatchObject([
      { id: 'nfr-report.md', status: 'changed', kind: 'file', lines: { added: 2, removed: 1 } },
    ]);
  });

  it('reports every item of a tree with no base as added', () => {
    const headDir = tempDir();
    writeTree(headDir, baseTree());
    const diff = diffTrees(join(tempDir(), 'deploy'), headDir);
    const all = diff.envs.flatMap((env) => env.layers.flatMap((layer) => layer.items));
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((item) => item.status))).toEqual(new Set(['added']));
  });

  it('sorts environments and items the same way whatever order the files were written in', () => {
    const tree: TreeFiles = {
      ...baseTree(),
      'dev/nfr-report.md': '# dev\n',
      'dev/k8s/search/ConfigMap.a.yaml': 'a: 1\n',
    };
    const reversed = Object.fromEntries(Object.entries(tree).reverse());
    const first = diffOf({}, tree);
    const second = diffOf({}, reversed);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.envs.map((env) => env.env)).toEqual(['dev', 'prod']);
    const ids = items(first, 'prod', 'terraform').map((item) => item.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('limits the diff to the requested environments', () => {
    const baseDir = tempDir();
    const headDir = tempDir();
    writeTree(baseDir, {});
    writeTree(headDir, { ...baseTree(), 'dev/nfr-report.md': '# dev\n' });
    expect(diffTrees(baseDir, headDir, { envs: ['dev'] }).envs.map((env) => env.env)).toEqual(['dev']);
  });

  it('fails when a file cannot be parsed, naming the file', () => {
    const headDir = tempDir();
    writeTree(headDir, { 'prod/terraform/prod-data/cdk.tf.json': '{ "resource": ' });
    expect(() => diffTrees(tempDir(), headDir)).toThrow(ReviewError);
    expect(() => diffTrees(tempDir(), headDir)).toThrow(
      `${headDir}/prod/terraform/prod-data/cdk.tf.json: invalid JSON:`,
    );
  });
});
