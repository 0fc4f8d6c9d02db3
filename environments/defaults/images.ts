// Image catalogue and the platform's pinned Helm sources. Our images are pinned per environment under `releases`.
import type { EnvironmentLayer } from '../layer';

const ours = { source: 'ours', runAsUser: 10001 } as const;

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
    flagd: { source: 'external', repository: 'ghcr.io/open-feature/flagd', tag: 'v0.11.4', runAsUser: 65532 },
    k6: { source: 'external', repository: 'docker.io/grafana/k6', tag: '0.55.0', runAsUser: 12345 },
    // In-cluster stores (redis.mode / opensearch.mode in-cluster). Both run as any UID given a writable data volume.
    redis: {
      source: 'external',
      repository: 'docker.io/library/redis',
      tag: '7.2.6-alpine',
      runAsUser: 10001,
    },
    opensearch: {
      source: 'external',
      repository: 'docker.io/opensearchproject/opensearch',
      tag: '2.13.0',
      runAsUser: 10001,
    },
  },
  platformCharts: {
    'ingress-nginx': {
      repoURL: 'https://kubernetes.github.io/ingress-nginx',
      chart: 'ingress-nginx',
      version: '4.11.3',
      namespace: 'platform',
    },
    'cert-manager': {
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      version: 'v1.16.2',
      namespace: 'platform',
    },
    'external-dns': {
      repoURL: 'https://kubernetes-sigs.github.io/external-dns',
      chart: 'external-dns',
      version: '1.15.0',
      namespace: 'platform',
    },
    'external-secrets': {
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '0.10.7',
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
      version: '2.38.0',
      namespace: 'platform',
    },
    keda: {
      repoURL: 'https://kedacore.github.io/charts',
      chart: 'keda',
      version: '2.16.0',
      namespace: 'platform',
    },
    'istio-base': {
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'base',
      version: '1.24.1',
      namespace: 'istio-system',
    },
    'istio-cni': {
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'cni',
      version: '1.24.1',
      namespace: 'istio-system',
    },
    istiod: {
      repoURL: 'https://istio-release.storage.googleapis.com/charts',
      chart: 'istiod',
      version: '1.24.1',
      namespace: 'istio-system',
    },
    'kube-prometheus-stack': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      version: '66.3.1',
      namespace: 'observability',
    },
    'blackbox-exporter': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-blackbox-exporter',
      version: '9.1.0',
      namespace: 'observability',
    },
    'redis-exporter': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-redis-exporter',
      version: '6.6.0',
      namespace: 'observability',
    },
    'cloudwatch-exporter': {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'prometheus-cloudwatch-exporter',
      version: '0.26.0',
      namespace: 'observability',
    },
    loki: {
      repoURL: 'https://grafana.github.io/helm-charts',
      chart: 'loki',
      version: '6.22.0',
      namespace: 'observability',
    },
    // Ships every pod's logs to Loki (runbook §1.3 "audit logging via Loki/S3 retention").
    promtail: {
      repoURL: 'https://grafana.github.io/helm-charts',
      chart: 'promtail',
      version: '6.16.6',
      namespace: 'observability',
    },
    tempo: {
      repoURL: 'https://grafana.github.io/helm-charts',
      chart: 'tempo',
      version: '1.14.0',
      namespace: 'observability',
    },
  },
} satisfies EnvironmentLayer;
