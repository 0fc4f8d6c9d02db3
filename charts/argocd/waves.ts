// The order the root application creates everything in. Argo CD applies one sync wave at a time and waits
// until everything in it is healthy (for Applications, once argoCdInstallValues' health check is installed):
//   -1  AppProjects, which every Application names;
//    0  every platform Helm chart: the CRDs and controllers the folders' manifests use (Rollout, ScaledObject,
//       ExternalSecret, ServiceMonitor, PeerAuthentication…) whichever namespace the chart runs in;
//   1+  the namespace folders, platform → observability → data-pipelines/support → api → frontend, so shared
//       objects (the ClusterSecretStore, the mesh defaults) and the telemetry stack exist before the
//       workloads that use them, and the public frontend comes last, after the APIs it calls.

export const PROJECT_WAVE = -1;
export const HELM_WAVE = 0;

/** Namespace folders that sync together share a stage; each stage is one wave after the previous one. */
export const FOLDER_STAGES: readonly (readonly string[])[] = [
  ['platform'],
  ['observability'],
  ['data-pipelines', 'support'],
  ['api'],
  ['frontend'],
];

export function folderWave(namespace: string): number {
  const stage = FOLDER_STAGES.findIndex((members) => members.includes(namespace));
  if (stage === -1) {
    throw new Error(
      `k8s/${namespace}/ has no sync wave: add the namespace to FOLDER_STAGES in charts/argocd/waves.ts after the namespaces it depends on`,
    );
  }
  return HELM_WAVE + 1 + stage;
}
