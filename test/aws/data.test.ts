// Intent of <env>-data: sizes and retention come from the model, and each store only exists where the model
// says it is managed.
import { describe, expect, it } from 'vitest';
import { postgresReplicaCount, vcpusOf } from '../../constructs/contracts';
import { env, resource, resources } from './synthesized';

const db = (name: string) => resources(name, 'data', 'aws_db_instance');

describe('PostgreSQL', () => {
  it('gives prod 3 replicas: readCapacityFactor 3 × 4 vCPUs (db.r6g.xlarge) / 4 vCPUs per replica', () => {
    const prod = env('prod');
    expect(prod.postgres.readCapacityFactor).toBe(3);
    expect(vcpusOf(prod.postgres.instanceClass)).toBe(4);
    expect(vcpusOf(prod.postgres.replicaInstanceClass)).toBe(4);
    expect(postgresReplicaCount(prod)).toBe(3);
    const replicas = Object.values(db('prod')).filter((i) => i['replicate_source_db'] !== undefined);
    expect(replicas).toHaveLength(3);
    expect(replicas.map((r) => r['availability_zone'])).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    for (const replica of replicas) {
      expect(replica).toMatchObject({
        replicate_source_db: '${aws_db_instance.postgres_primary.identifier}',
        instance_class: 'db.r6g.xlarge',
        storage_encrypted: true,
        deletion_protection: true,
      });
    }
  });

  it('gives staging 1 replica (factor 1) and dev none (factor 0)', () => {
    expect(Object.keys(db('staging')).sort()).toEqual(['postgres_primary', 'postgres_replica-1']);
    expect(Object.keys(db('dev'))).toEqual(['postgres_primary']);
  });

  it('configures the prod primary from the model: Multi-AZ, PITR, CMK, monitoring, managed master secret', () => {
    const prod = env('prod').postgres;
    expect(resource('prod', 'data', 'aws_db_instance', 'postgres_primary')).toMatchObject({
      identifier: 'skillforge-prod-postgres',
      engine: 'postgres',
      engine_version: prod.engineVersion,
      instance_class: prod.instanceClass,
      allocated_storage: prod.allocatedStorageGb,
      max_allocated_storage: prod.maxAllocatedStorageGb,
      multi_az: true,
      backup_retention_period: 14,
      backup_window: prod.backupWindow,
      storage_encrypted: true,
      kms_key_id: '${aws_kms_key.postgres_key_key.arn}',
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'skillforge-prod-postgres-final',
      copy_tags_to_snapshot: true,
      iam_database_authentication_enabled: true,
      performance_insights_enabled: true,
      performance_insights_retention_period: 731,
      monitoring_interval: 60,
      enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
      manage_master_user_password: true,
      publicly_accessible: false,
    });
  });

  it('forces TLS and logs DDL and slow statements per the model in the parameter group', () => {
    const group = resource('prod', 'data', 'aws_db_parameter_group', 'postgres_parameters');
    expect(group['family']).toBe('postgres16');
    expect(group['parameter']).toEqual([
      { name: 'rds.force_ssl', value: '1' },
      { name: 'ssl_min_protocol_version', value: 'TLSv1.2' },
      { name: 'log_statement', value: 'ddl' },
      { name: 'log_min_duration_statement', value: '500' },
    ]);
  });

  it('admits PostgreSQL traffic only from the cluster and the rotation function', () => {
    const group = resource('prod', 'data', 'aws_security_group', 'postgres-security-group_group');
    expect(group['egress']).toEqual([]);
    const ingress = group['ingress'] as Record<string, unknown>[];
    expect(ingress.map((rule) => [rule['from_port'], rule['to_port'], rule['cidr_blocks']])).toEqual([
      [5432, 5432, null],
      [5432, 5432, null],
    ]);
    expect(ingress[0]!['security_groups']).toEqual([
      '${data.terraform_remote_state.cross-stack-reference-input-prod-cluster.outputs.cross-stack-output-aws_eks_cluster_eks_cluster_vpc_config_0__cluster_security_group_id}',
    ]);
    expect(ingress[1]!['security_groups']).toEqual([
      '${aws_security_group.secret-rotation-security-group.id}',
    ]);
  });
});

