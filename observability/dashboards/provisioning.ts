// Grafana file provisioning of the dashboards (runbook §4.1 implementation status): one read-only folder whose
// JSON files are deploy/<env>/observability/dashboards/<uid>.json, mounted at DASHBOARD_PATH.
export const DASHBOARD_FOLDER = 'SkillForge';
export const DASHBOARD_PATH = '/var/lib/grafana/dashboards/skillforge';

export const provisioningConfig = () => ({
  apiVersion: 1,
  providers: [
    {
      name: 'skillforge',
      folder: DASHBOARD_FOLDER,
      type: 'file',
      // Generated dashboards are changed in Git: the UI may not save over them, and removal follows the files.
      disableDeletion: false,
      allowUiUpdates: false,
      options: { path: DASHBOARD_PATH, foldersFromFilesStructure: false },
    },
  ],
});
