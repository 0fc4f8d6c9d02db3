// Image catalogue and the platform's pinned Helm sources. Our images are pinned per environment under `releases`.
import type { EnvironmentLayer } from '../layer';

const ours = { source: 'ours', runAsUser: 10001 } as const;

/**
 * External images wait for their digest (rule external-images-pinned): the machines this repository was built on
 * reach no container registry, so the digests could not be read and none is guessed. Expires with the next review.
 */
const digestPending = (reference: string) => ({
  reason: `no digest recorded yet (no registry reachable when pinned); run \`crane digest ${reference}\` and set digest`,
  expires: '2027-03-31',
});

export const imageDefaults = {
  images: {
    web: ours,
    'user-api': ours,
    'assessment-api': ours,
    'recommendation-api': ours,
    'data-api': ours,
    'search-api': ours,
    'enrichment-worker': ours,
    'analytics-event-router': ours,
    'etl-runner': ours,
    'db-migrator': ours,
    'ops-toolbox': ours,
    flagd: {
      source: 'external',
      repository: 'ghcr.io/open-feature/flagd',
      tag: 'v0.11.4',
      tagOnlyException: digestPending('ghcr.io/open-feature/flagd:v0.11.4'),
      runAsUser: 65532,
    },
    k6: {
      source: 'external',
      repository: 'docker.io/grafana/k6',
      tag: '0.55.0',
      tagOnlyException: digestPending('docker.io/grafana/k6:0.55.0'),
      runAsUser: 12345,
    },
    // In-cluster stores (redis.mode / opensearch.mode in-cluster). Both run as any UID given a writable data volume.
    redis: {
      source: 'external',
      repository: 'docker.io/library/redis',
      tag: '7.2.6-alpine',
      tagOnlyException: digestPending('docker.io/library/redis:7.2.6-alpine'),
      runAsUser: 10001,
    },
    opensearch: {
      source: 'external',
      repository: 'docker.io/opensearchproject/opensearch',
      tag: '2.13.0',
      tagOnlyException: digestPending('docker.io/opensearchproject/opensearch:2.13.0'),
      runAsUser: 10001,
    },
  },
  // Every chart at an exact version; why each version and where its end of life is published: docs/charts.md.
  platformCharts: {
    // Prometheus Operator's CRDs on their own, installed before every chart that renders a ServiceMonitor.
    'prometheus-operator-crds': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-operator-crds',
      version: '32.0.0',
      namespace: 'observability',
    },
    'cert-manager': {
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      version: 'v1.21.2',
      namespace: 'platform',
    },
    'external-dns': {
      repoURL: 'https://kubernetes-sigs.github.io/external-dns',
      chart: 'external-dns',
      version: '1.22.0',
      namespace: 'platform',
    },
    'external-secrets': {
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '2.10.0',
      namespace: 'platform',
    },
    'aws-load-balancer-controller': {
      repoURL: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      // Its IAM policy is vendored for exactly this version (constructs/aws/upstream/).
      version: '3.4.0',
      namespace: 'platform',
    },
    // Nodes for the workloads (docs/aws.md "Karpenter"); its IAM, node role and interruption queue are Terraform's.
    karpenter: {
      repoURL: 'oci://public.ecr.aws/karpenter',
      chart: 'karpenter',
      version: '1.15.0',
      namespace: 'platform',
    },
    'argo-rollouts': {
      repoURL: 'https://argoproj.github.io/argo-helm',
      chart: 'argo-rollouts',
      version: '2.41.0',
      namespace: 'platform',
    },
    keda: {
      repoURL: 'https://kedacore.github.io/charts',
      chart: 'keda',
      version: '2.20.1',
      namespace: 'platform',
    },
    // Resource metrics (metrics.k8s.io) for every CPU and memory autoscaler: without it 60 %/70 % never act.
    'metrics-server': {
      repoURL: 'https://kubernetes-sigs.github.io/metrics-server',
      chart: 'metrics-server',
      version: '3.14.0',
      namespace: 'platform',
    },
    'istio-base': {
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'base',
      version: '1.30.4',
      namespace: 'istio-system',
    },
    'istio-cni': {
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'cni',
      version: '1.30.4',
      namespace: 'istio-system',
    },
    istiod: {
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'istiod',
      version: '1.30.4',
      namespace: 'istio-system',
    },
    'kube-prometheus-stack': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      version: '91.5.0',
      namespace: 'observability',
    },
    'blackbox-exporter': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-blackbox-exporter',
      version: '11.18.0',
      namespace: 'observability',
    },
    'redis-exporter': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-redis-exporter',
      version: '6.30.1',
      namespace: 'observability',
    },
    'cloudwatch-exporter': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-cloudwatch-exporter',
      version: '0.28.2',
      namespace: 'observability',
    },
    // Loki's and Tempo's open-source charts moved to the community repository (grafana/loki#20705,
    // grafana-community/helm-charts#2): grafana.github.io's loki chart is Enterprise Logs only since 2026-03, and new
    // tempo versions are published only in the community repository. docs/decisions/grafana-community-charts.md.
    loki: {
      repoURL: 'https://grafana-community.github.io/helm-charts',
      chart: 'loki',
      version: '18.13.3',
      namespace: 'observability',
    },
    // Ships every pod's logs to Loki (runbook §1.3 "audit logging via Loki/S3 retention"); replaces Promtail, whose
    // end of life was 2026-03-02.
    alloy: {
      repoURL: 'https://grafana.github.io/helm-charts',
      chart: 'alloy',
      version: '1.12.1',
      namespace: 'observability',
    },
    tempo: {
      repoURL: 'https://grafana-community.github.io/helm-charts',
      chart: 'tempo',
      version: '3.0.0',
      namespace: 'observability',
    },
  },
  platformManifests: {
    // The Gateway API's standard channel CRDs (Gateway, HTTPRoute…), which Istio's ingress gateway implements.
    'gateway-api': {
      repoURL: 'https://github.com/kubernetes-sigs/gateway-api',
      path: 'config/crd/standard',
      version: 'v1.5.1',
      namespace: 'platform',
    },
  },
} satisfies EnvironmentLayer;
