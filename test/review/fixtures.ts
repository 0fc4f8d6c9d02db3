// Small deploy trees for the review tests, written to temporary folders. Builders mirror what the render pipeline
// writes: CDKTF stack JSON with `//` metadata, one Kubernetes object per YAML file, Prometheus rule files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import YAML from 'yaml';
import { diffTrees, type TreeDiff } from '../../scripts/review';

export type TreeFiles = Record<string, string | object>;

/** Temporary folders removed after each test of the calling file. */
export function useTempDirs(): (prefix?: string) => string {
  const created: string[] = [];
  afterEach(() => {
    for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix = 'review-test-') => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    created.push(dir);
    return dir;
  };
}

/** A function that writes both trees to fresh temporary folders and diffs them. */
export function treeDiffer(tempDir: () => string): (base: TreeFiles, head: TreeFiles) => TreeDiff {
  return (base, head) => {
    const baseDir = tempDir();
    const headDir = tempDir();
    writeTree(baseDir, base);
    writeTree(headDir, head);
    return diffTrees(baseDir, headDir);
  };
}

/** Writes files below `root`: strings as they are, objects as JSON (`.json`) or YAML (anything else). */
export function writeTree(root: string, files: TreeFiles): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    const text =
      typeof content === 'string'
        ? content
        : path.endsWith('.json')
          ? `${JSON.stringify(content, null, 2)}\n`
          : YAML.stringify(content);
    writeFileSync(target, text);
  }
}

/** A resource body as CDKTF writes it, with the construct path in its `//` metadata. */
export function tfResource(constructPath: string, body: Record<string, unknown>): Record<string, unknown> {
  const uniqueId = constructPath.split('/').slice(1).join('_');
  return { '//': { metadata: { path: constructPath, uniqueId } }, ...body };
}

export function tfStack(resources: Record<string, Record<string, unknown>>, extra: object = {}): object {
  return {
    '//': { metadata: { backend: 's3', stackName: 'stack', version: '0.21.0' } },
    provider: { aws: [{ region: 'eu-west-1' }] },
    resource: resources,
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
    ...extra,
  };
}

export const POSTGRES_PRIMARY = {
  allocated_storage: 100,
  db_name: 'skillforge',
  engine: 'postgres',
  engine_version: '16.4',
  identifier: 'skillforge-prod-postgres',
  instance_class: 'db.r6g.large',
  kms_key_id: '${aws_kms_key.data.arn}',
  multi_az: true,
  storage_encrypted: true,
  username: 'skillforge_admin',
};

export const ASSETS_BUCKET = { bucket: 'skillforge-prod-assets', force_destroy: false };

export function statefulSet(name: string, storage = '50Gi'): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'search' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      serviceName: name,
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name, image: 'opensearch:2.17.1', ports: [{ containerPort: 9200, name: 'http' }] }],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
        },
      ],
    },
  };
}

export function deployment(name: string, image: string, replicas = 2): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'search', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image, env: [{ name: 'LOG_LEVEL', value: 'info' }] }] },
      },
    },
  };
}

export function alertRules(latencyThresholdMs: number): object {
  return {
    groups: [
      {
        name: 'search',
        rules: [
          {
            alert: 'SearchLatencyHigh',
            expr: `histogram_quantile(0.95, rate(search_request_duration_seconds_bucket[5m])) > ${latencyThresholdMs / 1000}`,
            for: '10m',
            labels: { severity: 'page' },
            annotations: { summary: 'Search P95 above target' },
          },
          { record: 'search:request_rate:5m', expr: 'sum(rate(search_requests_total[5m]))' },
        ],
      },
    ],
  };
}

export function dashboard(panelTitles: readonly string[]): object {
  return {
    uid: 'search',
    title: 'Search',
    panels: panelTitles.map((title, index) => ({
      id: index + 1,
      title,
      type: 'timeseries',
      targets: [{ expr: `sum(rate(search_requests_total{panel="${index}"}[5m]))`, refId: 'A' }],
    })),
  };
}

/** The base tree of most tests: one `prod` environment with an item in every layer. */
export function baseTree(): TreeFiles {
  return {
    'prod/terraform/prod-data/cdk.tf.json': tfStack({
      aws_db_instance: { postgres_primary: tfResource('prod-data/postgres/primary', POSTGRES_PRIMARY) },
      aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET) },
      aws_security_group: {
        db: tfResource('prod-data/postgres/security-group', { name: 'skillforge-prod-db', ingress: [] }),
      },
    }),
    'prod/k8s/search/Deployment.search-api.yaml': deployment('search-api', 'registry/search-api:1.4.0'),
    'prod/k8s/search/StatefulSet.opensearch.yaml': statefulSet('opensearch'),
    'prod/observability/prometheus-alerts.yaml': alertRules(350),
    'prod/observability/dashboards/search.json': dashboard(['Request rate', 'Latency P95']),
    'prod/argocd/Application.search.yaml': {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'prod-search', namespace: 'argocd' },
      spec: { source: { path: 'deploy/prod/k8s/search' } },
    },
    'prod/nfr-report.md': '# NFR report\n\n- search P95 350 ms\n',
  };
}
