// The destructive-change gate: removals, destroy/create pairs and forced replacements of stateful resources.
import { describe, expect, it } from 'vitest';
import { findDestructiveChanges, type Finding } from '../../scripts/review';
import {
  ASSETS_BUCKET,
  baseTree,
  deployment,
  POSTGRES_PRIMARY,
  statefulSet,
  tfResource,
  tfStack,
  treeDiffer,
  useTempDirs,
  type TreeFiles,
} from './fixtures';

const diffOf = treeDiffer(useTempDirs());

function findingsFor(head: TreeFiles, base: TreeFiles = baseTree()): Finding[] {
  return findDestructiveChanges(diffOf(base, head));
}

function withDataStack(resources: Record<string, Record<string, unknown>>): TreeFiles {
  return { ...baseTree(), 'prod/terraform/prod-data/cdk.tf.json': tfStack(resources) };
}

const SECURITY_GROUP = {
  db: tfResource('prod-data/postgres/security-group', { name: 'skillforge-prod-db', ingress: [] }),
};

function dataStackWith(
  postgres: Record<string, unknown>,
  bucket: Record<string, unknown> = ASSETS_BUCKET,
): TreeFiles {
  return withDataStack({
    aws_db_instance: { postgres_primary: tfResource('prod-data/postgres/primary', postgres) },
    aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', bucket) },
    aws_security_group: SECURITY_GROUP,
  });
}

