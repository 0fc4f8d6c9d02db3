// Every resource that holds data or identity survives a careless destroy: the provider's deletion protection
// where AWS offers one, Terraform's prevent_destroy everywhere else.
import { describe, expect, it } from 'vitest';
import { terraformLayers } from '../../constructs/contracts';
import { environments, resources } from './synthesized';

const DELETION_PROTECTION = ['aws_db_instance', 'aws_eks_cluster'];
const PREVENT_DESTROY = [
  'aws_elasticache_replication_group',
  'aws_opensearch_domain',
  'aws_msk_cluster',
  'aws_s3_bucket',
  'aws_kms_key',
  'aws_ecr_repository',
];

describe('stateful resources', () => {
  it.each(environments)(
    '%s protects every database, cluster, cache, domain, broker, bucket, key and registry',
    (name) => {
      const unprotected: string[] = [];
      let seen = 0;
      for (const layer of ['bootstrap', ...terraformLayers]) {
        for (const type of [...DELETION_PROTECTION, ...PREVENT_DESTROY]) {
          for (const [id, values] of Object.entries(resources(name, layer, type))) {
            seen += 1;
            const lifecycle = values['lifecycle'] as { prevent_destroy?: boolean } | undefined;
            const ok = DELETION_PROTECTION.includes(type)
              ? values['deletion_protection'] === true
              : lifecycle?.prevent_destroy === true;
            if (!ok) unprotected.push(`${layer}/${type}.${id}`);
          }
        }
      }
      expect(unprotected).toEqual([]);
      expect(seen).toBeGreaterThan(20);
    },
  );
});
