// RDS for PostgreSQL: attribute rules on aws_db_instance (checkov RDS*/DBInstance*, trivy aws/rds).
import {
  between,
  expectAttribute,
  expectNonEmptyList,
  expectSet,
  failed,
  isTrue,
  notTrue,
  oneOf,
  skipped,
} from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn, ref } from '../fixtures';
import type { Attributes, Fixture, Resource, Rule } from '../types';
import { asStrings, lookup } from '../values';

export const compliantDbInstance: Attributes = {
  identifier: 'skillforge-prod-postgres',
  engine: 'postgres',
  engine_version: '16.4',
  instance_class: 'db.r6g.large',
  storage_encrypted: true,
  kms_key_id: fixtureKmsKeyArn,
  publicly_accessible: false,
  multi_az: true,
  deletion_protection: true,
  backup_retention_period: 14,
  iam_database_authentication_enabled: true,
  monitoring_interval: 60,
  monitoring_role_arn: 'arn:aws:iam::111122223333:role/rds-monitoring',
  performance_insights_enabled: true,
  performance_insights_kms_key_id: fixtureKmsKeyArn,
  enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
  ca_cert_identifier: 'rds-ca-rsa2048-g1',
  auto_minor_version_upgrade: true,
  copy_tags_to_snapshot: true,
  parameter_group_name: ref('aws_db_parameter_group', 'postgres', 'name'),
};

export const compliantParameterGroup: Attributes = {
  name: 'skillforge-prod-postgres16',
  family: 'postgres16',
  parameter: [
    { name: 'rds.force_ssl', value: '1' },
    { name: 'log_statement', value: 'ddl' },
    { name: 'log_min_duration_statement', value: '500' },
  ],
};

/** A data stack: the key, the parameter group and one instance. */
export function dbStack(instance: Attributes, parameterGroup: Attributes = compliantParameterGroup) {
  return {
    aws_kms_key: { data: fixtureKmsKey },
    aws_db_parameter_group: { postgres: parameterGroup },
    aws_db_instance: { primary: instance },
  };
}

const compliant = [fixture('compliant PostgreSQL instance', dbStack(compliantDbInstance))];

/** The bad fixtures most attribute rules need: the attribute set wrong, and the attribute left out. */
function wrongAndMissing(attribute: string, wrong: unknown): Fixture[] {
  return [
    fixture(
      `${attribute} = ${JSON.stringify(wrong)}`,
      dbStack(change(compliantDbInstance, { [attribute]: wrong })),
    ),
    fixture(`${attribute} missing`, dbStack(change(compliantDbInstance, { [attribute]: undefined }))),
  ];
}

/** Only a literal non-PostgreSQL engine counts as "not PostgreSQL"; an unknown engine is judged (fail closed). */
function isPostgres(resource: Resource): boolean {
  const engine = lookup(resource.values, 'engine');
  return !(
    engine.kind === 'value' &&
    typeof engine.value === 'string' &&
    !engine.value.startsWith('postgres')
  );
}

