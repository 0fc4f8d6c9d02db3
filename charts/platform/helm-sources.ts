// The platform's Helm charts and manifest bundles as Argo CD sources: repository, chart, pinned version,
// namespace and values computed from the model. The GitOps layer turns each into an Application; this module only
// decides what goes in them.
import type { EnvConfig } from '../../environments';
import { certManagerValues, externalDnsValues, loadBalancerControllerValues } from './values/edge';
import {
  argoRolloutsValues,
  externalSecretsValues,
  istioBaseValues,
  istioCniValues,
  istiodValues,
  kedaValues,
  metricsServerValues,
} from './values/controllers';
import { alloyValues } from './values/alloy';
import {
  blackboxExporterValues,
  cloudwatchExporterValues,
  kubePrometheusStackValues,
  lokiValues,
  redisExporterValues,
  tempoValues,
} from './values/observability';
import { karpenterValues } from './values/karpenter';
import { chartInstalled } from '../plan/components';
import type { HelmValues } from './values/shared';

export interface PlatformHelmSource {
  /** The model's key for the chart (platformCharts), used as the Helm release name. */
  readonly name: string;
  readonly repoURL: string;
  readonly chart: string;
  readonly version: string;
  readonly namespace: string;
  readonly endOfLife?: string;
  readonly values: HelmValues;
  /**
   * Namespaces besides its own that the chart writes to with our values. An aggregated API server (KEDA's,
   * metrics-server's) must read kube-system's extension-apiserver-authentication ConfigMap, so both charts bind
   * the extension-apiserver-authentication-reader Role there: one RoleBinding each, nothing else. Karpenter's
   * chart adds a Role and RoleBinding in kube-system (read the kube-dns Service, for the nodes' cluster DNS) and
   * in kube-node-lease (delete the leases of nodes it removed).
   */
  readonly alsoWritesTo: readonly string[];
}

export interface PlatformManifestSource {
  readonly name: string;
  readonly repoURL: string;
  readonly path: string;
  readonly version: string;
  readonly namespace: string;
  readonly endOfLife?: string;
}

const VALUES: Readonly<Record<string, (env: EnvConfig) => HelmValues>> = {
  'prometheus-operator-crds': () => ({}),
  'cert-manager': certManagerValues,
  'external-dns': externalDnsValues,
  'external-secrets': externalSecretsValues,
  'aws-load-balancer-controller': loadBalancerControllerValues,
  karpenter: karpenterValues,
  'argo-rollouts': argoRolloutsValues,
  keda: kedaValues,
  'metrics-server': metricsServerValues,
  'istio-base': istioBaseValues,
  'istio-cni': istioCniValues,
  istiod: istiodValues,
  'kube-prometheus-stack': kubePrometheusStackValues,
  'blackbox-exporter': blackboxExporterValues,
  'redis-exporter': redisExporterValues,
  'cloudwatch-exporter': cloudwatchExporterValues,
  loki: lokiValues,
  alloy: alloyValues,
  tempo: tempoValues,
};

const ALSO_WRITES_TO: Readonly<Record<string, readonly string[]>> = {
  keda: ['kube-system'],
  'metrics-server': ['kube-system'],
  karpenter: ['kube-system', 'kube-node-lease'],
};

/**
 * Every entry of env.platformCharts the environment installs (chartInstalled), sorted by name. A chart without a
 * values builder is an error.
 */
export function platformHelmSources(env: EnvConfig): PlatformHelmSource[] {
  return Object.entries(env.platformCharts)
    .filter(([name]) => chartInstalled(env, name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, source]) => {
      const values = VALUES[name];
      if (!values) {
        throw new Error(
          `${env.name}: platformCharts.${name} has no values builder; add one to charts/platform/helm-sources.ts`,
        );
      }
      return { name, ...source, values: values(env), alsoWritesTo: ALSO_WRITES_TO[name] ?? [] };
    });
}

export function platformManifestSources(env: EnvConfig): PlatformManifestSource[] {
  return Object.entries(env.platformManifests)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, source]) => ({ name, ...source }));
}
