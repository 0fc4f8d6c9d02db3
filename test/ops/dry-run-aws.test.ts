// --dry-run of the AWS procedures, for every environment: the exact aws/kubectl lines a real run executes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bucketName,
  consumersOf,
  postgresIdentifier,
  redisReplicationGroupId,
  secretName,
  servicesOf,
} from '../../constructs/contracts';
import type { EnvConfig } from '../../environments';
import { restoreRedisDefinition } from '../../scripts/ops/commands/restore-redis';
import { restoreS3Definition } from '../../scripts/ops/commands/restore-s3';
import { rotateSecretsDefinition } from '../../scripts/ops/commands/rotate-secrets';
import { snapshotBeforeReleaseDefinition } from '../../scripts/ops/commands/snapshot-before-release';
import { verifyBackupsDefinition } from '../../scripts/ops/commands/verify-backups';
import { dryRun, environments, header, kc, plugin } from './support/expected';
import { run, testDeps } from './support/ops-harness';
import { writeRenderedTree } from './support/rendered-tree';

let tree: { dir: string; remove(): void };
beforeAll(() => {
  tree = writeRenderedTree();
});
afterAll(() => tree.remove());

const deps = () => testDeps(tree.dir);
const STAMP = '20261127-0830';

/** How a consumer is restarted and waited for: Argo Rollouts for canary services, Deployments otherwise. */
function consumerLines(env: EnvConfig, store: 'postgres' | 'redis', timeout: number): string[] {
  const names = new Set(consumersOf(env, store).map((consumer) => consumer.name));
  const services = servicesOf(env).filter((service) => names.has(service.name));
  return [
    '# step N: restart-consumers',
    ...services.map((s) =>
      s.delivery === 'canary'
        ? `kubectl argo rollouts restart ${s.name} ${plugin(env, s.namespace)}`
        : `${kc(env, s.namespace)} rollout restart deployment/${s.name}`,
    ),
    '# step N: verify-consumers',
    ...services.map((s) =>
      s.delivery === 'canary'
        ? `kubectl argo rollouts status ${s.name} --timeout ${timeout}s ${plugin(env, s.namespace)}`
        : `${kc(env, s.namespace)} rollout status deployment/${s.name} --timeout=${timeout}s`,
    ),
  ];
}

/** Step headings carry their number; the consumer helper above writes N and this puts the numbers in. */
const numbered = (lines: string[]): string[] => {
  const total = lines.filter((line) => line.startsWith('# step N')).length;
  let index = 0;
  return lines.map((line) => (line.startsWith('# step N') ? line.replace('N', `${++index}/${total}`) : line));
};

