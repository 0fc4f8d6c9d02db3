// Redis on ElastiCache (runbook §1.2) when the model selects managed mode: a replication group with automatic
// failover across zones, encryption at rest (CMK) and in transit, and RBAC where the default user is disabled and
// workloads connect as one IAM-authenticated user (short-lived tokens from IRSA, nothing to rotate). Daily
// snapshots are kept snapshotRetentionDays; why that, and not 15-minute snapshots, meets the RPO is in
// docs/decisions/redis-rpo-without-15-minute-snapshots.md.
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { redisReplicationGroupId, redisUserName, storeEndpoint } from '../contracts';
import { CustomerManagedKey } from './customer-managed-key';
import { recordNfr } from './nfr';

/** What the application user may run: everything except the commands that can wipe or reconfigure the store. */
const APP_ACCESS = 'on ~* &* +@all -@dangerous';

export interface RedisProps {
  readonly env: EnvConfig;
  readonly databaseSubnetIds: readonly string[];
  readonly securityGroupId: string;
}

export class Redis extends Construct {
  readonly group: ElasticacheReplicationGroup;

  constructor(scope: Construct, id: string, props: RedisProps) {
    super(scope, id);
    const { env } = props;
    const redis = env.redis;
    const groupId = redisReplicationGroupId(env);
    const key = new CustomerManagedKey(this, 'key', {
      env,
      purpose: 'redis',
      description: `At-rest encryption of ${groupId}`,
    });
    const subnets = new ElasticacheSubnetGroup(this, 'subnets', {
      name: groupId,
      subnetIds: [...props.databaseSubnetIds],
      description: `Isolated database subnets of ${env.name}`,
    });
    // Every RBAC group must contain a user named "default"; this one cannot log in or run anything.
    const defaultUser = new ElasticacheUser(this, 'default-user', {
      userId: `${groupId}-default`,
      userName: 'default',
      engine: 'redis',
      accessString: 'off -@all',
      authenticationMode: { type: 'no-password-required' },
    });
    // IAM authentication requires user id = user name.
    const appUser = new ElasticacheUser(this, 'app-user', {
      userId: redisUserName(env),
      userName: redisUserName(env),
      engine: 'redis',
      accessString: APP_ACCESS,
      authenticationMode: { type: 'iam' },
    });
    const users = new ElasticacheUserGroup(this, 'users', {
      userGroupId: groupId,
      engine: 'redis',
      userIds: [defaultUser.userId, appUser.userId],
    });
    const failover = redis.replicasPerShard > 0;
    this.group = new ElasticacheReplicationGroup(this, 'replication-group', {
      replicationGroupId: groupId,
      description: `Sessions and cache of ${env.name} (rebuildable; see docs/decisions)`,
      engine: 'redis',
      engineVersion: redis.engineVersion,
      nodeType: redis.nodeType,
      port: storeEndpoint(env, 'redis').port,
      numCacheClusters: 1 + redis.replicasPerShard,
      automaticFailoverEnabled: failover,
      multiAzEnabled: failover,
      subnetGroupName: subnets.name,
      securityGroupIds: [props.securityGroupId],
      atRestEncryptionEnabled: 'true',
      kmsKeyId: key.arn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      userGroupIds: [users.userGroupId],
      snapshotRetentionLimit: redis.snapshotRetentionDays,
      snapshotWindow: redis.snapshotWindow,
      finalSnapshotIdentifier: `${groupId}-final`,
      autoMinorVersionUpgrade: 'true',
      applyImmediately: false,
      lifecycle: { preventDestroy: true },
    });
    recordNfr(this.group, 'redis-snapshot-interval', 'rpo');
  }
}
