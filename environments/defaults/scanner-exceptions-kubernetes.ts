// Accepted scanner findings on the rendered Kubernetes objects (deploy/<env>/k8s). Synth renders checkov records as
// `checkov.io/skipN` annotations and kube-score records as `kube-score/ignore` on the objects themselves, and trivy
// records into deploy/<env>/.trivyignore.yaml (one object per file, so trivy's file match is the object).
// checkov's image-digest check (CKV_K8S_43) has no record here: an external image pinned by tag carries its own
// `tagOnlyException` in environments/defaults/images.ts, and synth renders that as the skip.
import type { EnvironmentLayer } from '../layer';

type Records = NonNullable<EnvironmentLayer['scannerExceptions']>;

/** Decisions taken when the real scanners arrived (2026-12-06). */
const NEW = '2027-06-06';

export const kubernetesScannerExceptions: Records = {
  'third-party-images-from-their-registries': {
    scanner: 'trivy',
    checks: ['KSV-0125'],
    targets: [
      { namespace: 'api', kind: 'Deployment', name: 'flagd' },
      { namespace: 'support', kind: 'CronJob', name: 'synthetic-traffic' },
      { namespace: 'platform', kind: 'StatefulSet', name: 'redis' },
      { namespace: 'platform', kind: 'StatefulSet', name: 'opensearch' },
    ],
    reason:
      'flagd is published on ghcr.io, k6, redis and opensearch on Docker Hub; trivy trusts only ACR, ECR and GCR ' +
      'by default. Mirroring them into ECR (pull-through cache) would remove this.',
    expires: '2027-03-06',
  },
  'trivy-judges-namespace-policy-per-file': {
    scanner: 'trivy',
    checks: ['KSV-0039', 'KSV-0040'],
    targets: ['everywhere'],
    reason:
      'trivy asks every file for a LimitRange and a ResourceQuota (aquasecurity/trivy#8635); each namespace has ' +
      'both (namespace baseline). The LimitRange sets defaults only: every container states its own requests ' +
      'and limits and the quota caps the namespace.',
    expires: NEW,
  },
  'ports-are-not-passport-numbers': {
    scanner: 'trivy',
    checks: ['KSV-01010'],
    targets: [{ namespace: '*', kind: 'ConfigMap', name: '*-config' }],
    reason:
      'KSV-01010 takes any value of 3–20 capitals or digits for a passport number, so every port number matches; ' +
      'these ConfigMaps hold ports, hosts and objectives only, secrets come from External Secrets.',
    expires: NEW,
  },
  'on-call-runs-cronjobs-by-hand': {
    scanner: 'trivy',
    checks: ['KSV-0048'],
    targets: [{ namespace: 'api', kind: 'Role', name: 'oncall-run-cronjobs' }],
    reason:
      'On-call starts a CronJob by hand (`kubectl create job --from=cronjob/…`); the Role grants get on cronjobs ' +
      'and create on jobs in the api namespace only.',
    expires: NEW,
  },
  'on-call-annotates-baseline-sync': {
    scanner: 'trivy',
    checks: ['KSV-0049'],
    targets: [{ namespace: 'observability', kind: 'Role', name: 'oncall-baseline-sync' }],
    reason:
      'annotate-baseline-sync (runbook §4.4) patches the grafana-dashboards ConfigMap; the Role grants get and ' +
      'patch on that one ConfigMap (resourceNames) and nothing else.',
    expires: NEW,
  },
  'routing-key-names-are-not-secrets': {
    scanner: 'checkov',
    checks: ['CKV_SECRET_6'],
    targets: [{ namespace: 'observability', kind: 'ExternalSecret', name: 'pagerduty-*' }],
    reason:
      'checkov takes the name of the key inside the Kubernetes Secret (routing-key) for a secret; the value ' +
      'stays in Secrets Manager and reaches the cluster only through External Secrets.',
    expires: NEW,
  },
  'chart-pods-are-not-rendered': {
    scanner: 'kube-score',
    checks: ['networkpolicy-targets-pod'],
    targets: [
      { namespace: 'platform', kind: 'NetworkPolicy', name: '*' },
      { namespace: 'observability', kind: 'NetworkPolicy', name: '*' },
    ],
    reason:
      'These policies select pods of the Helm charts Argo CD installs (charts/plan/components.ts lists their ' +
      'labels), which are not in deploy/; re-check the labels when a chart version changes.',
    expires: NEW,
  },
  'gateway-deployment-is-generated': {
    scanner: 'kube-score',
    checks: ['horizontalpodautoscaler-has-target'],
    targets: [{ namespace: 'platform', kind: 'HorizontalPodAutoscaler', name: 'public-istio' }],
    reason:
      'It scales the Deployment istiod generates for the Gateway "public" at sync time (Istio\'s automated ' +
      'deployment, named <gateway>-istio: istio.io, "Kubernetes Gateway API", Resource Attachment and Scaling), ' +
      'so the target is not in deploy/.',
    expires: NEW,
  },
  'autoscaler-owns-replicas': {
    scanner: 'kube-score',
    checks: ['deployment-replicas'],
    targets: [
      { namespace: 'api', kind: 'Deployment', name: 'search-api' },
      { namespace: 'data-pipelines', kind: 'Deployment', name: 'analytics-event-router' },
    ],
    reason:
      'The KEDA ScaledObject owns replicas (at least 2), so the Deployment leaves the field out as Argo CD and ' +
      'KEDA require; kube-score then assumes 1.',
    expires: NEW,
  },
};
