// Project rule: resources that hold data or identity cannot be destroyed by a careless apply.
import { failed, passed } from '../expect';
import { change, fixture } from '../fixtures';
import type { Attributes, Fixture, Rule } from '../types';
import { asBoolean, blocks, lookup, show } from '../values';

/**
 * Stateful types and the provider's own deletion-protection attribute (provider 6.x), where there is one.
 * Where the API offers protection we require it (it also stops console and CLI deletes); elsewhere the only
 * guard is Terraform's lifecycle.prevent_destroy.
 */
export const STATEFUL_TYPES: Readonly<Record<string, string | undefined>> = {
  aws_db_instance: 'deletion_protection',
  aws_rds_cluster: 'deletion_protection',
  aws_eks_cluster: 'deletion_protection',
  aws_elasticache_replication_group: undefined,
  aws_opensearch_domain: undefined,
  aws_s3_bucket: undefined,
  aws_kms_key: undefined,
  aws_msk_cluster: undefined,
};

const preventDestroy = { lifecycle: { prevent_destroy: true } };

const protectedResources: Readonly<Record<string, Attributes>> = {
  aws_db_instance: { identifier: 'skillforge-prod-postgres', deletion_protection: true },
  aws_rds_cluster: { cluster_identifier: 'skillforge-prod-aurora', deletion_protection: true },
  aws_eks_cluster: { name: 'skillforge-prod', deletion_protection: true },
  aws_elasticache_replication_group: { replication_group_id: 'skillforge-prod-cache', ...preventDestroy },
  aws_opensearch_domain: { domain_name: 'skillforge-prod-search', ...preventDestroy },
  aws_s3_bucket: { bucket: 'skillforge-prod-assets', force_destroy: false, ...preventDestroy },
  aws_kms_key: { description: 'data key', ...preventDestroy },
  aws_msk_cluster: { cluster_name: 'skillforge-prod-events', ...preventDestroy },
};

function stack(type: string, values: Attributes) {
  return {
    ...Object.fromEntries(Object.entries(protectedResources).map(([t, v]) => [t, { main: v }])),
    [type]: { main: values },
  };
}

function unprotected(type: string): Fixture {
  const attribute = STATEFUL_TYPES[type];
  const base = protectedResources[type] ?? {};
  const values =
    attribute === undefined ? change(base, { lifecycle: undefined }) : change(base, { [attribute]: false });
  return fixture(`unprotected ${type}`, stack(type, values));
}

export const statefulRules: readonly Rule[] = [
  {
    id: 'stateful-deletion-protection',
    checkIds: [],
    resourceTypes: Object.keys(STATEFUL_TYPES),
    severity: 'high',
    description:
      "Databases, caches, search domains, buckets, keys, clusters and brokers set the provider's " +
      'deletion_protection where it exists (RDS, EKS), and lifecycle.prevent_destroy = true elsewhere; buckets ' +
      'never set force_destroy.',
    check: (r) => {
      const attribute = STATEFUL_TYPES[r.type];
      if (attribute !== undefined) {
        const value = lookup(r.values, attribute);
        return value.kind === 'value' && asBoolean(value.value) === true
          ? passed(`${attribute} is true`)
          : failed(
              `${attribute} is ${value.kind === 'missing' ? 'not set' : value.kind === 'token' ? `the unresolved token ${value.text}` : show(value.value)} (expected true)`,
            );
      }
      if (r.type === 'aws_s3_bucket' && asBoolean(r.values['force_destroy']) === true) {
        return failed('force_destroy is true: a destroy would empty the bucket');
      }
      return asBoolean(blocks(r.values['lifecycle'])[0]?.['prevent_destroy']) === true
        ? passed('lifecycle.prevent_destroy is true')
        : failed(
            `the provider offers no deletion protection for ${r.type}: set lifecycle.prevent_destroy = true`,
          );
    },
    good: [
      fixture(
        'every stateful type protected',
        stack('aws_db_instance', protectedResources['aws_db_instance'] ?? {}),
      ),
    ],
    bad: [
      ...Object.keys(STATEFUL_TYPES).map(unprotected),
      fixture(
        'bucket that empties itself on destroy',
        stack('aws_s3_bucket', change(protectedResources['aws_s3_bucket'] ?? {}, { force_destroy: true })),
      ),
    ],
  },
];
