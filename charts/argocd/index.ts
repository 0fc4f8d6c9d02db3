// Argo CD for one environment: the root application, the team AppProjects and one Application per namespace
// folder and per platform Helm chart (deploy/<env>/argocd/), plus the install values bootstrap-cluster uses.
export { renderArgoCd, ROOT_FILE } from './render';
export { argoCdInstallValues } from './install-values';
export { deployPath, NAMESPACE_FILES, projectOf, ROOT_APPLICATION, ROOT_PROJECT } from './applications';
export {
  chartWave,
  FOLDER_STAGES,
  folderWave,
  NAMESPACES_APPLICATION,
  NAMESPACES_WAVE,
  PROJECT_WAVE,
} from './waves';
export { clusterKindsAllowed, CLUSTER_SCOPED_KINDS, PROJECT_CLASS_OF_TEAM } from './kinds';
export type * from './types';
export { ARGO_API_VERSION, IN_CLUSTER, SYNC_WAVE_ANNOTATION } from './types';
