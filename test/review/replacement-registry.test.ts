// The curated registry of stateful types and the triggers that decide when an attribute change replaces one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  resolvePath,
  triggersReplacement,
  type TriggerAttribute,
} from '../../scripts/review/replacement-triggers';
import {
  kubernetesReplacementTable,
  terraformReplacementTable,
} from '../../scripts/review/replacement-table';
import {
  providerDocsUrl,
  STATEFUL_KUBERNETES_KINDS,
  STATEFUL_TERRAFORM_TYPES,
  statefulTerraformType,
} from '../../scripts/review/stateful-registry';

function attribute(type: string, path: string): TriggerAttribute {
  const found = statefulTerraformType(type)?.attributes.find((entry) => entry.path === path);
  if (!found) throw new Error(`${type}.${path} is not in the registry`);
  return found;
}

describe('stateful registry', () => {
  it('protects every stateful Terraform type and Kubernetes kind of the platform', () => {
    expect(STATEFUL_TERRAFORM_TYPES.map((entry) => entry.type).sort()).toEqual([
      'aws_db_instance',
      'aws_eks_cluster',
      'aws_elasticache_replication_group',
      'aws_kms_key',
      'aws_msk_cluster',
      'aws_opensearch_domain',
      'aws_rds_cluster',
      'aws_s3_bucket',
      'aws_secretsmanager_secret',
    ]);
    expect(STATEFUL_KUBERNETES_KINDS.map((entry) => entry.kind)).toEqual([
      'StatefulSet',
      'PersistentVolumeClaim',
      'Namespace',
    ]);
  });

  it('builds citations from the provider version that @cdktf/provider-aws 21.22.1 bundles', () => {
    expect(providerDocsUrl('aws_elasticache_replication_group')).toBe(
      'https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/elasticache_replication_group',
    );
  });

  it('lists each attribute of a type once', () => {
    for (const entry of STATEFUL_TERRAFORM_TYPES) {
      const paths = entry.attributes.map((item) => item.path);
      expect(new Set(paths).size, entry.type).toBe(paths.length);
    }
  });

  it('includes the identity and encryption attributes reviewers expect', () => {
    for (const [type, path] of [
      ['aws_db_instance', 'kms_key_id'],
      ['aws_db_instance', 'storage_encrypted'],
      ['aws_s3_bucket', 'bucket'],
      ['aws_elasticache_replication_group', 'replication_group_id'],
      ['aws_elasticache_replication_group', 'at_rest_encryption_enabled'],
      ['aws_opensearch_domain', 'domain_name'],
      ['aws_eks_cluster', 'name'],
      ['aws_msk_cluster', 'cluster_name'],
    ]) {
      expect(() => attribute(type, path)).not.toThrow();
    }
  });
});

/** Table rows with cell padding and alignment dashes normalised, so Prettier's reformatting does not matter. */
function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/^:?-+:?$/, '-'))
        .join('|'),
    );
}

describe('docs/review.md', () => {
  it('holds the replacement tables exactly as the registry generates them', () => {
    const docs = tableRows(readFileSync(join(__dirname, '..', '..', 'docs', 'review.md'), 'utf8'));
    for (const table of [terraformReplacementTable(), kubernetesReplacementTable()]) {
      const rows = tableRows(table);
      const start = docs.indexOf(rows[0]);
      expect(start, 'table header').toBeGreaterThanOrEqual(0);
      expect(docs.slice(start, start + rows.length)).toEqual(rows);
    }
  });
});

describe('replacement triggers', () => {
  it('reads a block whether CDKTF wrote it as an object or as a one-element list', () => {
    expect(resolvePath({ encrypt_at_rest: { kms_key_id: 'a' } }, 'encrypt_at_rest.kms_key_id')).toBe('a');
    expect(resolvePath({ encrypt_at_rest: [{ kms_key_id: 'a' }] }, 'encrypt_at_rest.kms_key_id')).toBe('a');
    expect(resolvePath({}, 'encrypt_at_rest.kms_key_id')).toBeUndefined();
  });

  it('treats an omitted attribute as its provider default', () => {
    const keyUsage = attribute('aws_kms_key', 'key_usage');
    expect(triggersReplacement(keyUsage, { key_usage: 'ENCRYPT_DECRYPT' }, {})).toBe(false);
    expect(triggersReplacement(keyUsage, {}, { key_usage: 'SIGN_VERIFY' })).toBe(true);
  });

  it('replaces an OpenSearch domain when encryption is switched off, not when it is switched on', () => {
    const encryption = attribute('aws_opensearch_domain', 'encrypt_at_rest.enabled');
    expect(
      triggersReplacement(
        encryption,
        { encrypt_at_rest: { enabled: true } },
        { encrypt_at_rest: { enabled: false } },
      ),
    ).toBe(true);
    expect(
      triggersReplacement(
        encryption,
        { encrypt_at_rest: { enabled: false } },
        { encrypt_at_rest: { enabled: true } },
      ),
    ).toBe(false);
  });

  it('replaces an EKS cluster when envelope encryption is removed, not when it is added', () => {
    const encryption = attribute('aws_eks_cluster', 'encryption_config');
    const configured = { encryption_config: { provider: { key_arn: 'arn:key' }, resources: ['secrets'] } };
    expect(triggersReplacement(encryption, configured, {})).toBe(true);
    expect(triggersReplacement(encryption, {}, configured)).toBe(false);
  });

  it('replaces an MSK cluster on a Kafka downgrade only', () => {
    const version = attribute('aws_msk_cluster', 'kafka_version');
    expect(triggersReplacement(version, { kafka_version: '3.7.x' }, { kafka_version: '3.6.0' })).toBe(true);
    expect(triggersReplacement(version, { kafka_version: '3.6.0' }, { kafka_version: '3.7.x' })).toBe(false);
    expect(compareVersions('3.10.0', '3.9.1')).toBe(1);
  });

  it('replaces a non-Aurora RDS cluster on a storage type change, an Aurora one in place', () => {
    const storage = attribute('aws_rds_cluster', 'storage_type');
    expect(
      triggersReplacement(
        storage,
        { engine: 'postgres', storage_type: 'io1' },
        { engine: 'postgres', storage_type: 'gp3' },
      ),
    ).toBe(true);
    expect(
      triggersReplacement(
        storage,
        { engine: 'aurora-postgresql', storage_type: 'aurora' },
        { engine: 'aurora-postgresql', storage_type: 'aurora-iopt1' },
      ),
    ).toBe(false);
  });
});
