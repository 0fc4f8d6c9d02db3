// The order the root application creates everything in: the one ordering source. Argo CD applies one sync wave
// at a time and waits until everything in it is healthy (for Applications, once argoCdInstallValues' health check
// is installed) before the next (https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/, "How Do I
// Configure Waves?"). bootstrap-cluster and deploy-app sync in the same order, read back from the rendered
// annotations (scripts/ops/gitops/sync-order.ts), and the bootstrap simulation (test/gitops/simulation/) checks it.
//   -2  AppProjects, which every Application names;
//   -1  `namespaces`: every Namespace, with its Pod Security and injection labels, before anything lands in one
//       (an Argo CD PreSync hook runs before its own Application's Sync phase, so a namespace a folder created for
//       itself would come too late for its hooks);
//    0  CRD bundles: the Prometheus Operator's (every chart below renders ServiceMonitors), Istio's, Gateway API's;
//    1  the mesh: istio-cni and istiod (the sidecar injector) before any pod that must carry a sidecar;
//    2  the controllers;
//    3  charts that need a controller's CRDs: cert-manager's Certificate and Issuer;
//   4+  the namespace folders, platform → observability → data-pipelines/support → api → frontend.

export const PROJECT_WAVE = -2;
export const NAMESPACES_WAVE = -1;
/** The Application that creates every Namespace. */
export const NAMESPACES_APPLICATION = 'namespaces';

/** Charts and manifest bundles (platformCharts, platformManifests keys) that sync before the default stage. */
const EARLY_STAGES: readonly (readonly string[])[] = [
  ['prometheus-operator-crds', 'istio-base', 'gateway-api'],
  ['istio-cni', 'istiod'],
];
/** Charts whose manifests hold a Certificate or Issuer (cert-manager's CRDs) sync after the default stage. */
const LATE_STAGE: readonly string[] = ['aws-load-balancer-controller', 'kube-prometheus-stack'];

const CONTROLLER_WAVE = EARLY_STAGES.length;
const LAST_CHART_WAVE = CONTROLLER_WAVE + 1;

/** Namespace folders that sync together share a stage; each stage is one wave after the previous one. */
export const FOLDER_STAGES: readonly (readonly string[])[] = [
  ['platform'],
  ['observability'],
  ['data-pipelines', 'support'],
  ['api'],
  ['frontend'],
];

/** The wave of a platform chart or manifest bundle. */
export function chartWave(name: string): number {
  const early = EARLY_STAGES.findIndex((members) => members.includes(name));
  if (early !== -1) return early;
  return LATE_STAGE.includes(name) ? LAST_CHART_WAVE : CONTROLLER_WAVE;
}

export function folderWave(namespace: string): number {
  const stage = FOLDER_STAGES.findIndex((members) => members.includes(namespace));
  if (stage === -1) {
    throw new Error(
      `k8s/${namespace}/ has no sync wave: add the namespace to FOLDER_STAGES in charts/argocd/waves.ts after the namespaces it depends on`,
    );
  }
  return LAST_CHART_WAVE + 1 + stage;
}
