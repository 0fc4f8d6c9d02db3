// Values of the in-cluster controllers: secrets, progressive delivery, autoscaling, resource metrics, the mesh.
import type { EnvConfig } from '../../../environments';
import { CHART_PODS, chartResources, ISTIOD_REPLICAS } from './chart-pods';
import { podResources } from './edge';
import { type HelmValues, irsaServiceAccount, istioTlsVersion } from './shared';

export function externalSecretsValues(env: EnvConfig): HelmValues {
  return {
    installCRDs: true,
    serviceAccount: irsaServiceAccount(env, 'external-secrets', 'external-secrets'),
    serviceMonitor: { enabled: true },
    resources: podResources('external-secrets', 'controller'),
    webhook: { resources: podResources('external-secrets', 'webhook') },
    certController: { resources: podResources('external-secrets', 'certController') },
  };
}

export function argoRolloutsValues(): HelmValues {
  return {
    installCRDs: true,
    controller: {
      replicas: 2,
      resources: podResources('argo-rollouts', 'controller'),
      metrics: { enabled: true, serviceMonitor: { enabled: true } },
    },
    // Promotion and aborts go through Git and Argo CD; a second UI with write access would bypass that.
    dashboard: { enabled: false },
  };
}

export function kedaValues(): HelmValues {
  return {
    crds: { install: true },
    prometheus: { operator: { enabled: true, serviceMonitor: { enabled: true } } },
    resources: {
      operator: podResources('keda', 'operator'),
      metricServer: podResources('keda', 'metricServer'),
      webhooks: podResources('keda', 'webhooks'),
    },
  };
}

/** metrics.k8s.io for the HPAs' CPU and memory targets (runbook §1.1: 60 %, 70 %). */
export function metricsServerValues(): HelmValues {
  return {
    replicas: 2,
    resources: podResources('metrics-server', 'server'),
    // Two replicas on different nodes: an HPA reading no metrics holds its replica count.
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
  };
}

export function istioBaseValues(): HelmValues {
  return { defaultRevision: 'default' };
}

export function istioCniValues(): HelmValues {
  // The CNI plugin sets up traffic redirection, so injected pods need no NET_ADMIN init container and the
  // application namespaces can stay at Pod Security "restricted".
  return {
    cni: {
      excludeNamespaces: ['kube-system', 'istio-system'],
      resources: podResources('istio-cni', 'cni'),
    },
  };
}

export function istiodValues(env: EnvConfig): HelmValues {
  const proxy = env.mesh.sidecarResources;
  const pilot = CHART_PODS.istiod?.[0]?.containers.discovery;
  if (pilot === undefined) throw new Error('CHART_PODS has no istiod discovery container');
  return {
    pilot: {
      cni: { enabled: true },
      resources: chartResources(pilot),
      autoscaleMin: ISTIOD_REPLICAS.min,
      autoscaleMax: ISTIOD_REPLICAS.max,
    },
    // The sidecar of every injected pod; meshed workloads also carry the same values as annotations.
    global: { proxy: { resources: chartResources(proxy) } },
    meshConfig: {
      // Runbook §1.3: TLS 1.2+ end to end, inside the mesh too.
      meshMTLS: { minProtocolVersion: istioTlsVersion(env) },
      // Applications start only once their sidecar can route, so first connections to data stores succeed.
      defaultConfig: { holdApplicationUntilProxyStarts: true },
      enablePrometheusMerge: false,
    },
  };
}
