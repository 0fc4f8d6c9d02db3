// What kind of artifact a piece of evidence is. Layers tag everything that relates to a promise, including what
// only shows it (a dashboard panel, a synthetic probe); the catalogue says which kinds actually enforce each
// promise, so a replica floor drawn on a dashboard never makes the floor "enforced".
import type { Evidence } from './provenance';

export type ArtifactKind =
  /** A Terraform resource (deploy/<env>/terraform/**). */
  | 'terraform'
  /** A Prometheus alerting rule, or the PrometheusRule object that deploys rules. */
  | 'alert-rule'
  | 'recording-rule'
  /** Alertmanager routing (repeat intervals, receivers). */
  | 'alertmanager'
  /** A Grafana dashboard, or the ConfigMap that provisions dashboards. */
  | 'dashboard'
  /** A synthetic check (Prometheus Operator Probe). */
  | 'probe'
  /** Any other Kubernetes or Argo CD object: workloads, autoscalers, policies, secrets sync… */
  | 'kubernetes'
  | 'other';

export function kindOf(evidence: Evidence): ArtifactKind {
  const [objectKind = '', objectName = ''] = evidence.object.split(' ');
  if (evidence.file.startsWith('terraform/')) return 'terraform';
  if (objectKind === 'alert' || objectKind === 'PrometheusRule') return 'alert-rule';
  if (objectKind === 'record') return 'recording-rule';
  if (objectKind === 'dashboard' || evidence.file.includes('/dashboards/')) return 'dashboard';
  if (objectKind === 'ConfigMap' && objectName.includes('dashboards')) return 'dashboard';
  if (objectKind === 'Probe') return 'probe';
  if (/(^|\/)alertmanager[^/]*\.ya?ml$/.test(evidence.file)) return 'alertmanager';
  if (/^(k8s|argocd)\//.test(evidence.file)) return 'kubernetes';
  return 'other';
}