describe.each(environments())('dry runs of the AWS procedures in $name', (env) => {
  const r = env.aws.region;
  const db = postgresIdentifier(env);

  it('verify-backups restores the latest snapshot into an isolated drill instance and always deletes it', async () => {
    const drill = `skillforge-${env.name}-restore-drill-${STAMP}`;
    const psql = `psql "host=\${DRILL_HOST} port=5432 dbname=skillforge sslmode=verify-full" --username "$DB_USER" -c`;
    expect(await dryRun(verifyBackupsDefinition, env, deps())).toEqual([
      header('verify-backups', env),
      '# step 1/8: find-latest-snapshot',
      `SNAPSHOT_ID=$(aws rds describe-db-snapshots --region ${r} --db-instance-identifier ${db} --snapshot-type automated --query 'reverse(sort_by(DBSnapshots, &SnapshotCreateTime))[0].DBSnapshotIdentifier' --output text)`,
      '# step 2/8: read-source-placement',
      `DB_SUBNET_GROUP=$(aws rds describe-db-instances --region ${r} --db-instance-identifier ${db} --query 'DBInstances[0].DBSubnetGroup.DBSubnetGroupName' --output text)`,
      `SECURITY_GROUP_IDS=$(aws rds describe-db-instances --region ${r} --db-instance-identifier ${db} --query 'DBInstances[0].VpcSecurityGroups[].VpcSecurityGroupId' --output text)`,
      `DB_PARAMETER_GROUP=$(aws rds describe-db-instances --region ${r} --db-instance-identifier ${db} --query 'DBInstances[0].DBParameterGroups[0].DBParameterGroupName' --output text)`,
      '# step 3/8: restore-drill-instance',
      `aws rds restore-db-instance-from-db-snapshot --region ${r} --db-instance-identifier ${drill} --db-snapshot-identifier "$SNAPSHOT_ID" --db-instance-class ${env.backups.restoreDrillInstanceClass} --db-subnet-group-name "$DB_SUBNET_GROUP" --vpc-security-group-ids $SECURITY_GROUP_IDS --db-parameter-group-name "$DB_PARAMETER_GROUP" --no-publicly-accessible --no-multi-az --no-deletion-protection --tags Key=skillforge:purpose,Value=restore-drill --query DBInstance.DBInstanceStatus --output text`,
      '# step 4/8: wait-drill-available',
      `aws rds wait db-instance-available --region ${r} --db-instance-identifier ${drill}`,
      '# step 5/8: read-drill-endpoint',
      `DRILL_HOST=$(aws rds describe-db-instances --region ${r} --db-instance-identifier ${drill} --query 'DBInstances[0].Endpoint.Address' --output text)`,
      `DB_SECRET=$(aws secretsmanager get-secret-value --region ${r} --secret-id ${secretName(env, 'postgres/app')} --query SecretString --output text)`,
      '# step 6/8: integrity-checks',
      '# DB_USER and PGPASSWORD are the username and password fields of $DB_SECRET',
      `${psql} 'SELECT 1'`,
      `${psql} 'SELECT count(*) AS count FROM occupations'`,
      `${psql} 'SELECT count(*) AS count FROM skills'`,
      `${psql} 'SELECT count(*) AS count FROM load_history'`,
      `${psql} 'SELECT count(*) AS count FROM schema_migrations'`,
      `${psql} 'SELECT md5(string_agg(concat_ws(chr(9), soc_code, title, description), chr(10) ORDER BY soc_code COLLATE "C")) AS md5 FROM occupations'`,
      `${psql} 'SELECT md5(string_agg(concat_ws(chr(9), term, label, europa_code), chr(10) ORDER BY term COLLATE "C", label COLLATE "C")) AS md5 FROM skills'`,
      '# step 7/8: check-rto',
      `# the restore (restore call until available) must take at most slo.rtoMinutes = ${env.slo.rtoMinutes} min`,
      '# step 8/8: delete-drill-instance (runs even if an earlier step failed, once restore-drill-instance succeeded)',
      `aws rds delete-db-instance --region ${r} --db-instance-identifier ${drill} --skip-final-snapshot --delete-automated-backups --query DBInstance.DBInstanceStatus --output text`,
      `aws rds wait db-instance-deleted --region ${r} --db-instance-identifier ${drill}`,
    ]);
  });

  it('snapshot-before-release takes a tagged on-demand snapshot and waits for it', async () => {
    const snapshot = `${db}-pre-release-${STAMP}`;
    expect(await dryRun(snapshotBeforeReleaseDefinition, env, deps(), ['--release', '1.5.0'])).toEqual([
      header('snapshot-before-release', env),
      '# step 1/2: create-snapshot',
      `aws rds create-db-snapshot --region ${r} --db-instance-identifier ${db} --db-snapshot-identifier ${snapshot} --tags Key=skillforge:purpose,Value=pre-release Key=skillforge:release,Value=1.5.0 --query DBSnapshot.Status --output text`,
      '# step 2/2: wait-snapshot-available',
      `aws rds wait db-snapshot-available --region ${r} --db-snapshot-identifier ${snapshot}`,
    ]);
  });

  it('rotate-secrets rotates the password secret, waits for AWSCURRENT and External Secrets, restarts consumers', async () => {
    const secret = secretName(env, 'postgres/app');
    expect(await dryRun(rotateSecretsDefinition, env, deps())).toEqual([
      header('rotate-secrets', env),
      ...numbered([
        '# step N: rotate-postgres',
        `POSTGRES_VERSION=$(aws secretsmanager rotate-secret --region ${r} --secret-id ${secret} --query VersionId --output text)`,
        '# step N: wait-postgres-current',
        `STAGES=$(aws secretsmanager describe-secret --region ${r} --secret-id ${secret} --query "VersionIdsToStages.\\"\${POSTGRES_VERSION}\\"" --output text)`,
        '# step N: wait-external-secrets-refresh',
        `sleep ${env.secrets.refreshMinutes * 60}`,
        ...consumerLines(env, 'postgres', 600),
      ]),
    ]);
  });

  it('restore-s3 lists the versions under a prefix and rolls each key back', async () => {
    const bucket = bucketName(env, 'assets');
    const lines = await dryRun(restoreS3Definition, env, deps(), [
      '--bucket',
      'assets',
      '--prefix',
      'occupations/',
      '--to',
      '2026-11-20T00:00:00Z',
    ]);
    expect(lines).toEqual([
      header('restore-s3', env),
      '# step 1/1: roll-back-objects',
      `aws s3api list-object-versions --region ${r} --bucket ${bucket} --prefix occupations/ --output json`,
      '# for each key under "occupations/": copy back the newest version at or before 2026-11-20T00:00:00.000Z if it is not current, or add a delete marker if the key did not exist then',
      `aws s3api copy-object --region ${r} --bucket ${bucket} --key "$KEY" --copy-source "${bucket}/\${KEY_URL_ENCODED}?versionId=\${VERSION_ID}"`,
      `aws s3api delete-object --region ${r} --bucket ${bucket} --key "$KEY"`,
    ]);
  });
});

