// How workloads authenticate to each data store, and which Secrets Manager secrets Terraform therefore creates.
// Managed Redis, OpenSearch and MSK take short-lived IAM credentials (IRSA): there is no password to store or
// rotate. PostgreSQL keeps a password (rotated every secrets.rotationDays) because most drivers and migration
// tools expect one; IAM database authentication is enabled on the instance as well. In-cluster stores are the
// Kubernetes side's own business: their credentials never leave the cluster.
import type { DataStore, EnvConfig } from '../../environments';
import { storePlacement } from './endpoints';
import { dataStoreSecretPath, pagerDutySecretPath } from './naming';

export type StoreAuth = 'password-secret' | 'iam' | 'in-cluster' | 'disabled';

export function storeAuth(env: EnvConfig, store: DataStore): StoreAuth {
  const placement = storePlacement(env, store);
  if (placement !== 'managed') return placement;
  return store === 'postgres' ? 'password-secret' : 'iam';
}

/** Stores this environment's workloads reach with IAM (each consumer gets a `data-store` grant on its role). */
export function iamAuthStores(env: EnvConfig): DataStore[] {
  return (['redis', 'opensearch', 'kafka'] as const).filter((store) => storeAuth(env, store) === 'iam');
}

export interface ManagedSecret {
  /** Path under skillforge/<env>/ (secretName(env, path) is the full name). */
  readonly path: string;
  /** How the value changes: rotated by Secrets Manager, or issued by a third party and replaced by hand. */
  readonly rotation: 'postgres-alternating-users' | 'external-issuer';
}

/** Every secret Terraform creates, in a stable order: External Secrets reads exactly these names. */
export function managedSecrets(env: EnvConfig): ManagedSecret[] {
  const stores = (Object.keys(dataStoreSecretPath) as DataStore[]).filter(
    (store) => storeAuth(env, store) === 'password-secret',
  );
  return [
    ...stores.map((store) => ({
      path: dataStoreSecretPath[store]!,
      rotation: 'postgres-alternating-users' as const,
    })),
    { path: pagerDutySecretPath('P1'), rotation: 'external-issuer' as const },
    { path: pagerDutySecretPath('P2'), rotation: 'external-issuer' as const },
  ];
}
