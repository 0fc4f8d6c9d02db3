// PostgreSQL on RDS (runbook §1.2, §3.3): a Multi-AZ primary and the read replicas the 3× read-capacity rule
// needs (postgresReplicaCount), encrypted with a customer-managed key, TLS enforced by the parameter group, PITR
// with the model's retention, Performance Insights, enhanced monitoring, log exports and IAM authentication.
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import {
  iamRoleName,
  POSTGRES_KEY_PURPOSE,
  postgresIdentifier,
  postgresReplicaCount,
  storeEndpoint,
} from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';
import { recordNfr } from './nfr';

/** Database and master user created with the instance; the application role is created by the migrations. */
export const POSTGRES_DATABASE = 'skillforge';
export const POSTGRES_MASTER_USER = 'skillforge_admin';
/** The newest RDS CA that every supported driver trusts (CKV_AWS_211). */
const CA_CERTIFICATE = 'rds-ca-rsa2048-g1';
const LOG_EXPORTS = ['postgresql', 'upgrade'];

export interface PostgresProps {
  readonly env: EnvConfig;
  readonly databaseSubnetIds: readonly string[];
  readonly securityGroupId: string;
  /** KMS key for the CloudWatch log groups of the exports. */
  readonly logsKeyArn: string;
}

export class Postgres extends Construct {
  readonly primary: DbInstance;
  readonly replicas: DbInstance[] = [];
  readonly key: CustomerManagedKey;
  /** ARN of the RDS-managed master secret (rotated by RDS; the app secret's rotation uses it). */
  readonly masterSecretArn: string;

  constructor(scope: Construct, id: string, props: PostgresProps) {
    super(scope, id);
    const { env } = props;
    const pg = env.postgres;
    const identifier = postgresIdentifier(env);
    this.key = new CustomerManagedKey(this, 'key', {
      env,
      purpose: POSTGRES_KEY_PURPOSE,
      description: `Storage, Performance Insights and master secret of ${identifier}`,
    });
    const subnets = new DbSubnetGroup(this, 'subnets', {
      name: identifier,
      subnetIds: [...props.databaseSubnetIds],
      description: `Isolated database subnets of ${env.name}`,
    });
    const parameters = new DbParameterGroup(this, 'parameters', {
      // create_before_destroy needs a fresh name for the replacement: a fixed name would collide with the old group.
      namePrefix: `${identifier}-`,
      family: `postgres${pg.engineVersion}`,
      description: `TLS-only, query logging (${env.name})`,
      parameter: [
        { name: 'rds.force_ssl', value: '1' },
        { name: 'ssl_min_protocol_version', value: `TLSv${env.slo.minimumTlsVersion}` },
        { name: 'log_statement', value: pg.logStatement },
        { name: 'log_min_duration_statement', value: String(pg.slowQueryLogMs) },
      ],
      lifecycle: { createBeforeDestroy: true },
    });
    recordNfr(parameters, 'tls-minimum');
    const monitoringTrust = new DataAwsIamPolicyDocument(this, 'monitoring-trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['monitoring.rds.amazonaws.com'] }],
        },
      ],
    });
    const monitoringRole = new IamRole(this, 'monitoring-role', {
      name: iamRoleName(env, 'rds-monitoring'),
      assumeRolePolicy: monitoringTrust.json,
    });
    new IamRolePolicyAttachment(this, 'monitoring-policy', {
      role: monitoringRole.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
    });
    const shared = {
      instanceClass: pg.instanceClass,
      storageEncrypted: true,
      kmsKeyId: this.key.arn,
      vpcSecurityGroupIds: [props.securityGroupId],
      parameterGroupName: parameters.name,
      publiclyAccessible: false,
      port: storeEndpoint(env, 'postgres').port,
      iamDatabaseAuthenticationEnabled: true,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: this.key.arn,
      performanceInsightsRetentionPeriod: pg.performanceInsightsRetentionDays,
      monitoringInterval: pg.enhancedMonitoringIntervalSeconds,
      monitoringRoleArn: monitoringRole.arn,
      enabledCloudwatchLogsExports: LOG_EXPORTS,
      autoMinorVersionUpgrade: true,
      caCertIdentifier: CA_CERTIFICATE,
      copyTagsToSnapshot: true,
      deletionProtection: true,
      storageType: 'gp3',
    };
    this.primary = new DbInstance(this, 'primary', {
      ...shared,
      identifier,
      engine: 'postgres',
      engineVersion: pg.engineVersion,
      allocatedStorage: pg.allocatedStorageGb,
      maxAllocatedStorage: pg.maxAllocatedStorageGb,
      multiAz: pg.multiAz,
      dbSubnetGroupName: subnets.name,
      dbName: POSTGRES_DATABASE,
      username: POSTGRES_MASTER_USER,
      // RDS keeps the master password in Secrets Manager and rotates it (7 days by default).
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: this.key.arn,
      backupRetentionPeriod: pg.backupRetentionDays,
      backupWindow: pg.backupWindow,
      maintenanceWindow: pg.maintenanceWindow,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${identifier}-final`,
      deleteAutomatedBackups: false,
      // Deletion protection stops an API delete; this stops a plan that would replace or destroy the primary.
      lifecycle: { preventDestroy: true },
      dependsOn: this.logGroups(identifier, props),
    });
    recordNfr(this.primary, 'rpo', 'rto', 'postgres-read-capacity', 'tls-minimum');
    this.masterSecretArn = this.primary.masterUserSecret.get(0).secretArn;

    const zones = env.aws.availabilityZones;
    for (let index = 0; index < postgresReplicaCount(env); index++) {
      const replicaId = `${identifier}-replica-${index + 1}`;
      const replica = new DbInstance(this, `replica-${index + 1}`, {
        ...shared,
        identifier: replicaId,
        instanceClass: pg.replicaInstanceClass,
        replicateSourceDb: this.primary.identifier,
        // Spread replicas over the zones so one zone failing leaves read capacity behind.
        availabilityZone: zones[index % zones.length],
        multiAz: false,
        // Replicas are rebuilt from the primary; their backups would duplicate the primary's.
        backupRetentionPeriod: 0,
        skipFinalSnapshot: true,
        dependsOn: this.logGroups(replicaId, props),
      });
      recordNfr(replica, 'postgres-read-capacity');
      this.replicas.push(replica);
    }
  }

  /** RDS creates these on first export; creating them first sets retention and the CMK. */
  private logGroups(instance: string, props: PostgresProps): CloudwatchLogGroup[] {
    return LOG_EXPORTS.map(
      (log) =>
        new CloudwatchLogGroup(this, `${instance}-${log}-logs`, {
          name: `/aws/rds/instance/${instance}/${log}`,
          retentionInDays: props.env.postgres.logRetentionDays,
          kmsKeyId: props.logsKeyArn,
        }),
    );
  }
}
