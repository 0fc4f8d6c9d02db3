// runReview end to end against throwaway git repositories: the committed deploy/ is the base, an injected render
// writes the head, and the exit code says whether a destructive change is unacknowledged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, reviewRepos } from './review-repo';
import {
  ASSETS_BUCKET,
  baseTree,
  deployment,
  POSTGRES_PRIMARY,
  tfResource,
  tfStack,
  useTempDirs,
  writeTree,
  type TreeFiles,
} from './fixtures';

const tempDir = useTempDirs();
const { repoWith, review } = reviewRepos(tempDir);

function withDataStack(resources: Record<string, Record<string, unknown>>): TreeFiles {
  return { ...baseTree(), 'prod/terraform/prod-data/cdk.tf.json': tfStack(resources) };
}

const SECURITY_GROUP = {
  db: tfResource('prod-data/postgres/security-group', { name: 'skillforge-prod-db', ingress: [] }),
};

function replacedDataStack(): TreeFiles {
  return withDataStack({
    aws_db_instance: {
      postgres_primary: tfResource('prod-data/postgres/primary', {
        ...POSTGRES_PRIMARY,
        identifier: 'skillforge-pg',
      }),
    },
    aws_s3_bucket: {
      assets: tfResource('prod-data/assets/bucket', { ...ASSETS_BUCKET, bucket: 'skillforge-assets' }),
    },
    aws_security_group: SECURITY_GROUP,
  });
}

