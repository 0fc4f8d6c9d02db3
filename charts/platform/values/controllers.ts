// Values of the in-cluster controllers: secrets, progressive delivery, event-driven autoscaling, the mesh.
import type { EnvConfig } from '../../../environments';
import { type HelmValues, irsaServiceAccount, istioTlsVersion } from './shared';

export function externalSecretsValues(env: EnvConfig): HelmValues {
  return {
    installCRDs: true,
    serviceAccount: irsaServiceAccount(env, 'external-secrets', 'external-secrets'),
    serviceMonitor: { enabled: true },
  };
}

export function argoRolloutsValues(): HelmValues {
  return {
    installCRDs: true,
    controller: { metrics: { enabled: true, serviceMonitor: { enabled: true } } },
    // Promotion and aborts go through Git and Argo CD; a second UI with write access would bypass that.
    dashboard: { enabled: false },
  };
}

export function kedaValues(): HelmValues {
  return {
    crds: { install: true },
    prometheus: { operator: { enabled: true, serviceMonitor: { enabled: true } } },
  };
}

export function istioBaseValues(): HelmValues {
  return { defaultRevision: 'default' };
}

export function istioCniValues(): HelmValues {
  // The CNI plugin sets up traffic redirection, so injected pods need no NET_ADMIN init container and the
  // application namespaces can stay at Pod Security "restricted".
  return { cni: { excludeNamespaces: ['kube-system', 'istio-system'] } };
}

export function istiodValues(env: EnvConfig): HelmValues {
  return {
    pilot: { cni: { enabled: true } },
    meshConfig: {
      // Runbook §1.3: TLS 1.2+ end to end, inside the mesh too.
      meshMTLS: { minProtocolVersion: istioTlsVersion(env) },
      // Applications start only once their sidecar can route, so first connections to data stores succeed.
      defaultConfig: { holdApplicationUntilProxyStarts: true },
      enablePrometheusMerge: false,
    },
  };
}
