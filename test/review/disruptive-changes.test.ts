// Disruptive in-place changes: warned about at the top of the comment, never failing the review.
import { describe, expect, it } from 'vitest';
import { findDisruptiveChanges } from '../../scripts/review/disruptive-changes';
import {
  POSTGRES_PRIMARY,
  baseTree,
  tfResource,
  tfStack,
  treeDiffer,
  useTempDirs,
  type TreeFiles,
} from './fixtures';
import { reviewRepos } from './review-repo';

const tempDir = useTempDirs();
const diffOf = treeDiffer(tempDir);
const { repoWith, review } = reviewRepos(tempDir);

function stack(resources: Record<string, Record<string, unknown>>): TreeFiles {
  return { ...baseTree(), 'prod/terraform/prod-data/cdk.tf.json': tfStack(resources) };
}

const postgres = (body: Record<string, unknown>, name = 'postgres_primary') => ({
  aws_db_instance: { [name]: tfResource(`prod-data/postgres/${name}`, { ...POSTGRES_PRIMARY, ...body }) },
});

const warningsFor = (before: TreeFiles, after: TreeFiles) =>
  findDisruptiveChanges(diffOf(before, after)).map((warning) => [
    warning.address,
    warning.change?.path,
    warning.reason,
  ]);

describe('findDisruptiveChanges', () => {
  it('warns on a PostgreSQL major upgrade, not on a minor one', () => {
    expect(warningsFor(stack(postgres({})), stack(postgres({ engine_version: '16.6' })))).toEqual([]);
    expect(warningsFor(stack(postgres({})), stack(postgres({ engine_version: '17.2' })))).toEqual([
      [
        'prod-data/aws_db_instance.postgres_primary',
        'engine_version',
        'major engine upgrade: the primary and its in-Region read replicas are unavailable while RDS upgrades them, it needs allow_major_version_upgrade, and it cannot be rolled back',
      ],
    ]);
  });

  it("warns on the primary's instance class, not on a read replica's", () => {
    const replica = { replicate_source_db: '${aws_db_instance.postgres_primary.identifier}' };
    const instances = (primary: Record<string, unknown>, copy: Record<string, unknown>) => ({
      aws_db_instance: {
        ...postgres(primary).aws_db_instance,
        ...postgres({ ...replica, ...copy }, 'replica').aws_db_instance,
      },
    });
    const before = stack(instances({}, {}));
    const after = stack(instances({ instance_class: 'db.r6g.xlarge' }, { instance_class: 'db.r6g.xlarge' }));
    expect(warningsFor(before, after).map(([address, path]) => [address, path])).toEqual([
      ['prod-data/aws_db_instance.postgres_primary', 'instance_class'],
    ]);
  });

  it('warns on a Multi-AZ toggle and an EKS version step', () => {
    const eks = (version: string) => ({
      aws_eks_cluster: { eks_cluster: tfResource('prod-data/eks/cluster', { name: 'c', version }) },
    });
    const before = stack({ ...postgres({}), ...eks('1.31') });
    const after = stack({ ...postgres({ multi_az: false }), ...eks('1.32') });
    expect(warningsFor(before, after).map(([address, path]) => [address, path])).toEqual([
      ['prod-data/aws_db_instance.postgres_primary', 'multi_az'],
      ['prod-data/aws_eks_cluster.eks_cluster', 'version'],
    ]);
  });

  it('warns about a resource type the replacement table does not know', () => {
    const table = (billing: string) => ({
      aws_dynamodb_table: { sessions: tfResource('prod-data/sessions/table', { billing_mode: billing }) },
    });
    expect(warningsFor(stack(table('PROVISIONED')), stack(table('PAY_PER_REQUEST')))).toEqual([
      [
        'prod-data/aws_dynamodb_table.sessions',
        undefined,
        '`aws_dynamodb_table` is not in the replacement table: the review cannot tell whether this change replaces it; add an entry to `scripts/review/replacement/aws-provider-6.25.json`',
      ],
    ]);
  });

  it('puts the warning at the top of the comment and exits 0', async () => {
    const repo = repoWith(stack(postgres({})));
    const run = await review(repo, stack(postgres({ engine_version: '17.2' })));
    expect(run.code).toBe(0);
    const top = run.stdout.split('\n').slice(0, 6).join('\n');
    expect(top).toContain('✅ No destructive changes to stateful resources.');
    expect(top).toContain('⚠️ **1 disruptive change applied in place** (not blocking; plan the window):');
    expect(top).toContain(
      '- ⚠️ `prod` · `prod-data/aws_db_instance.postgres_primary` (aws_db_instance): `engine_version`: `"16.4"` → `"17.2"`: major engine upgrade',
    );
  });
});
