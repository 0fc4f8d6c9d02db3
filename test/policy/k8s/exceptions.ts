// Accepted Kubernetes policy findings. Each entry is a reviewed decision with a reason and an expiry date;
// an expired entry fails the suite, and so does an entry that no longer matches any finding.
//
// Example (keep the list empty until a finding really must be accepted):
//   {
//     rule: 'no-host-namespaces',
//     object: '*/observability/DaemonSet/node-exporter',
//     reason: 'node-exporter reads host network and process metrics; the namespace enforces privileged PSS',
//     expires: '2026-06-30',
//   },
import type { KubernetesPolicyException } from './engine';

// Empty: the only entries (NetworkPolicies selecting Helm-chart pods) moved to the model as the kube-score record
// chart-pods-are-not-rendered when the real scanners replaced the rule they excepted.
export const kubernetesExceptions: readonly KubernetesPolicyException[] = [];
