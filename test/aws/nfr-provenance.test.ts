// deploy/<env>/terraform/nfr-provenance.json: every tagged resource, sorted, pointing at a resource that exists.
import { describe, expect, it } from 'vitest';
import { loadEnvironment, loadRegistry } from '../../environments';
import { renderLayers } from '../../scripts/render/layers';

interface Entry {
  readonly nfr: string;
  readonly file: string;
  readonly object: string;
}

async function terraformFiles(name: string) {
  const layer = renderLayers.find((l) => l.name === 'terraform')!;
  const files = await layer.render(loadEnvironment(name), [], { environments: loadRegistry() });
  const provenance = files.find((f) => f.path === 'terraform/nfr-provenance.json');
  if (!provenance) throw new Error('no terraform/nfr-provenance.json');
  return { files, entries: JSON.parse(provenance.content) as Entry[] };
}

describe('NFR provenance', () => {
  it('tags what the runbook promises in prod, each entry naming an existing resource', async () => {
    const { files, entries } = await terraformFiles('prod');
    const where = (nfr: string) => entries.filter((e) => e.nfr === nfr).map((e) => `${e.file} ${e.object}`);
    expect(where('postgres-read-capacity')).toEqual([
      'terraform/prod-data/cdk.tf.json aws_db_instance.postgres_primary',
      'terraform/prod-data/cdk.tf.json aws_db_instance.postgres_replica-1',
      'terraform/prod-data/cdk.tf.json aws_db_instance.postgres_replica-2',
      'terraform/prod-data/cdk.tf.json aws_db_instance.postgres_replica-3',
    ]);
    expect(where('redis-snapshot-interval')).toEqual([
      'terraform/prod-data/cdk.tf.json aws_elasticache_replication_group.redis_replication-group',
    ]);
    expect(where('secret-rotation')).toEqual([
      'terraform/prod-data/cdk.tf.json aws_secretsmanager_secret_rotation.secrets_postgres-app-rotation',
    ]);
    expect(where('frontend-tti')).toEqual([
      'terraform/prod-edge/cdk.tf.json aws_cloudfront_distribution.cdn_distribution',
    ]);
    expect(where('registry-retention')).toHaveLength(11);
    expect(where('rpo')).toEqual([
      'terraform/prod-data/cdk.tf.json aws_db_instance.postgres_primary',
      'terraform/prod-data/cdk.tf.json aws_elasticache_replication_group.redis_replication-group',
      'terraform/prod-data/cdk.tf.json aws_opensearch_domain.opensearch_domain',
      'terraform/prod-data/cdk.tf.json aws_s3_bucket_replication_configuration.storage_analytics-exports-replication_configuration',
      'terraform/prod-data/cdk.tf.json aws_s3_bucket_replication_configuration.storage_assets-replication_configuration',
      'terraform/prod-data/cdk.tf.json aws_s3_bucket_replication_configuration.storage_backups-replication_configuration',
    ]);
    expect(where('tls-minimum')).toEqual([
      'terraform/prod-data/cdk.tf.json aws_db_instance.postgres_primary',
      'terraform/prod-data/cdk.tf.json aws_db_parameter_group.postgres_parameters',
      'terraform/prod-data/cdk.tf.json aws_opensearch_domain.opensearch_domain',
      'terraform/prod-edge/cdk.tf.json aws_cloudfront_distribution.cdn_distribution',
    ]);
    for (const entry of entries) {
      const stack = JSON.parse(files.find((f) => f.path === entry.file)!.content) as {
        resource: Record<string, Record<string, unknown>>;
      };
      const [type, name] = [
        entry.object.slice(0, entry.object.indexOf('.')),
        entry.object.slice(entry.object.indexOf('.') + 1),
      ];
      expect(stack.resource[type]?.[name], `${entry.file} ${entry.object}`).toBeDefined();
    }
    const sorted = [...entries].sort(
      (a, b) =>
        a.nfr.localeCompare(b.nfr) || a.file.localeCompare(b.file) || a.object.localeCompare(b.object),
    );
    expect(entries).toEqual(sorted);
  });

  it('has no Redis snapshot entry in dev, where Redis runs in the cluster', async () => {
    const { entries } = await terraformFiles('dev');
    expect(entries.filter((e) => e.nfr === 'redis-snapshot-interval')).toEqual([]);
    expect(entries.filter((e) => e.nfr === 'postgres-read-capacity')).toHaveLength(1);
  });
});
