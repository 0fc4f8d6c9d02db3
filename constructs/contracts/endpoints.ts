// Where each data store answers. PostgreSQL: a private-zone name Terraform creates (RDS certificates are checked
// with sslmode=require, and the weighted read name spreads reads over the replicas). Managed Redis, OpenSearch and
// MSK: their native endpoints, because TLS clients verify the certificate against the name they dialled and a
// private CNAME would fail that check; AWS chooses those names at create time, so Terraform publishes them in a
// Secrets Manager secret the workloads read with their IRSA role (all MSK brokers, not one). In-cluster stores: a
// Service in `platform`.
import type { DataStore, EnvConfig } from '../../environments';
import { dataStoreHost, secretName } from './naming';

/** Namespace of the in-cluster StatefulSets used when the model selects in-cluster mode (e.g. dev). */
export const inClusterStoreNamespace = 'platform';

/** A name known while rendering: the PostgreSQL private-zone name or an in-cluster Service. */
export interface NamedEndpoint {
  readonly kind: 'named';
  readonly host: string;
  readonly port: number;
  /** managed: reached through the VPC (database subnets); in-cluster: a Service in `platform`. */
  readonly placement: 'managed' | 'in-cluster';
}

/**
 * A native endpoint only known after apply: the Secrets Manager secret Terraform writes it to, as JSON
 * {"host", "port"} (MSK: {"bootstrapBrokers"}, every broker, host:port comma-separated).
 */
export interface PublishedEndpoint {
  readonly kind: 'published';
  readonly secret: string;
  readonly port: number;
  readonly placement: 'managed';
}

export type StoreEndpoint = NamedEndpoint | PublishedEndpoint;

/** Path under skillforge/<env>/ of a managed store's published endpoint. */
export const endpointSecretPath = (store: Exclude<DataStore, 'postgres'>): string => `endpoints/${store}`;

const MANAGED_PORTS: Readonly<Record<DataStore, number>> = {
  postgres: 5432,
  redis: 6379,
  // OpenSearch domains only listen on HTTPS.
  opensearch: 443,
  // MSK with IAM authentication over TLS.
  kafka: 9098,
};

const IN_CLUSTER_PORTS: Readonly<Record<'redis' | 'opensearch', number>> = { redis: 6379, opensearch: 9200 };

export function storePlacement(env: EnvConfig, store: DataStore): 'managed' | 'in-cluster' | 'disabled' {
  switch (store) {
    case 'postgres':
      return 'managed';
    case 'redis':
      return env.redis.mode;
    case 'opensearch':
      return env.opensearch.mode === 'managed' ? 'managed' : env.opensearch.mode;
    case 'kafka':
      return env.kafka.mode === 'msk' ? 'managed' : 'disabled';
  }
}

export function storeEndpoint(env: EnvConfig, store: DataStore): StoreEndpoint {
  const placement = storePlacement(env, store);
  if (placement === 'disabled') throw new Error(`${store} is disabled in ${env.name}`);
  if (placement === 'in-cluster' && (store === 'redis' || store === 'opensearch')) {
    return {
      kind: 'named',
      host: `${store}.${inClusterStoreNamespace}.svc.cluster.local`,
      port: IN_CLUSTER_PORTS[store],
      placement,
    };
  }
  if (store === 'postgres') {
    return {
      kind: 'named',
      host: dataStoreHost(env, store),
      port: MANAGED_PORTS[store],
      placement: 'managed',
    };
  }
  return {
    kind: 'published',
    secret: secretName(env, endpointSecretPath(store)),
    port: MANAGED_PORTS[store],
    placement: 'managed',
  };
}

/** The PostgreSQL primary's name (always known while rendering). */
export function postgresEndpoint(env: EnvConfig): NamedEndpoint {
  const endpoint = storeEndpoint(env, 'postgres');
  if (endpoint.kind !== 'named') throw new Error('PostgreSQL always has a named endpoint');
  return endpoint;
}