describe('runReview', () => {
  it('exits 2 on a construct id change and prints the destroy/create pair', async () => {
    const repo = repoWith(baseTree());
    const head = withDataStack({
      aws_db_instance: { postgres_main: tfResource('prod-data/postgres/main', POSTGRES_PRIMARY) },
      aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET) },
      aws_security_group: SECURITY_GROUP,
    });
    const run = await review(repo, head);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      '**`prod` · destroy/create pair · `prod-data/aws_db_instance.postgres_primary` → `prod-data/aws_db_instance.postgres_main` (aws_db_instance)**',
    );
  });

  it('exits 2 on forced replacements, and 0 once they are acknowledged in the working tree', async () => {
    const repo = repoWith(baseTree());
    const before = await review(repo, replacedDataStack());
    expect(before.code).toBe(2);
    expect(before.stdout).toContain('⛔ **2 destructive changes not acknowledged: the review fails.**');
    expect(before.stdout).toContain(
      '`bucket`: `"skillforge-prod-assets"` → `"skillforge-assets"`: forces replacement',
    );

    const acknowledge = (resource: string) => ({
      env: 'prod',
      resource,
      change: 'replacement',
      reason: 'new naming scheme, data migrated in PLAT-900',
      acknowledged_by: 'priya.desai',
    });
    writeTree(repo, {
      'docs/acknowledged-changes.yaml': [
        acknowledge('prod-data/aws_db_instance.postgres_primary'),
        acknowledge('prod-data/aws_s3_bucket.assets'),
      ],
    });
    const after = await review(repo, replacedDataStack());
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('✅ 2 destructive changes, all acknowledged.');
  });

  it('exits 2 when a StatefulSet is removed', async () => {
    const repo = repoWith(baseTree());
    const head = baseTree();
    delete head['prod/k8s/search/StatefulSet.opensearch.yaml'];
    const run = await review(repo, head);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('- ⛔ **`prod` · removal · `search/StatefulSet/opensearch` (StatefulSet)**');
  });

  it('exits 0 on changes that destroy nothing stateful', async () => {
    const repo = repoWith(baseTree());
    const head = baseTree();
    head['prod/k8s/search/Deployment.search-api.yaml'] = deployment(
      'search-api',
      'registry/search-api:1.5.0',
      6,
    );
    head['prod/terraform/prod-data/cdk.tf.json'] = tfStack({
      aws_db_instance: {
        postgres_primary: tfResource('prod-data/postgres/primary', {
          ...POSTGRES_PRIMARY,
          instance_class: 'db.r6g.2xlarge',
        }),
      },
      aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET) },
    });
    const run = await review(repo, head);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✅ No destructive changes to stateful resources.');
    expect(run.stdout).toContain('| `prod` | ~1 −1 | ~1 | · | · | · | · |');
  });

  it('exits 1 naming the ref when the base ref does not exist, and prints no review', async () => {
    const repo = repoWith(baseTree());
    const run = await review(repo, baseTree(), { base: 'no-such-branch' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`review: unknown git ref "no-such-branch": no commit of that name in ${repo}\n`);
    expect(run.stdout).toBe('');
  });

  it('reports everything as added when the base commit has no deploy/ folder', async () => {
    const repo = tempDir('review-repo-');
    git(repo, 'init', '-q', '-b', 'main');
    writeTree(repo, { 'README.md': '# platform\n' });
    commitAll(repo, 'initial commit');
    const firstCommit = git(repo, 'rev-parse', 'HEAD').trim();
    writeTree(join(repo, 'deploy'), baseTree());
    commitAll(repo, 'first rendered tree');
    const run = await review(repo, baseTree(), { base: firstCommit });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| `prod` | +5 | +2 | +2 | +3 | +1 | +1 |');
  });

  it('exits 1 when neither side names an environment and none were requested', async () => {
    const repo = tempDir('review-repo-');
    git(repo, 'init', '-q', '-b', 'main');
    writeTree(repo, { 'README.md': '# platform\n' });
    commitAll(repo, 'initial commit');
    const run = await review(repo, baseTree());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'review: no environments to review: deploy/ has no environment folder in the working tree or at main; name them with --env\n',
    );
  });

  it('exits 1 naming the entry and field when the acknowledgements file is invalid', async () => {
    const repo = repoWith(baseTree());
    writeTree(repo, { 'docs/acknowledged-changes.yaml': '- env: prod\n  resource: x\n  change: destroy\n' });
    const run = await review(repo, baseTree());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'review: docs/acknowledged-changes.yaml: entry 1 (prod x): field "change" must be one of removal, rename, replacement (got "destroy")',
    );
  });

  it('exits 1 when rendering fails', async () => {
    const repo = repoWith(baseTree());
    const run = await review(repo, baseTree(), {
      render: () => Promise.reject(new Error('environment prod: latencyP95Ms must be positive')),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'review: rendering the working tree failed: environment prod: latencyP95Ms must be positive\n',
    );
  });

  it('renders and reviews only the requested environments, and rejects unknown ones', async () => {
    const tree: TreeFiles = { ...baseTree(), 'dev/nfr-report.md': '# dev\n' };
    const repo = repoWith(tree);
    const run = await review(repo, { ...tree, 'dev/nfr-report.md': '# dev v2\n' }, { envs: ['dev'] });
    expect(run.code).toBe(0);
    expect(run.rendered.map((call) => call.envs)).toEqual([['dev']]);
    expect(run.stdout).toContain('| `dev` |');
    expect(run.stdout).not.toContain('| `prod` |');

    const unknown = await review(repo, tree, { envs: ['qa'] });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'review: unknown environment "qa": not in deploy/ at main and not rendered\n',
    );
  });

  it('renders the environments of the working tree for "all" and cleans its temporary folders', async () => {
    const repo = repoWith({ ...baseTree(), 'dev/nfr-report.md': '# dev\n' });
    const run = await review(repo, baseTree());
    expect(run.rendered.map((call) => call.envs)).toEqual([['dev', 'prod']]);
    expect(existsSync(run.rendered[0].outDir)).toBe(false);
  });

  it('reports an acknowledgement that matches nothing as stale, without failing the review', async () => {
    const repo = repoWith(baseTree());
    writeTree(repo, {
      'docs/acknowledged-changes.yaml': [
        {
          env: 'prod',
          resource: 'prod-data/aws_s3_bucket.gone',
          change: 'removal',
          reason: 'bucket retired in PLAT-700',
          acknowledged_by: 'priya.desai',
        },
      ],
    });
    const run = await review(repo, baseTree());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Stale acknowledgements, matching nothing in this review (delete them): `prod` `prod-data/aws_s3_bucket.gone` (removal).',
    );
  });
});
