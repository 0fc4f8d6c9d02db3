// The model's services and jobs seen the same way by every chart: names, ports, what a pod needs to run.
import type { EnvConfig } from '../../environments';
import { type NamedJob, type NamedService, storeAuth } from '../../constructs/contracts';
import type { DataStore } from '../../environments';
import type { ComputeResources } from '../../constructs/k8s/pod';

export type Workload = NamedService | NamedJob;

export const isService = (workload: Workload): workload is NamedService => 'kind' in workload;

/** Port serving /metrics and the health endpoints (see managementPort in the model). */
export const managementPortOf = (env: EnvConfig, service: NamedService): number =>
  service.managementPort ?? env.observability.workloadManagementPort;

/** The model's requests and limits plus the namespace's scratch space. */
export function computeOf(env: EnvConfig, workload: Workload): ComputeResources {
  const scratch = env.namespaces[workload.namespace].containerDefaults;
  return {
    ...workload.resources,
    ephemeralStorageMiB: scratch.ephemeralStorageMiB,
    ephemeralStorageLimitMiB: scratch.ephemeralStorageLimitMiB,
  };
}

/**
 * Stores the workload authenticates to with a password from Secrets Manager (storeAuth in the contracts): only
 * those get an ExternalSecret and a mounted credential; IAM-authenticated stores use the pod's IRSA role.
 */
export const passwordStoresOf = (env: EnvConfig, workload: Workload): DataStore[] =>
  workload.dependsOn.filter((store) => storeAuth(env, store) === 'password-secret');

/** Where a data store's credentials are mounted in a pod (files, not env vars: a rotation needs no restart). */
export const credentialsDir = (store: string): string => `/var/run/secrets/skillforge/${store}`;

/** Environment variable prefix for a name: "search-api" → "SEARCH_API". */
export const envPrefix = (name: string): string => name.toUpperCase().replace(/-/g, '_');
