// The PR comment: summary counts, destructive findings before everything else, capped sections, stable output.
import { describe, expect, it } from 'vitest';
import {
  applyAcknowledgements,
  findDestructiveChanges,
  renderMarkdown,
  type ItemDiff,
  type TreeDiff,
} from '../../scripts/review';
import { COMMENT_BUDGET } from '../../scripts/review/markdown';
import {
  ASSETS_BUCKET,
  baseTree,
  deployment,
  POSTGRES_PRIMARY,
  tfResource,
  tfStack,
  treeDiffer,
  useTempDirs,
  type TreeFiles,
} from './fixtures';

const diffOf = treeDiffer(useTempDirs());

/** A head tree with a rename, a non-destructive Kubernetes change and a new file in `dev`. */
function mixedHead(): TreeFiles {
  return {
    ...baseTree(),
    'prod/terraform/prod-data/cdk.tf.json': tfStack({
      aws_db_instance: { postgres_main: tfResource('prod-data/postgres/main', POSTGRES_PRIMARY) },
      aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET) },
    }),
    'prod/k8s/search/Deployment.search-api.yaml': deployment('search-api', 'registry/search-api:1.5.0', 4),
    'dev/nfr-report.md': '# dev\n',
  };
}

function syntheticDiff(itemCount: number, fieldCount: number): TreeDiff {
  const items: ItemDiff[] = Array.from({ length: itemCount }, (_, index) => ({
    id: `app/ConfigMap/config-${String(index).padStart(3, '0')}`,
    status: 'changed',
    kind: 'ConfigMap',
    file: `k8s/app/ConfigMap.config-${index}.yaml`,
    fields: Array.from({ length: fieldCount }, (_unused, field) => ({
      path: `data.key${field}`,
      change: 'changed' as const,
      before: `${index}${'a'.repeat(200)}`,
      after: `${index}${'b'.repeat(200)}`,
    })),
  }));
  return { envs: [{ env: 'prod', layers: [{ layer: 'kubernetes', items }] }] };
}

