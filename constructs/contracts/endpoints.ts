// Where each data store answers, for both managed (private DNS names Terraform creates) and in-cluster modes.
import type { DataStore, EnvConfig } from '../../environments';
import { dataStoreHost } from './naming';

/** Namespace of the in-cluster StatefulSets used when the model selects in-cluster mode (e.g. dev). */
export const inClusterStoreNamespace = 'platform';

export interface StoreEndpoint {
  readonly host: string;
  readonly port: number;
  /** managed: reached through the VPC (database subnets); in-cluster: a Service in `platform`. */
  readonly placement: 'managed' | 'in-cluster';
}

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
      host: `${store}.${inClusterStoreNamespace}.svc.cluster.local`,
      port: IN_CLUSTER_PORTS[store],
      placement,
    };
  }
  return { host: dataStoreHost(env, store), port: MANAGED_PORTS[store], placement: 'managed' };
}
