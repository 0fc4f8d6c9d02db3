// Helm values of the Argo CD chart (gitops.argoCdChartVersion) that this layout depends on. bootstrap-cluster
// installs Argo CD with exactly these, into gitops.argoCdNamespace, so the cluster behaves the way
// deploy/<env>/argocd assumes.
/**
 * Argo CD reports no health for Application objects since 1.8, so the root's sync waves would only order
 * their creation. This health check (the one the Argo CD documentation gives for app of apps) makes each wave
 * wait until the Applications of the previous one are healthy.
 */
const APPLICATION_HEALTH = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
return hs
`;

export function argoCdInstallValues(): Record<string, unknown> {
  return {
    // Chart objects carry their own app.kubernetes.io/instance labels (KEDA's, for one); tracking by
    // annotation keeps Argo CD from mistaking them for another Application's objects.
    configs: {
      cm: {
        'application.resourceTrackingMethod': 'annotation',
        'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH,
      },
    },
  };
}
