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

// Objects that refer to pods istiod creates at sync time for the Gateway (Istio's automated deployment); those
// pods never appear in the rendered tree, so the project rules cannot see them. (NetworkPolicies that select
// Helm-chart pods are kube-score's concern now: the model's scanner record chart-pods-are-not-rendered.)
export const kubernetesExceptions: readonly KubernetesPolicyException[] = [
  {
    rule: 'autoscaler-target-exists',
    object: '*/platform/HorizontalPodAutoscaler/public-istio',
    reason:
      'scales the Deployment istiod generates for the Gateway "public" (<gateway>-istio, Istio\'s automated deployment: https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/); it is created at sync time, so it is not in deploy/',
    expires: '2027-05-31',
  },
  {
    rule: 'pdb-selects-pods',
    object: '*/platform/PodDisruptionBudget/public-istio',
    reason:
      'protects the gateway pods istiod generates for the Gateway "public" (gateway.networking.k8s.io/gateway-name=public); they are created at sync time, so they are not in deploy/',
    expires: '2027-05-31',
  },
];
