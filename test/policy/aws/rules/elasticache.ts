// ElastiCache for Redis/Valkey replication groups (checkov Elasticache*, trivy aws/elasticache).
import { allOf, atLeast, expectAttribute, expectSet, failed, isTrue, passed, skipped } from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn, ref } from '../fixtures';
import type { Attributes, Fixture, Rule } from '../types';
import { asStrings, lookup } from '../values';

const TYPE = 'aws_elasticache_replication_group';

const compliantGroup: Attributes = {
  replication_group_id: 'skillforge-prod-cache',
  description: 'session and rate-limit cache',
  engine: 'redis',
  engine_version: '7.1',
  node_type: 'cache.r7g.large',
  num_cache_clusters: 2,
  automatic_failover_enabled: true,
  multi_az_enabled: true,
  // Provider 6.x types this attribute as a string; Terraform accepts either form.
  at_rest_encryption_enabled: 'true',
  transit_encryption_enabled: true,
  user_group_ids: [ref('aws_elasticache_user_group', 'app', 'user_group_id')],
  kms_key_id: fixtureKmsKeyArn,
  snapshot_retention_limit: 7,
};

function cacheStack(group: Attributes) {
  return {
    aws_kms_key: { data: fixtureKmsKey },
    aws_elasticache_user_group: {
      app: { engine: 'redis', user_group_id: 'skillforge-app', user_ids: ['default-disabled'] },
    },
    [TYPE]: { cache: group },
  };
}

const compliant = [fixture('compliant replication group', cacheStack(compliantGroup))];

function wrongAndMissing(attribute: string, wrong: unknown): Fixture[] {
  return [
    fixture(
      `${attribute} = ${JSON.stringify(wrong)}`,
      cacheStack(change(compliantGroup, { [attribute]: wrong })),
    ),
    fixture(`${attribute} missing`, cacheStack(change(compliantGroup, { [attribute]: undefined }))),
  ];
}

export const elasticacheRules: readonly Rule[] = [
  {
    id: 'elasticache-at-rest-encryption',
    checkIds: ['CKV_AWS_29', 'AVD-AWS-0045'],
    resourceTypes: [TYPE],
    severity: 'high',
    description: 'Data on disk and in backups is encrypted (at_rest_encryption_enabled = true).',
    check: (r) => expectAttribute(r, 'at_rest_encryption_enabled', isTrue),
    good: [
      ...compliant,
      fixture('boolean true', cacheStack(change(compliantGroup, { at_rest_encryption_enabled: true }))),
    ],
    bad: wrongAndMissing('at_rest_encryption_enabled', 'false'),
  },
  {
    id: 'elasticache-transit-encryption',
    checkIds: ['CKV_AWS_30', 'AVD-AWS-0051'],
    resourceTypes: [TYPE],
    severity: 'high',
    description:
      'Clients must use TLS (transit_encryption_enabled = true, and transit_encryption_mode not "preferred", ' +
      'which still accepts plaintext connections).',
    check: (r) => {
      const enabled = expectAttribute(r, 'transit_encryption_enabled', isTrue);
      const mode = lookup(r.values, 'transit_encryption_mode');
      if (enabled.status === 'passed' && mode.kind === 'value' && mode.value === 'preferred') {
        return failed(
          'transit_encryption_mode is "preferred", which still accepts plaintext (expected "required")',
        );
      }
      return enabled;
    },
    good: [
      ...compliant,
      fixture('mode required', cacheStack(change(compliantGroup, { transit_encryption_mode: 'required' }))),
    ],
    bad: [
      ...wrongAndMissing('transit_encryption_enabled', false),
      fixture('mode preferred', cacheStack(change(compliantGroup, { transit_encryption_mode: 'preferred' }))),
    ],
  },
  {
    id: 'elasticache-auth',
    checkIds: ['CKV_AWS_31'],
    resourceTypes: [TYPE],
    severity: 'high',
    description: 'Clients authenticate: TLS is on and either auth_token or RBAC user_group_ids is set.',
    check: (r, ctx) => {
      const transit = expectAttribute(r, 'transit_encryption_enabled', isTrue);
      const groups = asStrings(r.values['user_group_ids']) ?? [];
      const token = expectSet(r, ctx, 'auth_token');
      const auth =
        groups.length > 0
          ? passed(`user_group_ids is ${JSON.stringify(groups)}`)
          : token.status === 'passed'
            ? token
            : failed('neither auth_token nor user_group_ids is set');
      return allOf(transit, auth);
    },
    good: [
      ...compliant,
      fixture('AUTH token instead of RBAC', {
        ...cacheStack(
          change(compliantGroup, {
            user_group_ids: undefined,
            auth_token: ref('aws_secretsmanager_secret_version', 'cache_auth', 'secret_string'),
          }),
        ),
        aws_secretsmanager_secret_version: { cache_auth: { secret_id: 'skillforge-prod/cache-auth' } },
      }),
    ],
    bad: [
      fixture('no authentication', cacheStack(change(compliantGroup, { user_group_ids: undefined }))),
      fixture('RBAC without TLS', cacheStack(change(compliantGroup, { transit_encryption_enabled: false }))),
    ],
  },
  {
    id: 'elasticache-cmk',
    checkIds: ['CKV_AWS_191'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description: 'At-rest encryption uses our KMS key (kms_key_id set), not the AWS-owned default.',
    check: (r, ctx) => expectSet(r, ctx, 'kms_key_id'),
    good: compliant,
    bad: [fixture('kms_key_id missing', cacheStack(change(compliantGroup, { kms_key_id: undefined })))],
  },
  {
    id: 'elasticache-automatic-failover',
    checkIds: ['CKV2_AWS_50'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description:
      'A replica in another AZ takes over on its own (automatic_failover_enabled and multi_az_enabled = true).',
    check: (r) =>
      allOf(
        expectAttribute(r, 'automatic_failover_enabled', isTrue),
        expectAttribute(r, 'multi_az_enabled', isTrue),
      ),
    good: compliant,
    bad: [
      ...wrongAndMissing('automatic_failover_enabled', false),
      ...wrongAndMissing('multi_az_enabled', false),
    ],
  },
  {
    id: 'elasticache-snapshot-retention',
    checkIds: ['AVD-AWS-0050'],
    resourceTypes: [TYPE],
    severity: 'medium',
    description:
      'Daily automatic snapshots are kept (snapshot_retention_limit > 0). checkov has this only for ' +
      'aws_elasticache_cluster (CKV_AWS_134), so the replication-group form is ours, as trivy checks it.',
    check: (r) => {
      const engine = lookup(r.values, 'engine');
      if (engine.kind === 'value' && engine.value === 'memcached')
        return skipped('memcached has no snapshots');
      return expectAttribute(r, 'snapshot_retention_limit', atLeast(1));
    },
    good: compliant,
    bad: wrongAndMissing('snapshot_retention_limit', 0),
  },
];
