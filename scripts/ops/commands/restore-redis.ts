// restore-redis: runbook §3.3 "restore by promoting latest snapshot to new node and updating service endpoint".
// Builds a new replication group from the newest snapshot with the source group's network, encryption and access
// settings, writes its primary endpoint into the published endpoint secret the workloads read (storeEndpoint), and
// restarts the Redis consumers so they read it again and reconnect. The old group is left running for comparison; docs/runbooks/restore-redis.md
// lists the Terraform follow-up.
import type { EnvConfig } from '../../../environments';
import {
  consumersOf,
  storeEndpoint,
  redisReplicationGroupId,
  servicesOf,
} from '../../../constructs/contracts';
import { UsageError } from '../../cli/args';
import { aws, awsValue, tags } from '../aws/cli';
import { restartStep, rolloutStatusStep, workloadOf } from '../kubernetes/steps';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { positiveIntegerOption } from '../runner/options';
import { joined, variable, words } from '../runner/shell';
import { nameStamp } from '../runner/time';

// ElastiCache replication group ids are at most 40 characters.
const MAX_GROUP_ID = 40;

export const restoreRedisDefinition: OpsCommandDefinition = {
  name: 'restore-redis',
  options: {
    'timeout-minutes': { type: 'string', value: '<n>', description: 'per consumer rollout (default 10)' },
  },
  build({ invocation, deps }) {
    const { env, values } = invocation;
    if (env.redis.mode !== 'managed') {
      throw new UsageError(
        `restore-redis: redis.mode is "${env.redis.mode}" in ${env.name}; this procedure restores a managed ` +
          'ElastiCache replication group (an in-cluster Redis is rebuilt by Argo CD)',
      );
    }
    const timeout = positiveIntegerOption('restore-redis', values, 'timeout-minutes', 10) * 60;
    const source = redisReplicationGroupId(env);
    const restored = `${source}-${nameStamp(deps.now())}`;
    if (restored.length > MAX_GROUP_ID) {
      throw new UsageError(
        `restore-redis: the new group id ${restored} is longer than ${MAX_GROUP_ID} characters`,
      );
    }
    const published = storeEndpoint(env, 'redis');
    if (published.kind !== 'published') {
      throw new UsageError(
        `restore-redis: ${env.name} runs Redis in the cluster; there is no group to restore`,
      );
    }
    const endpointSecret = published.secret;
    const consumerNames = new Set(consumersOf(env, 'redis').map((consumer) => consumer.name));
    const consumers = servicesOf(env)
      .filter((service) => consumerNames.has(service.name))
      .map(workloadOf);
    return {
      steps: [
        {
          name: 'find-latest-snapshot',
          changes: false,
          lines: [
            awsValue(
              env,
              'SNAPSHOT_NAME',
              'elasticache',
              'describe-snapshots',
              ['--replication-group-id', source],
              'reverse(sort_by(Snapshots, &NodeSnapshots[0].SnapshotCreateTime))[0].SnapshotName',
            ),
          ],
        },
        {
          name: 'read-source-settings',
          changes: false,
          lines: [
            ...[
              ['MEMBER_CLUSTER', 'ReplicationGroups[0].MemberClusters[0]'],
              ['KMS_KEY_ID', 'ReplicationGroups[0].KmsKeyId'],
              ['USER_GROUP_IDS', 'ReplicationGroups[0].UserGroupIds'],
            ].map(([name, query]) =>
              awsValue(
                env,
                name!,
                'elasticache',
                'describe-replication-groups',
                ['--replication-group-id', source],
                query!,
              ),
            ),
            ...[
              ['CACHE_SUBNET_GROUP', 'CacheClusters[0].CacheSubnetGroupName'],
              ['SECURITY_GROUP_IDS', 'CacheClusters[0].SecurityGroups[].SecurityGroupId'],
              ['CACHE_PARAMETER_GROUP', 'CacheClusters[0].CacheParameterGroup.CacheParameterGroupName'],
            ].map(([name, query]) =>
              awsValue(
                env,
                name!,
                'elasticache',
                'describe-cache-clusters',
                ['--cache-cluster-id', variable('MEMBER_CLUSTER')],
                query!,
              ),
            ),
          ],
        },
        {
          name: 'create-replication-group',
          changes: true,
          lines: [createGroupLine(env, source, restored)],
        },
        {
          name: 'wait-replication-group-available',
          changes: false,
          lines: [
            aws(
              env,
              'elasticache',
              'wait',
              'replication-group-available',
              '--replication-group-id',
              restored,
            ),
          ],
        },
        {
          name: 'read-new-endpoint',
          changes: false,
          lines: [
            awsValue(
              env,
              'PRIMARY_ENDPOINT',
              'elasticache',
              'describe-replication-groups',
              ['--replication-group-id', restored],
              'ReplicationGroups[0].NodeGroups[0].PrimaryEndpoint.Address',
            ),
          ],
        },
        {
          // Consumers read the endpoint when they start; the restart below makes them pick up the new one.
          name: 'switch-endpoint',
          changes: true,
          lines: [
            aws(
              env,
              'secretsmanager',
              'put-secret-value',
              '--secret-id',
              endpointSecret,
              '--secret-string',
              endpointValue(storeEndpoint(env, 'redis').port),
            ),
          ],
        },
        restartStep('restart-consumers', env, consumers),
        rolloutStatusStep('verify-consumers', env, consumers, timeout),
      ],
    };
  },
};

export const restoreRedis = opsCommand(restoreRedisDefinition);

function createGroupLine(env: EnvConfig, source: string, restored: string) {
  const failover =
    env.redis.replicasPerShard > 0
      ? ['--automatic-failover-enabled', '--multi-az-enabled']
      : ['--no-automatic-failover-enabled'];
  return aws(
    env,
    'elasticache',
    'create-replication-group',
    '--replication-group-id',
    restored,
    '--replication-group-description',
    `restore of ${source}`,
    '--snapshot-name',
    variable('SNAPSHOT_NAME'),
    '--engine',
    'redis',
    '--engine-version',
    env.redis.engineVersion,
    '--cache-node-type',
    env.redis.nodeType,
    '--num-node-groups',
    '1',
    '--replicas-per-node-group',
    String(env.redis.replicasPerShard),
    ...failover,
    '--cache-subnet-group-name',
    variable('CACHE_SUBNET_GROUP'),
    '--security-group-ids',
    words('SECURITY_GROUP_IDS'),
    '--cache-parameter-group-name',
    variable('CACHE_PARAMETER_GROUP'),
    '--user-group-ids',
    words('USER_GROUP_IDS'),
    '--transit-encryption-enabled',
    '--at-rest-encryption-enabled',
    '--kms-key-id',
    variable('KMS_KEY_ID'),
    '--tags',
    ...tags({ 'skillforge:purpose': 'restore', 'skillforge:restored-from': source }),
    '--query',
    'ReplicationGroup.Status',
    '--output',
    'text',
  );
}

/** The endpoint secret's JSON (store-endpoints.ts) with the restored primary's address. */
function endpointValue(port: number) {
  const [before, after] = JSON.stringify({ host: '@@ENDPOINT@@', port }).split('@@ENDPOINT@@');
  return joined(before!, variable('PRIMARY_ENDPOINT'), after!);
}