describe('Redis', () => {
  it('has no ElastiCache in dev, where the model runs Redis in the cluster', () => {
    expect(env('dev').redis.mode).toBe('in-cluster');
    expect(resources('dev', 'data', 'aws_elasticache_replication_group')).toEqual({});
  });

  it('runs a Multi-AZ, encrypted, RBAC-only replication group in prod with daily snapshots kept 7 days', () => {
    expect(
      resource('prod', 'data', 'aws_elasticache_replication_group', 'redis_replication-group'),
    ).toMatchObject({
      replication_group_id: 'skillforge-prod',
      num_cache_clusters: 3,
      automatic_failover_enabled: true,
      multi_az_enabled: true,
      at_rest_encryption_enabled: 'true',
      kms_key_id: '${aws_kms_key.redis_key_key.arn}',
      transit_encryption_enabled: true,
      transit_encryption_mode: 'required',
      user_group_ids: ['${aws_elasticache_user_group.redis_users.user_group_id}'],
      snapshot_retention_limit: 7,
      lifecycle: { prevent_destroy: true },
    });
    expect(resource('prod', 'data', 'aws_elasticache_user', 'redis_default-user')).toMatchObject({
      user_name: 'default',
      access_string: 'off -@all',
    });
    expect(resource('prod', 'data', 'aws_elasticache_user', 'redis_app-user')).toMatchObject({
      user_id: 'skillforge-prod-app',
      user_name: 'skillforge-prod-app',
      authentication_mode: { type: 'iam' },
    });
  });
});

describe('OpenSearch and MSK', () => {
  it('builds the prod domain with three dedicated masters, UltraWarm and zone awareness over three zones', () => {
    expect(resource('prod', 'data', 'aws_opensearch_domain', 'opensearch_domain')).toMatchObject({
      domain_name: 'skillforge-prod',
      cluster_config: {
        instance_count: 3,
        dedicated_master_enabled: true,
        dedicated_master_count: 3,
        warm_enabled: true,
        warm_count: 2,
        zone_awareness_enabled: true,
        zone_awareness_config: { availability_zone_count: 3 },
      },
      ebs_options: { volume_size: 200 },
      domain_endpoint_options: { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
      node_to_node_encryption: { enabled: true },
      advanced_security_options: { enabled: true, internal_user_database_enabled: false },
    });
  });

  it('has no managed domain in dev (in-cluster search) but a snapshot bucket wherever the domain exists', () => {
    expect(resources('dev', 'data', 'aws_opensearch_domain')).toEqual({});
    expect(resource('staging', 'data', 'aws_s3_bucket', 'opensearch-snapshots_bucket_bucket')['bucket']).toBe(
      'skillforge-staging-opensearch-snapshots-222222222222',
    );
  });

  it('sizes MSK from the model: brokers per zone × zones, IAM auth and TLS only', () => {
    expect(resource('dev', 'data', 'aws_msk_cluster', 'kafka_cluster')).toMatchObject({
      number_of_broker_nodes: 2,
      broker_node_group_info: {
        instance_type: 'kafka.t3.small',
        storage_info: { ebs_storage_info: { volume_size: 20 } },
      },
    });
    expect(resource('prod', 'data', 'aws_msk_cluster', 'kafka_cluster')).toMatchObject({
      number_of_broker_nodes: 3,
      client_authentication: { sasl: { iam: true }, unauthenticated: false },
      encryption_info: { encryption_in_transit: { client_broker: 'TLS', in_cluster: true } },
    });
  });

  it('names PostgreSQL in the private zone, weighted across health-checked replicas for reads', () => {
    const records = resources('prod', 'data', 'aws_route53_record');
    expect(
      Object.values(records)
        .map((r) => r['name'])
        .sort(),
    ).toEqual([
      'postgres-read.internal.skillforge.example',
      'postgres-read.internal.skillforge.example',
      'postgres-read.internal.skillforge.example',
      'postgres.internal.skillforge.example',
    ]);
    expect(
      Object.values(resources('dev', 'data', 'aws_route53_record'))
        .map((r) => r['name'])
        .sort(),
    ).toEqual(['postgres-read.internal.dev.skillforge.example', 'postgres.internal.dev.skillforge.example']);
  });

  it('publishes the native endpoints of Redis, OpenSearch and every MSK broker instead of private CNAMEs (B5)', () => {
    const secrets = Object.values(resources('prod', 'data', 'aws_secretsmanager_secret')).map(
      (s) => s['name'],
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        'skillforge/prod/endpoints/redis',
        'skillforge/prod/endpoints/opensearch',
        'skillforge/prod/endpoints/kafka',
      ]),
    );
    const values = Object.values(resources('prod', 'data', 'aws_secretsmanager_secret_version')).map((v) =>
      String(v['secret_string']),
    );
    expect(values).toContain(
      '${jsonencode({"bootstrapBrokers" = aws_msk_cluster.kafka_cluster.bootstrap_brokers_sasl_iam, "port" = 9098})}',
    );
    expect(values).toContain(
      '${jsonencode({"host" = aws_elasticache_replication_group.redis_replication-group.primary_endpoint_address, "port" = 6379})}',
    );
    const names = Object.values(resources('prod', 'data', 'aws_route53_record')).map((r) =>
      String(r['name']),
    );
    expect(names.filter((name) => /^(redis|opensearch|kafka)\./.test(name))).toEqual([]);
  });
});

