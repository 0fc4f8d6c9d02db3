// The replacement table (scripts/review/replacement/aws-provider-6.25.json): its shape, its citations, the
// triggers that decide when an attribute change replaces a resource, and the page that documents it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INJECTED_REGION,
  providerDocsUrl,
  REPLACEMENT_TABLE,
  replacementEntry,
  replacingAttributes,
  schemaUrl,
} from '../../scripts/review/replacement-registry';
import {
  disruptiveChangeTable,
  injectedRegionLine,
  kubernetesReplacementTable,
  terraformReplacementTable,
} from '../../scripts/review/replacement-table';
import {
  compareVersions,
  majorVersion,
  resolvePath,
  triggersReplacement,
  type TriggerAttribute,
} from '../../scripts/review/replacement-triggers';
import { STATEFUL_KUBERNETES_KINDS } from '../../scripts/review/stateful-registry';

function attribute(type: string, path: string): TriggerAttribute {
  const entry = replacementEntry(type);
  const found = entry && replacingAttributes(entry).find((item) => item.path === path);
  if (!found) throw new Error(`${type}.${path} is not in the table`);
  return found;
}

describe('replacement table', () => {
  it('gates exactly the types that hold data or identity, and the network beneath them', () => {
    const gated = REPLACEMENT_TABLE.filter((entry) => entry.protects).map(
      (entry) => `${entry.type}:${entry.protects}`,
    );
    expect(gated.sort()).toEqual([
      'aws_db_instance:data',
      'aws_db_subnet_group:placement',
      'aws_eks_cluster:identity',
      'aws_elasticache_replication_group:data',
      'aws_elasticache_subnet_group:placement',
      'aws_kms_key:identity',
      'aws_msk_cluster:data',
      'aws_opensearch_domain:data',
      'aws_rds_cluster:data',
      'aws_route53_zone:identity',
      'aws_s3_bucket:data',
      'aws_secretsmanager_secret:identity',
      'aws_subnet:placement',
      'aws_vpc:placement',
    ]);
    expect(STATEFUL_KUBERNETES_KINDS.map((entry) => entry.kind)).toEqual([
      'StatefulSet',
      'PersistentVolumeClaim',
      'Namespace',
    ]);
  });

  it('lists each type once and each attribute of a type once', () => {
    const types = REPLACEMENT_TABLE.map((entry) => entry.type);
    expect(new Set(types).size).toBe(types.length);
    for (const entry of REPLACEMENT_TABLE) {
      const paths = replacingAttributes(entry).map((item) => item.path);
      expect(new Set(paths).size, entry.type).toBe(paths.length);
    }
  });

  it('cites the 6.25.0 page of every type, and the schema commit where it was read', () => {
    expect(providerDocsUrl('aws_elasticache_replication_group')).toBe(
      'https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/elasticache_replication_group',
    );
    expect(schemaUrl(replacementEntry('aws_vpc')!)).toBe(
      'https://github.com/hashicorp/terraform-provider-aws/blob/00081ce41cc691433ac19bf42227cdabffd0454d/internal/service/ec2/vpc_.go',
    );
    for (const entry of REPLACEMENT_TABLE)
      expect(entry.schema.file, entry.type).toMatch(/^internal\/service\/.+\.go$/);
  });

  it('adds the injected region argument to regional types only', () => {
    expect(INJECTED_REGION.path).toBe('region');
    expect(replacingAttributes(replacementEntry('aws_subnet')!).map((item) => item.path)).toContain('region');
    expect(replacingAttributes(replacementEntry('aws_iam_role')!).map((item) => item.path)).not.toContain(
      'region',
    );
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
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'review.md'), 'utf8');

  it('holds the replacement, warning and Kubernetes tables exactly as the registry generates them', () => {
    const docs = tableRows(page);
    for (const table of [
      terraformReplacementTable(),
      disruptiveChangeTable(),
      kubernetesReplacementTable(),
    ]) {
      const rows = tableRows(table);
      const start = docs.indexOf(rows[0]);
      expect(start, 'table header').toBeGreaterThanOrEqual(0);
      expect(docs.slice(start, start + rows.length)).toEqual(rows);
    }
    expect(page.replace(/\s+/g, ' ')).toContain(injectedRegionLine());
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
    const on = { encrypt_at_rest: { enabled: true } };
    const off = { encrypt_at_rest: { enabled: false } };
    expect(triggersReplacement(encryption, on, off)).toBe(true);
    expect(triggersReplacement(encryption, off, on)).toBe(false);
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
    expect(compareVersions('OpenSearch_2.13', 'OpenSearch_2.9')).toBe(1);
  });

  it('replaces a non-Aurora RDS cluster on a storage type change, an Aurora one in place', () => {
    const storage = attribute('aws_rds_cluster', 'storage_type');
    const postgres = (type: string) => ({ engine: 'postgres', storage_type: type });
    const aurora = (type: string) => ({ engine: 'aurora-postgresql', storage_type: type });
    expect(triggersReplacement(storage, postgres('io1'), postgres('gp3'))).toBe(true);
    expect(triggersReplacement(storage, aurora('aurora'), aurora('aurora-iopt1'))).toBe(false);
  });

  it('replaces a replication group going from valkey back to redis, not from redis to valkey', () => {
    const engine = attribute('aws_elasticache_replication_group', 'engine');
    expect(triggersReplacement(engine, { engine: 'valkey' }, { engine: 'redis' })).toBe(true);
    expect(triggersReplacement(engine, { engine: 'redis' }, { engine: 'valkey' })).toBe(false);
  });

  it('takes the major part of a version as the table says', () => {
    expect(majorVersion('16.4')).toBe('16');
    expect(majorVersion('8.0.35', 2)).toBe('8.0');
    expect(majorVersion('OpenSearch_2.13')).toBe('OpenSearch_2');
  });
});