describe.each(environments().filter((env) => env.redis.mode === 'managed'))(
  'dry run of restore-redis in $name',
  (env) => {
    const r = env.aws.region;
    it('restore-redis promotes the latest snapshot to a new group, publishes its endpoint, restarts consumers', async () => {
      const source = redisReplicationGroupId(env);
      const restored = `${source}-${STAMP}`;
      const member = (field: string) =>
        `aws elasticache describe-cache-clusters --region ${r} --cache-cluster-id "$MEMBER_CLUSTER" --query '${field}' --output text`;
      const group = (id: string, field: string) =>
        `aws elasticache describe-replication-groups --region ${r} --replication-group-id ${id} --query '${field}' --output text`;
      expect(await dryRun(restoreRedisDefinition, env, deps())).toEqual([
        header('restore-redis', env),
        ...numbered([
          '# step N: find-latest-snapshot',
          `SNAPSHOT_NAME=$(aws elasticache describe-snapshots --region ${r} --replication-group-id ${source} --query 'reverse(sort_by(Snapshots, &NodeSnapshots[0].SnapshotCreateTime))[0].SnapshotName' --output text)`,
          '# step N: read-source-settings',
          `MEMBER_CLUSTER=$(${group(source, 'ReplicationGroups[0].MemberClusters[0]')})`,
          `KMS_KEY_ID=$(${group(source, 'ReplicationGroups[0].KmsKeyId')})`,
          `USER_GROUP_IDS=$(${group(source, 'ReplicationGroups[0].UserGroupIds')})`,
          `CACHE_SUBNET_GROUP=$(${member('CacheClusters[0].CacheSubnetGroupName')})`,
          `SECURITY_GROUP_IDS=$(${member('CacheClusters[0].SecurityGroups[].SecurityGroupId')})`,
          `CACHE_PARAMETER_GROUP=$(${member('CacheClusters[0].CacheParameterGroup.CacheParameterGroupName')})`,
          '# step N: create-replication-group',
          `aws elasticache create-replication-group --region ${r} --replication-group-id ${restored} --replication-group-description 'restore of ${source}' --snapshot-name "$SNAPSHOT_NAME" --engine redis --engine-version ${env.redis.engineVersion} --cache-node-type ${env.redis.nodeType} --num-node-groups 1 --replicas-per-node-group ${env.redis.replicasPerShard} --automatic-failover-enabled --multi-az-enabled --cache-subnet-group-name "$CACHE_SUBNET_GROUP" --security-group-ids $SECURITY_GROUP_IDS --cache-parameter-group-name "$CACHE_PARAMETER_GROUP" --user-group-ids $USER_GROUP_IDS --transit-encryption-enabled --at-rest-encryption-enabled --kms-key-id "$KMS_KEY_ID" --tags Key=skillforge:purpose,Value=restore Key=skillforge:restored-from,Value=${source} --query ReplicationGroup.Status --output text`,
          '# step N: wait-replication-group-available',
          `aws elasticache wait replication-group-available --region ${r} --replication-group-id ${restored}`,
          '# step N: read-new-endpoint',
          `PRIMARY_ENDPOINT=$(${group(restored, 'ReplicationGroups[0].NodeGroups[0].PrimaryEndpoint.Address')})`,
          '# step N: switch-endpoint',
          `aws secretsmanager put-secret-value --region ${r} --secret-id skillforge/${env.name}/endpoints/redis --secret-string "{\\"host\\":\\"\${PRIMARY_ENDPOINT}\\",\\"port\\":6379}"`,
          ...consumerLines(env, 'redis', 600),
        ]),
      ]);
    });
  },
);

describe.each(environments().filter((env) => env.redis.mode !== 'managed'))(
  'restore-redis in $name',
  (env) => {
    it('fails when Redis runs in the cluster, naming the mode', async () => {
      await expect(run(restoreRedisDefinition, ['--env', env.name, '--dry-run'], deps())).rejects.toThrow(
        `restore-redis: redis.mode is "${env.redis.mode}" in ${env.name}; this procedure restores a managed ElastiCache ` +
          'replication group (an in-cluster Redis is rebuilt by Argo CD)',
      );
    });
  },
);
