// <env>-data: everything that holds data. PostgreSQL always; Redis, OpenSearch and MSK where the model makes them
// managed; the buckets; the application secrets and the SOPS key; and the private zone that names the endpoints.
// Data ports admit only the cluster's security group (from <env>-cluster).
import type { Construct } from 'constructs';
import type { DataStore, EnvConfig } from '../environments';
import {
  mskClusterName,
  opensearchDomainName,
  postgresIdentifier,
  resourcePrefix,
  SOPS_KEY_PURPOSE,
  storeEndpoint,
  storePlacement,
} from '../constructs/contracts';
import { AppSecrets, rotationSecurityGroup } from '../constructs/aws/app-secrets';
import { postgresRotationName } from '../constructs/aws/postgres-rotation';
import { CustomerManagedKey } from '../constructs/aws/customer-managed-key';
import { Kafka } from '../constructs/aws/kafka';
import { OpenSearch } from '../constructs/aws/opensearch';
import { OpenSearchSnapshots } from '../constructs/aws/opensearch-snapshots';
import { Postgres } from '../constructs/aws/postgres';
import { PrivateDns } from '../constructs/aws/private-dns';
import { Redis } from '../constructs/aws/redis';
import { Storage } from '../constructs/aws/storage';
import { StoreEndpoints, type PublishedStore } from '../constructs/aws/store-endpoints';
import { StoreSecurityGroup } from '../constructs/aws/store-security-group';
import { SkillforgeStack } from './base-stack';
import type { ClusterStack } from './cluster-stack';
import type { NetworkStack } from './network-stack';

export class DataStack extends SkillforgeStack {
  readonly storage: Storage;
  readonly postgres: Postgres;

  constructor(scope: Construct, env: EnvConfig, network: NetworkStack, cluster: ClusterStack) {
    super(scope, { env, layer: 'data' });
    const net = network.network;
    const vpcId = net.vpc.id;
    const databaseSubnetIds = net.databaseSubnetIds;
    const clusterSecurityGroupId = cluster.eks.clusterSecurityGroupId;
    const storeGroup = (
      store: DataStore,
      extraSources?: { securityGroupId: string; description: string }[],
    ) =>
      new StoreSecurityGroup(this, `${store}-security-group`, {
        name: `${resourcePrefix(env)}-${store}`,
        description: `${store} (${env.name}): only the EKS cluster reaches it`,
        vpcId,
        port: storeEndpoint(env, store).port,
        clusterSecurityGroupId,
        extraSources,
      }).group.id;

    const logsKey = new CustomerManagedKey(this, 'logs-key', {
      env,
      purpose: 'data-logs',
      description: `Logs of ${env.name}'s data stores`,
      // The log groups of the data stores' exports (postgres.ts, opensearch.ts, kafka.ts).
      logGroups: [
        `/aws/rds/instance/${postgresIdentifier(env)}*`,
        `/aws/opensearch/${opensearchDomainName(env)}/*`,
        `/aws/msk/${mskClusterName(env)}/*`,
        `/aws/lambda/${postgresRotationName(env)}`,
      ],
    });
    const storageKey = new CustomerManagedKey(this, 'storage-key', {
      env,
      purpose: 'storage',
      description: `Buckets of ${env.name}`,
    });
    new CustomerManagedKey(this, 'sops-key', {
      env,
      purpose: SOPS_KEY_PURPOSE,
      description: `SOPS-encrypted application configuration of ${env.name} (runbook §2.2)`,
    });
    const drProvider = env.storage.crossRegionReplication
      ? this.regionalProvider('dr', env.aws.drRegion)
      : undefined;
    this.storage = new Storage(this, 'storage', { env, keyArn: storageKey.arn, drProvider });

    // The rotation function's group exists before PostgreSQL's group so that group can admit it.
    const rotationGroup = rotationSecurityGroup(this, 'secret-rotation-security-group', env, vpcId);
    this.postgres = new Postgres(this, 'postgres', {
      env,
      databaseSubnetIds,
      securityGroupId: storeGroup('postgres', [
        { securityGroupId: rotationGroup.id, description: 'Secret rotation function' },
      ]),
      logsKeyArn: logsKey.arn,
    });
    const secrets = new AppSecrets(this, 'secrets', {
      env,
      vpcId,
      privateSubnetIds: net.privateSubnetIds,
      postgresMasterSecretArn: this.postgres.masterSecretArn,
      postgresKeyArn: this.postgres.key.arn,
      rotationSecurityGroupId: rotationGroup.id,
      logsKeyArn: logsKey.arn,
    });

    const published: Partial<Record<PublishedStore, string>> = {};
    if (storePlacement(env, 'redis') === 'managed') {
      const redis = new Redis(this, 'redis', {
        env,
        databaseSubnetIds,
        securityGroupId: storeGroup('redis'),
      });
      published.redis = redis.group.primaryEndpointAddress;
    }
    if (storePlacement(env, 'opensearch') === 'managed') {
      const search = new OpenSearch(this, 'opensearch', {
        env,
        databaseSubnetIds,
        securityGroupId: storeGroup('opensearch'),
        logsKeyArn: logsKey.arn,
      });
      new OpenSearchSnapshots(this, 'opensearch-snapshots', {
        env,
        storageKeyArn: storageKey.arn,
        accessLogsBucket: this.storage.accessLogs.bucket.bucket,
      });
      published.opensearch = search.domain.endpoint;
    }
    if (storePlacement(env, 'kafka') === 'managed') {
      const kafka = new Kafka(this, 'kafka', {
        env,
        databaseSubnetIds,
        securityGroupId: storeGroup('kafka'),
        logsKeyArn: logsKey.arn,
      });
      // Every broker: clients bootstrap from any of them, and one broker down must not stop them.
      published.kafka = kafka.cluster.bootstrapBrokersSaslIam;
    }
    new StoreEndpoints(this, 'endpoints', { env, keyArn: secrets.key.arn, endpoints: published });
    new PrivateDns(this, 'private-dns', {
      env,
      vpcId,
      primaryHost: this.postgres.primary.address,
      readReplicas: this.postgres.replicas.map((replica) => ({
        identifier: replica.identifier,
        address: replica.address,
      })),
    });
  }
}
