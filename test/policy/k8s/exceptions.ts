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

// Platform policies select pods that pinned Helm charts create at sync time (charts/plan/components.ts lists
// their labels); those pods never appear in the rendered tree, so the rule cannot see them.
export const kubernetesExceptions: readonly KubernetesPolicyException[] = [
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/ingress-gateway',
    reason:
      'selects the Envoy pods istiod deploys for the Gateway "public" (gateway.networking.k8s.io/gateway-name=public, Istio\'s automated deployment); istiod creates them at sync time, so they are not in deploy/. Re-check the label when the Istio version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/argo-rollouts',
    reason:
      'selects the pods of the argo-rollouts Helm chart (app.kubernetes.io/name=argo-rollouts), which run the canary analyses; Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/metrics-server',
    reason:
      'selects the pods of the metrics-server Helm chart (app.kubernetes.io/name=metrics-server); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
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
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/cert-manager',
    reason:
      'selects the pods of the cert-manager Helm chart (app.kubernetes.io/name=cert-manager); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/external-dns',
    reason:
      'selects the pods of the external-dns Helm chart (app.kubernetes.io/name=external-dns); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/aws-load-balancer-controller',
    reason:
      'selects the pods of the aws-load-balancer-controller Helm chart (app.kubernetes.io/name=aws-load-balancer-controller); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/platform/NetworkPolicy/keda-operator',
    reason:
      'selects the pods of the keda Helm chart (app.kubernetes.io/name=keda-operator); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/observability/NetworkPolicy/prometheus',
    reason:
      'selects the pods of the kube-prometheus-stack Helm chart (app.kubernetes.io/name=prometheus, the pods its Prometheus object creates); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/observability/NetworkPolicy/grafana',
    reason:
      'selects the pods of the kube-prometheus-stack Helm chart (app.kubernetes.io/name=grafana); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/observability/NetworkPolicy/tempo',
    reason:
      'selects the pods of the tempo Helm chart (app.kubernetes.io/name=tempo); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
  {
    rule: 'network-policy-selects-pods',
    object: '*/observability/NetworkPolicy/redis-exporter',
    reason:
      'selects the pods of the redis-exporter Helm chart (app.kubernetes.io/name=prometheus-redis-exporter); Argo CD installs the chart from platformCharts, so its pods are not in deploy/. Re-check the labels when the chart version changes (charts/plan/components.ts)',
    expires: '2027-05-31',
  },
];