describe('buckets and secrets', () => {
  it('replicates the backups bucket to the DR region with a 15-minute RTC in prod only', () => {
    const replication = resource(
      'prod',
      'data',
      'aws_s3_bucket_replication_configuration',
      'storage_backups-replication_configuration',
    );
    const rule = (replication['rule'] as Record<string, unknown>[])[0]!;
    expect(rule).toMatchObject({
      status: 'Enabled',
      destination: {
        bucket: '${aws_s3_bucket.storage_backups-replica_bucket.arn}',
        replication_time: { status: 'Enabled', time: { minutes: 15 } },
        metrics: { status: 'Enabled', event_threshold: { minutes: 15 } },
      },
    });
    expect(resource('prod', 'data', 'aws_s3_bucket', 'storage_backups-replica_bucket')).toMatchObject({
      bucket: 'skillforge-prod-backups-dr-333333333333',
      provider: 'aws.dr',
    });
    expect(resources('staging', 'data', 'aws_s3_bucket_replication_configuration')).toEqual({});
    expect(resources('dev', 'data', 'aws_s3_bucket_replication_configuration')).toEqual({});
  });

  it('expires objects per the GDPR/CCPA retention of each bucket purpose', () => {
    const lifecycle = resource(
      'prod',
      'data',
      'aws_s3_bucket_lifecycle_configuration',
      'storage_analytics-exports_lifecycle',
    );
    expect((lifecycle['rule'] as unknown[])[0]).toMatchObject({
      status: 'Enabled',
      expiration: [{ days: 395 }],
      noncurrent_version_expiration: [{ noncurrent_days: 30 }],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
    });
    const assets = resource(
      'prod',
      'data',
      'aws_s3_bucket_lifecycle_configuration',
      'storage_assets_lifecycle',
    );
    expect((assets['rule'] as Record<string, unknown>[])[0]!['expiration']).toBeUndefined();
  });

  it('rotates the PostgreSQL application secret every secrets.rotationDays with the Terraform-managed function', () => {
    expect(resources('prod', 'data', 'aws_secretsmanager_secret_rotation')).toEqual({
      'secrets_postgres-app-rotation': expect.objectContaining({
        rotation_rules: { automatically_after_days: env('prod').secrets.rotationDays },
        rotation_lambda_arn: '${aws_lambda_function.secrets_postgres-rotation_function.arn}',
      }),
    });
    expect(
      Object.values(resources('prod', 'data', 'aws_secretsmanager_secret'))
        .map((s) => String(s['name']))
        .filter((name) => !name.includes('/endpoints/')),
    ).toEqual([
      'skillforge/prod/postgres/app',
      'skillforge/prod/pagerduty/p1-routing-key',
      'skillforge/prod/pagerduty/p2-routing-key',
    ]);
  });

  it('creates the SOPS key under the alias .sops.yaml points at', () => {
    expect(resource('prod', 'data', 'aws_kms_alias', 'sops-key_alias')).toMatchObject({
      name: 'alias/skillforge-prod-sops',
    });
  });
});
