// How each Application syncs: automatically with self-heal and prune where the model says so (dev, staging),
// only on request in production (runbook §2.1 "manual approval"), and never fighting a controller over a
// field it owns.
import type { EnvConfig } from '../../environments';
import { servicesOf } from '../../constructs/contracts';
import { isCanaryRoutedByMesh } from '../plan/mesh';
import type { IgnoreDifference, SyncPolicy } from './types';

/**
 * A failed sync is retried for about half an hour (15 s doubling to 5 min, ten times): long enough for a
 * chart in the same wave to finish installing the CRDs another chart's manifests need, short enough to
 * surface a real error as a failed sync, which alerts (alerts.failedSyncs).
 */
const RETRY: SyncPolicy['retry'] = { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } };

/** Options every Application shares. */
const COMMON_OPTIONS = [
  // Two Applications owning one object would overwrite each other on every sync: fail instead.
  'FailOnSharedResource=true',
  // Delete what left the tree only after everything else applied and turned healthy.
  'PruneLast=true',
];

/**
 * `options` are the Application's own sync options (namespace creation, apply mode); with ignored
 * differences, a sync respects them too, or it would write the ignored fields back (and reset an autoscaler's
 * replica count).
 */
export function syncPolicy(
  env: EnvConfig,
  options: readonly string[],
  ignoresDifferences: boolean,
): SyncPolicy {
  return {
    ...(env.gitops.automatedSync ? { automated: { prune: true, selfHeal: true } } : {}),
    syncOptions: [
      ...options,
      ...COMMON_OPTIONS,
      ...(ignoresDifferences ? ['RespectIgnoreDifferences=true'] : []),
    ].sort(),
    retry: RETRY,
  };
}

/**
 * Every service runs under an autoscaler (an HPA, or a KEDA ScaledObject that owns one:
 * constructs/k8s/autoscaler.ts), so its Deployment's or Rollout's replica count belongs to that autoscaler,
 * never to Git.
 */
export function autoscalerOwnedFields(env: EnvConfig, namespace: string): IgnoreDifference[] {
  return servicesOf(env)
    .filter((service) => service.namespace === namespace)
    .map((service) => ({
      ...(service.delivery === 'canary'
        ? { group: 'argoproj.io', kind: 'Rollout' }
        : { group: 'apps', kind: 'Deployment' }),
      name: service.name,
      namespace: service.namespace,
      jsonPointers: ['/spec/replicas'],
    }));
}

/**
 * During a canary, Argo Rollouts moves traffic by rewriting the route weights of the service's VirtualService and
 * the pod-template-hash labels of its DestinationRule subsets; a sync that reset them would snap the split back
 * mid-rollout. Only those fields are ignored: retries and timeouts stay under Git.
 */
export function canaryOwnedFields(env: EnvConfig, namespace: string): IgnoreDifference[] {
  return servicesOf(env)
    .filter((service) => service.namespace === namespace && isCanaryRoutedByMesh(env, service))
    .flatMap((service) => [
      {
        group: 'networking.istio.io',
        kind: 'VirtualService',
        name: service.name,
        namespace: service.namespace,
        jqPathExpressions: ['.spec.http[].route[].weight'],
      },
      {
        group: 'networking.istio.io',
        kind: 'DestinationRule',
        name: service.name,
        namespace: service.namespace,
        jqPathExpressions: ['.spec.subsets[].labels["rollouts-pod-template-hash"]'],
      },
    ]);
}
