// The data-store credentials of a namespace: one ExternalSecret per store that any of its workloads depends on,
// shared by those workloads (hook jobs bring their own, see job.ts).
import type { Construct } from 'constructs';
import type { DataStore, EnvConfig, NamespaceName } from '../../environments';
import { dataStoreSecretPath, jobsIn, secretName, servicesIn } from '../../constructs/contracts';
import { passwordStoresOf } from '../plan/workloads';
import { SyncedSecret } from '../../constructs/k8s/external-secret';
import { PART_OF, PART_OF_LABEL } from '../../constructs/k8s/labels';
import { sharedSecretName } from './pod-template';

/** The ClusterSecretStore for AWS Secrets Manager (charts/platform). */
export const SECRET_STORE = 'aws-secrets-manager';

/** Password-authenticated stores the namespace's long-running services and scheduled jobs use. */
export function credentialStoresIn(env: EnvConfig, namespace: NamespaceName): DataStore[] {
  const consumers = [
    ...servicesIn(env, namespace),
    ...jobsIn(env, namespace).filter((job) => job.trigger !== 'presync-hook'),
  ];
  return [...new Set(consumers.flatMap((workload) => passwordStoresOf(env, workload)))].sort();
}

export function renderCredentials(scope: Construct, env: EnvConfig, namespace: NamespaceName): void {
  for (const store of credentialStoresIn(env, namespace)) {
    new SyncedSecret(scope, `Credentials-${store}`, {
      name: sharedSecretName(store),
      namespace,
      labels: { [PART_OF_LABEL]: PART_OF },
      remoteKey: secretName(env, dataStoreSecretPath[store] as string),
      store: SECRET_STORE,
      refreshMinutes: env.secrets.refreshMinutes,
    });
  }
}