describe('renderMarkdown', () => {
  it('opens with a per env × layer summary of added, changed and removed items', () => {
    const markdown = renderMarkdown(diffOf(baseTree(), mixedHead()));
    expect(markdown).toContain(
      '| Environment | Terraform | Kubernetes | Alerts & recording rules | Dashboards | Argo CD | Other files |',
    );
    expect(markdown).toContain('| `dev` | · | · | · | · | · | +1 |');
    expect(markdown).toContain('| `prod` | **+1 −2 ⛔** | ~1 | · | · | · | · |');
  });

  it('prints the destructive findings first and in bold, with the destroy/create pair', () => {
    const markdown = renderMarkdown(diffOf(baseTree(), mixedHead()));
    const pair =
      '- ⛔ **`prod` · destroy/create pair · `prod-data/aws_db_instance.postgres_primary` → `prod-data/aws_db_instance.postgres_main` (aws_db_instance)**';
    expect(markdown).toContain(pair);
    expect(markdown.indexOf(pair)).toBeLessThan(markdown.indexOf('| Environment |'));
    expect(markdown.split('\n')[2]).toBe('⛔ **1 destructive change not acknowledged: the review fails.**');
  });

  it('prints further warning sections (EKS version support) at the top, before the findings', () => {
    const notice = [
      '#### ⚠️ EKS version support',
      '',
      '- `prod`: Kubernetes 1.31: standard support ended 2025-11-26',
    ];
    const markdown = renderMarkdown(diffOf(baseTree(), mixedHead()), { notices: notice });
    expect(markdown).toContain(notice.join('\n'));
    expect(markdown.indexOf(notice[0]!)).toBeLessThan(
      markdown.indexOf('- ⛔ **`prod` · destroy/create pair'),
    );
  });

  it('marks acknowledged findings and keeps them out of the bold blocking list', () => {
    const diff = diffOf(baseTree(), mixedHead());
    const { findings } = applyAcknowledgements(findDestructiveChanges(diff), [
      {
        env: 'prod',
        resource: 'prod-data/aws_db_instance.postgres_primary',
        change: 'rename',
        reason: 'moved block added in the same PR',
        acknowledged_by: 'sam.okafor',
      },
    ]);
    const markdown = renderMarkdown(diff, { findings });
    expect(markdown).toContain('✅ 1 destructive change, all acknowledged.');
    expect(markdown).toContain('acknowledged by sam.okafor: moved block added in the same PR');
    expect(markdown).not.toContain('⛔');
  });

  it('explains that prevent_destroy stops a replacement but not a removal', () => {
    const replaced = {
      env: 'prod',
      layer: 'terraform',
      kind: 'replacement',
      address: 'prod-data/aws_kms_key.data',
      resourceType: 'aws_kms_key',
      attributes: [],
      preventDestroy: true,
      gated: true,
      source: 'table',
    } as const;
    const removed = { ...replaced, kind: 'removal', address: 'prod-data/aws_kms_key.old' } as const;
    const markdown = renderMarkdown({ envs: [] }, { findings: [replaced, removed] });
    expect(markdown).toContain('`lifecycle.prevent_destroy` is set: the plan fails instead of replacing');
    expect(markdown).toContain(
      '`lifecycle.prevent_destroy` left with the removed block: it does not protect this resource',
    );
  });

  it('lists field changes under each item inside a collapsed section per layer', () => {
    const markdown = renderMarkdown(diffOf(baseTree(), mixedHead()));
    expect(markdown).toContain('<details><summary>Kubernetes: ~1</summary>');
    expect(markdown).toContain(
      '- ~ `search/Deployment/search-api` (Deployment)\n  - `spec.replicas`: `2` → `4`',
    );
  });

  it('caps items per section and fields per item with "… and N more"', () => {
    const markdown = renderMarkdown(syntheticDiff(30, 12), { maxItemsPerSection: 5, maxFieldsPerItem: 2 });
    expect(markdown).toContain('- … and 25 more\n');
    expect(markdown).toContain('  - … and 10 more fields');
    expect(markdown.match(/^- ~ /gm)).toHaveLength(5);
  });

  it('cuts long values around the first difference so that both sides stay distinguishable', () => {
    const expr = (threshold: number) =>
      `histogram_quantile(0.95, sum by (le) (rate(search_duration_bucket[5m]))) > ${threshold}`;
    const diff: TreeDiff = {
      envs: [
        {
          env: 'prod',
          layers: [
            {
              layer: 'rules',
              items: [
                {
                  id: 'search/SearchLatencyHigh',
                  status: 'changed',
                  kind: 'alert',
                  file: 'observability/prometheus-alerts.yaml',
                  fields: [{ path: 'expr', change: 'changed', before: expr(0.35), after: expr(0.3) }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(renderMarkdown(diff, { maxValueLength: 40 })).toContain(
      '`expr`: `…]))) > 0.35"` → `…]))) > 0.3"`',
    );
  });

  it('shrinks a diff too large for one GitHub comment until it fits', () => {
    const markdown = renderMarkdown(syntheticDiff(2000, 20));
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(markdown).toContain('| `prod` | · | ~2000 | · | · | · | · |');
  });

  it('renders the same diff to the same text every time', () => {
    const diff = diffOf(baseTree(), mixedHead());
    expect(renderMarkdown(diffOf(baseTree(), mixedHead()))).toBe(renderMarkdown(diff));
  });

  it('says so when the trees are equal', () => {
    expect(renderMarkdown({ envs: [] })).toBe(
      '### Deploy review\n\n✅ No destructive changes to stateful resources.\n\nNo changes in the rendered tree.\n',
    );
  });

  it('shows identical changes across many objects as one row with a count and a collapsible list', () => {
    const policy = (name: string, cidr: string, position: number) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: 'search' },
      spec: { egress: [...Array(position).fill({ ports: [] }), { to: [{ ipBlock: { cidr } }] }] },
    });
    const tree = (cidr: string): TreeFiles =>
      Object.fromEntries(
        Array.from({ length: 22 }, (_, index) => [
          `prod/k8s/search/NetworkPolicy.allow-${index}.yaml`,
          policy(`allow-${index}`, cidr, index % 2),
        ]),
      );
    const markdown = renderMarkdown(diffOf(tree('10.30.0.0/16'), tree('10.31.0.0/16')));
    expect(markdown).toContain(
      '- ~ 22 × NetworkPolicy with the same change\n  - `spec.egress[*].to[*].ipBlock.cidr`: `"10.30.0.0/16"` → `"10.31.0.0/16"`',
    );
    expect(markdown).toContain('<details><summary>the 22 NetworkPolicy objects</summary>');
    expect(markdown).toContain('  - `search/NetworkPolicy/allow-21`');
    expect(markdown.match(/^- ~ /gm)).toHaveLength(1);
  });
});
