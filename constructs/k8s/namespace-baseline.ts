// A namespace with its Pod Security Standards level, mesh injection, compute quota and container defaults.
import { Construct } from 'constructs';
import { KubeLimitRange, KubeNamespace, KubeResourceQuota } from 'cdk8s-plus-27/lib/imports/k8s';
import type { NamespaceConfig } from '../../environments';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { cores, count, gibibytes, mebibytes, millicores } from './quantities';
import { Manifest } from './manifest';

export interface NamespaceBaselineProps {
  readonly name: string;
  readonly config: NamespaceConfig;
  /** Kubernetes minor version the Pod Security admission rules are pinned to, e.g. "1.31". */
  readonly kubernetesVersion: string;
  /** Label the namespace for Istio sidecar injection. Default: false. */
  readonly meshInjection?: boolean;
  readonly labels?: Labels;
}

/**
 * Pod Security admission labels pinned to the cluster's minor version. Enforce, and also audit and warn, so a
 * violation is visible in the audit log and in kubectl output.
 */
export function podSecurityLabels(level: string, kubernetesVersion: string): Labels {
  const version = `v${kubernetesVersion}`;
  return {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/enforce-version': version,
    'pod-security.kubernetes.io/audit': level,
    'pod-security.kubernetes.io/audit-version': version,
    'pod-security.kubernetes.io/warn': level,
    'pod-security.kubernetes.io/warn-version': version,
  };
}

export class NamespaceBaseline extends Construct {
  constructor(scope: Construct, id: string, props: NamespaceBaselineProps) {
    super(scope, id);
    const { config } = props;
    new Manifest(
      this,
      'Namespace',
      KubeNamespace.manifest({
        metadata: objectMeta({
          name: props.name,
          labels: {
            ...props.labels,
            ...podSecurityLabels(config.podSecurity, props.kubernetesVersion),
            ...(props.meshInjection ? { 'istio-injection': 'enabled' } : {}),
          },
        }),
      }),
    );
    const { quota, containerDefaults: d } = config;
    new Manifest(
      this,
      'Quota',
      KubeResourceQuota.manifest({
        metadata: objectMeta({ name: 'compute', namespace: props.name, labels: props.labels }),
        spec: {
          hard: {
            'requests.cpu': cores(quota.requestsCpu),
            'requests.memory': gibibytes(quota.requestsMemoryGiB),
            'limits.cpu': cores(quota.limitsCpu),
            'limits.memory': gibibytes(quota.limitsMemoryGiB),
            pods: count(quota.pods),
          },
        },
      }),
    );
    // Containers that set nothing (chart sidecars, injected proxies) still get requests and limits, which the
    // quota requires of every pod.
    new Manifest(
      this,
      'Limits',
      KubeLimitRange.manifest({
        metadata: objectMeta({ name: 'container-defaults', namespace: props.name, labels: props.labels }),
        spec: {
          limits: [
            {
              type: 'Container',
              defaultRequest: {
                cpu: millicores(d.cpuMillicores),
                memory: mebibytes(d.memoryMiB),
                'ephemeral-storage': mebibytes(d.ephemeralStorageMiB),
              },
              default: {
                cpu: millicores(d.cpuMillicores),
                memory: mebibytes(d.memoryMiB),
                'ephemeral-storage': mebibytes(d.ephemeralStorageLimitMiB),
              },
            },
          ],
        },
      }),
    );
  }
}
