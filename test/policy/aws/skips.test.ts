// When a rule does not apply it says so with "skipped" and a reason, as kube-score's skipped checks do;
// a skip must never hide a resource the rule is meant to judge.
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { fixtureKmsKey, policyJson } from './fixtures';
import { awsRules } from './rules';
import type { BlocksByType } from './types';

function findingsOf(ruleId: string, resource: BlocksByType) {
  const rule = awsRules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return evaluate([{ env: 'prod', stack: 'prod-data', document: { resource } }], [rule]).map((f) => [
    f.address,
    f.status,
    f.message,
  ]);
}

describe('skipped findings', () => {
  it.each([
    [
      'rds-iam-authentication',
      { aws_db_instance: { reports: { engine: 'sqlserver-se' } } },
      [
        'aws_db_instance.reports',
        'skipped',
        'engine "sqlserver-se" does not support IAM database authentication',
      ],
    ],
    [
      'rds-postgres-force-ssl',
      { aws_db_instance: { legacy: { engine: 'mysql' } } },
      ['aws_db_instance.legacy', 'skipped', 'engine "mysql" is not PostgreSQL'],
    ],
    [
      'rds-backup-retention',
      { aws_db_instance: { replica: { replicate_source_db: 'skillforge-prod-postgres' } } },
      [
        'aws_db_instance.replica',
        'skipped',
        'read replica (replicate_source_db is set): backups are taken on the source',
      ],
    ],
    [
      'elasticache-snapshot-retention',
      { aws_elasticache_replication_group: { sessions: { engine: 'memcached' } } },
      ['aws_elasticache_replication_group.sessions', 'skipped', 'memcached has no snapshots'],
    ],
    [
      'kms-key-rotation',
      {
        aws_kms_key: {
          signing: {
            ...fixtureKmsKey,
            enable_key_rotation: false,
            customer_master_key_spec: 'ECC_NIST_P256',
          },
        },
      },
      ['aws_kms_key.signing', 'skipped', 'key spec "ECC_NIST_P256" cannot rotate automatically'],
    ],
    [
      'iam-irsa-trust-policy',
      {
        aws_iam_role: {
          cluster: {
            assume_role_policy: policyJson({
              Effect: 'Allow',
              Principal: { Service: 'eks.amazonaws.com' },
              Action: 'sts:AssumeRole',
            }),
          },
        },
      },
      ['aws_iam_role.cluster', 'skipped', 'not a web-identity (IRSA) role'],
    ],
  ])('%s skips what it cannot judge, with the reason', (ruleId, resource, expected) => {
    expect(findingsOf(ruleId, resource)).toEqual([expected]);
  });

  it('judges an instance whose engine is an unresolved token instead of skipping it', () => {
    expect(
      findingsOf('rds-iam-authentication', { aws_db_instance: { primary: { engine: '${var.engine}' } } }),
    ).toEqual([
      ['aws_db_instance.primary', 'failed', 'iam_database_authentication_enabled is not set (expected true)'],
    ]);
  });

  it('fails a web-identity role whose trust policy cannot be read instead of skipping it', () => {
    expect(
      findingsOf('iam-irsa-trust-policy', { aws_iam_role: { api: { assume_role_policy: '${var.trust}' } } }),
    ).toEqual([
      ['aws_iam_role.api', 'failed', 'assume_role_policy: policy is the unresolved token ${var.trust}'],
    ]);
  });
});