describe('findDestructiveChanges', () => {
  it('reports a changed construct id as a destroy/create pair naming both addresses', () => {
    const head = withDataStack({
      aws_db_instance: { postgres_main: tfResource('prod-data/postgres/main', POSTGRES_PRIMARY) },
      aws_s3_bucket: { assets: tfResource('prod-data/assets/bucket', ASSETS_BUCKET) },
      aws_security_group: SECURITY_GROUP,
    });
    expect(findingsFor(head)).toEqual([
      {
        env: 'prod',
        layer: 'terraform',
        kind: 'rename',
        address: 'prod-data/aws_db_instance.postgres_primary',
        newAddress: 'prod-data/aws_db_instance.postgres_main',
        resourceType: 'aws_db_instance',
        constructPaths: { before: 'prod-data/postgres/primary', after: 'prod-data/postgres/main' },
        attributes: [],
        gated: true,
        source: 'table',
      },
    ]);
  });

  it('pairs a move to another stack by its construct-path leaf even when attributes changed', () => {
    const head: TreeFiles = {
      ...dataStackWith(POSTGRES_PRIMARY),
      'prod/terraform/prod-storage/cdk.tf.json': tfStack({
        aws_s3_bucket: {
          assets: tfResource('prod-storage/assets/bucket', {
            bucket: 'skillforge-prod-assets',
            acl: 'private',
            force_destroy: true,
          }),
        },
      }),
    };
    head['prod/terraform/prod-data/cdk.tf.json'] = tfStack({
      aws_db_instance: { postgres_primary: tfResource('prod-data/postgres/primary', POSTGRES_PRIMARY) },
      aws_security_group: SECURITY_GROUP,
    });
    expect(findingsFor(head).map((finding) => [finding.kind, finding.address, finding.newAddress])).toEqual([
      ['rename', 'prod-data/aws_s3_bucket.assets', 'prod-storage/aws_s3_bucket.assets'],
    ]);
  });

  it('reports an attribute that forces replacement, with its values and the provider page', () => {
    const [finding] = findingsFor(
      dataStackWith(POSTGRES_PRIMARY, { ...ASSETS_BUCKET, bucket: 'skillforge-assets' }),
    );
    expect(finding).toMatchObject({ kind: 'replacement', address: 'prod-data/aws_s3_bucket.assets' });
    expect(finding.attributes).toEqual([
      {
        path: 'bucket',
        change: {
          path: 'bucket',
          change: 'changed',
          before: 'skillforge-prod-assets',
          after: 'skillforge-assets',
        },
        effect: 'forces replacement',
        citation: 'https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/s3_bucket',
        note: undefined,
      },
    ]);
  });

  it('flags a DB instance identifier change as the endpoint-moving rename it has been since provider 5.0', () => {
    const [finding] = findingsFor(dataStackWith({ ...POSTGRES_PRIMARY, identifier: 'skillforge-prod-pg' }));
    expect(finding.kind).toBe('replacement');
    expect(finding.attributes.map((attribute) => [attribute.path, attribute.effect])).toEqual([
      [
        'identifier',
        'renames the DB instance in place; its endpoint hostname changes and every client must follow',
      ],
    ]);
  });

  it('lists every replacing attribute of one resource in one finding', () => {
    const head = dataStackWith({
      ...POSTGRES_PRIMARY,
      engine: 'mysql',
      username: 'admin',
      storage_encrypted: false,
    });
    const [finding] = findingsFor(head);
    expect(finding.attributes.map((attribute) => attribute.path)).toEqual([
      'engine',
      'storage_encrypted',
      'username',
    ]);
  });

  it('does not flag dropping an Optional+Computed attribute (the running value stays), but flags setting one', () => {
    const pinnedZone = dataStackWith({ ...POSTGRES_PRIMARY, availability_zone: 'eu-west-1a' });
    expect(findingsFor(dataStackWith(POSTGRES_PRIMARY), pinnedZone)).toEqual([]);
    expect(findingsFor(pinnedZone, dataStackWith(POSTGRES_PRIMARY))).toHaveLength(1);
  });

  it('does not flag in-place changes of stateful resources nor any change of stateless ones', () => {
    const head = withDataStack({
      aws_db_instance: {
        postgres_primary: tfResource('prod-data/postgres/primary', {
          ...POSTGRES_PRIMARY,
          instance_class: 'db.r6g.xlarge',
          allocated_storage: 200,
        }),
      },
      aws_s3_bucket: {
        assets: tfResource('prod-data/assets/bucket', { ...ASSETS_BUCKET, force_destroy: true }),
      },
    });
    head['prod/k8s/search/Deployment.search-api.yaml'] = deployment(
      'search-api',
      'registry/search-api:2.0.0',
      5,
    );
    head['prod/k8s/search/StatefulSet.opensearch.yaml'] = {
      ...statefulSet('opensearch'),
      spec: { ...(statefulSet('opensearch') as { spec: object }).spec, replicas: 5 },
    };
    expect(findingsFor(head)).toEqual([]);
  });

  it('does not treat a removed data source of a stateful type as destructive', () => {
    const base = withDataStack({}) as TreeFiles;
    base['prod/terraform/prod-data/cdk.tf.json'] = tfStack(
      {},
      { data: { aws_s3_bucket: { shared: { bucket: 'shared' } } } },
    );
    const head = { ...base, 'prod/terraform/prod-data/cdk.tf.json': tfStack({}) };
    expect(findingsFor(head, base)).toEqual([]);
  });

  it('notes prevent_destroy on a removed resource, which no longer protects it once its block is gone', () => {
    const protectedKey = { key_usage: 'ENCRYPT_DECRYPT', lifecycle: { prevent_destroy: true } };
    const base = withDataStack({ aws_kms_key: { data: tfResource('prod-data/data-key/key', protectedKey) } });
    const [finding] = findingsFor(withDataStack({}), base);
    expect(finding).toMatchObject({
      kind: 'removal',
      address: 'prod-data/aws_kms_key.data',
      preventDestroy: true,
    });
  });

  it('reports the removal of a StatefulSet, a PersistentVolumeClaim and a Namespace', () => {
    const extra: TreeFiles = {
      'prod/k8s/search/PersistentVolumeClaim.snapshots.yaml': {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'snapshots' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
      },
      'prod/k8s/search/Namespace.search.yaml': {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'search' },
      },
    };
    const head = baseTree();
    delete head['prod/k8s/search/StatefulSet.opensearch.yaml'];
    const findings = findingsFor(head, { ...baseTree(), ...extra });
    expect(findings.map((finding) => [finding.kind, finding.address])).toEqual([
      ['removal', 'search/Namespace/search'],
      ['removal', 'search/PersistentVolumeClaim/snapshots'],
      ['removal', 'search/StatefulSet/opensearch'],
    ]);
  });

  it('reports immutable StatefulSet fields such as volumeClaimTemplates as a replacement', () => {
    const head = {
      ...baseTree(),
      'prod/k8s/search/StatefulSet.opensearch.yaml': statefulSet('opensearch', '100Gi'),
    };
    const [finding] = findingsFor(head);
    expect(finding).toMatchObject({
      kind: 'replacement',
      address: 'search/StatefulSet/opensearch',
      layer: 'kubernetes',
    });
    expect(finding.attributes.map((attribute) => attribute.path)).toEqual([
      'spec.volumeClaimTemplates[metadata.name=data].spec.resources.requests.storage',
    ]);
  });

  it('pairs a renamed StatefulSet with its replacement as a destroy/create pair', () => {
    const head = baseTree();
    delete head['prod/k8s/search/StatefulSet.opensearch.yaml'];
    head['prod/k8s/search/StatefulSet.opensearch-v2.yaml'] = {
      ...statefulSet('opensearch'),
      metadata: { name: 'opensearch-v2', namespace: 'search' },
    };
    expect(findingsFor(head).map((finding) => [finding.kind, finding.address, finding.newAddress])).toEqual([
      ['rename', 'search/StatefulSet/opensearch', 'search/StatefulSet/opensearch-v2'],
    ]);
  });
});