export const rdsRules: readonly Rule[] = [
  {
    id: 'rds-storage-encrypted',
    checkIds: ['CKV_AWS_16', 'AVD-AWS-0080'],
    resourceTypes: ['aws_db_instance'],
    severity: 'high',
    description: 'Instance storage, snapshots and backups are encrypted (storage_encrypted = true).',
    check: (r) => expectAttribute(r, 'storage_encrypted', isTrue),
    good: compliant,
    bad: [
      ...wrongAndMissing('storage_encrypted', false),
      fixture(
        'storage_encrypted from a variable',
        dbStack(change(compliantDbInstance, { storage_encrypted: '${var.encrypted}' })),
      ),
    ],
  },
  {
    id: 'rds-not-publicly-accessible',
    checkIds: ['CKV_AWS_17', 'AVD-AWS-0180'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    severity: 'critical',
    description: 'The database gets no public IP (publicly_accessible is not true; unset means false).',
    check: (r) => expectAttribute(r, 'publicly_accessible', notTrue),
    good: [
      ...compliant,
      fixture(
        'publicly_accessible unset',
        dbStack(change(compliantDbInstance, { publicly_accessible: undefined })),
      ),
    ],
    bad: [
      fixture(
        'publicly_accessible = true',
        dbStack(change(compliantDbInstance, { publicly_accessible: true })),
      ),
    ],
  },
  {
    id: 'rds-multi-az',
    checkIds: ['CKV_AWS_157'],
    resourceTypes: ['aws_db_instance'],
    severity: 'medium',
    description:
      'A synchronous standby in a second AZ (multi_az = true) keeps the AZ-failure RTO at minutes.',
    check: (r) => expectAttribute(r, 'multi_az', isTrue),
    good: compliant,
    bad: wrongAndMissing('multi_az', false),
  },
  {
    id: 'rds-deletion-protection',
    checkIds: ['CKV_AWS_293', 'AVD-AWS-0177'],
    resourceTypes: ['aws_db_instance'],
    severity: 'high',
    description: 'The API refuses to delete the instance (deletion_protection = true).',
    check: (r) => expectAttribute(r, 'deletion_protection', isTrue),
    good: compliant,
    bad: wrongAndMissing('deletion_protection', false),
  },
  {
    id: 'rds-backup-retention',
    checkIds: ['CKV_AWS_133', 'AVD-AWS-0077'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
    severity: 'high',
    description:
      'Automated backups (and so PITR) are kept 7 to 35 days; our bar is stricter than checkov (1) and trivy (2). ' +
      'Read replicas are skipped, as trivy does: their backups are the source database.',
    check: (r) =>
      lookup(r.values, 'replicate_source_db').kind !== 'missing'
        ? skipped('read replica (replicate_source_db is set): backups are taken on the source')
        : expectAttribute(r, 'backup_retention_period', between(7, 35)),
    good: [
      ...compliant,
      // The replica is skipped; the primary next to it still has to pass.
      fixture('primary plus a read replica without its own retention', {
        ...dbStack(compliantDbInstance),
        aws_db_instance: {
          primary: compliantDbInstance,
          replica: change(compliantDbInstance, {
            backup_retention_period: undefined,
            replicate_source_db: ref('aws_db_instance', 'primary', 'identifier'),
          }),
        },
      }),
    ],
    bad: [
      ...wrongAndMissing('backup_retention_period', 1),
      fixture(
        'backups disabled (0 days)',
        dbStack(change(compliantDbInstance, { backup_retention_period: 0 })),
      ),
    ],
  },
  {
    id: 'rds-iam-authentication',
    checkIds: ['CKV_AWS_161', 'AVD-AWS-0176'],
    resourceTypes: ['aws_db_instance'],
    severity: 'medium',
    description:
      'IAM database authentication is on (iam_database_authentication_enabled = true); like checkov, only ' +
      'PostgreSQL and MySQL engines are judged.',
    check: (r) => {
      const engine = lookup(r.values, 'engine');
      if (
        engine.kind === 'value' &&
        typeof engine.value === 'string' &&
        !/^(postgres|mysql)/.test(engine.value)
      ) {
        return skipped(`engine ${JSON.stringify(engine.value)} does not support IAM database authentication`);
      }
      return expectAttribute(r, 'iam_database_authentication_enabled', isTrue);
    },
    good: compliant,
    bad: wrongAndMissing('iam_database_authentication_enabled', false),
  },
  {
    id: 'rds-enhanced-monitoring',
    checkIds: ['CKV_AWS_118'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    severity: 'low',
    description: 'Enhanced monitoring runs (monitoring_interval is one of 1, 5, 10, 15, 30, 60 seconds).',
    check: (r) => expectAttribute(r, 'monitoring_interval', oneOf([1, 5, 10, 15, 30, 60])),
    good: compliant,
    bad: wrongAndMissing('monitoring_interval', 0),
  },
  {
    id: 'rds-performance-insights',
    checkIds: ['CKV_AWS_353', 'AVD-AWS-0133'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    severity: 'low',
    description: 'Performance Insights is enabled (performance_insights_enabled = true).',
    check: (r) => expectAttribute(r, 'performance_insights_enabled', isTrue),
    good: compliant,
    bad: wrongAndMissing('performance_insights_enabled', false),
  },
  {
    id: 'rds-performance-insights-cmk',
    checkIds: ['CKV_AWS_354', 'AVD-AWS-0078'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    severity: 'medium',
    description:
      'Performance Insights data is encrypted with our KMS key (performance_insights_kms_key_id set).',
    check: (r, ctx) => expectSet(r, ctx, 'performance_insights_kms_key_id'),
    good: compliant,
    bad: [
      fixture(
        'performance_insights_kms_key_id missing',
        dbStack(change(compliantDbInstance, { performance_insights_kms_key_id: undefined })),
      ),
      fixture(
        'performance_insights_kms_key_id from a variable',
        dbStack(change(compliantDbInstance, { performance_insights_kms_key_id: '${var.pi_key}' })),
      ),
    ],
  },
  {
    id: 'rds-log-exports',
    checkIds: ['CKV_AWS_129'],
    resourceTypes: ['aws_db_instance'],
    severity: 'medium',
    description:
      'Database logs are exported to CloudWatch (enabled_cloudwatch_logs_exports non-empty; for PostgreSQL it must ' +
      'include "postgresql", the log that holds connections, errors and slow queries).',
    check: (r) => {
      const listed = expectNonEmptyList(r, 'enabled_cloudwatch_logs_exports');
      if (listed.status === 'failed' || !isPostgres(r)) return listed;
      const exports = asStrings(r.values['enabled_cloudwatch_logs_exports']) ?? [];
      return exports.includes('postgresql')
        ? listed
        : failed(
            `enabled_cloudwatch_logs_exports is ${JSON.stringify(exports)} (expected it to include "postgresql")`,
          );
    },
    good: compliant,
    bad: [
      ...wrongAndMissing('enabled_cloudwatch_logs_exports', []),
      fixture(
        'only the upgrade log',
        dbStack(change(compliantDbInstance, { enabled_cloudwatch_logs_exports: ['upgrade'] })),
      ),
    ],
  },
  {
    id: 'rds-ca-certificate',
    checkIds: ['CKV_AWS_211'],
    resourceTypes: ['aws_db_instance'],
    severity: 'medium',
    description:
      'The server certificate comes from a current CA (rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1).',
    check: (r) =>
      expectAttribute(
        r,
        'ca_cert_identifier',
        oneOf(['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1']),
      ),
    good: compliant,
    bad: wrongAndMissing('ca_cert_identifier', 'rds-ca-2019'),
  },
  {
    id: 'rds-auto-minor-version-upgrade',
    checkIds: ['CKV_AWS_226'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    severity: 'low',
    description:
      'Minor engine upgrades are applied in the maintenance window; set explicitly, as checkov requires.',
    check: (r) => expectAttribute(r, 'auto_minor_version_upgrade', isTrue),
    good: compliant,
    bad: wrongAndMissing('auto_minor_version_upgrade', false),
  },
  {
    id: 'rds-copy-tags-to-snapshot',
    checkIds: ['CKV2_AWS_60'],
    resourceTypes: ['aws_db_instance'],
    severity: 'low',
    description:
      'Snapshots carry the instance tags (copy_tags_to_snapshot = true), so ownership and data class follow them.',
    check: (r) => expectAttribute(r, 'copy_tags_to_snapshot', isTrue),
    good: compliant,
    bad: wrongAndMissing('copy_tags_to_snapshot', false),
  },
];
