// istio-system, where the mesh's charts run. istio-cni's node agent needs the host network and privileged
// containers, so its namespace is the one Pod Security level the application namespaces never get; it holds only
// the Istio charts' pods.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { KubeNamespace } from 'cdk8s-plus-27/lib/imports/k8s';
import { Manifest } from '../../constructs/k8s/manifest';
import { objectMeta } from '../../constructs/k8s/metadata';
import { podSecurityLabels } from '../../constructs/k8s/namespace-baseline';
import { meshEnabled } from '../plan/mesh';

export function renderMeshNamespace(scope: Construct, env: EnvConfig): void {
  if (!meshEnabled(env)) return;
  const namespace = env.platformCharts.istiod?.namespace;
  if (namespace === undefined) return;
  new Manifest(
    scope,
    'MeshNamespace',
    KubeNamespace.manifest({
      metadata: objectMeta({
        name: namespace,
        labels: podSecurityLabels('privileged', env.cluster.kubernetesVersion),
      }),
    }),
  );
}
