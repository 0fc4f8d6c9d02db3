// Service levels, alert thresholds (§4.2, §4.5), on-call timings (§3.4), playbooks (§4.5), delivery and access.
import type { EnvironmentLayer } from '../layer';

export const operationsDefaults = {
  mesh: {
    provider: 'istio',
    // Istio's own default requests (100m, 128 MiB: global.proxy.resources in the istiod chart's values), with limits
    // a busy service's proxy does not hit; stated here so quotas and the capacity proof count every sidecar.
    sidecarResources: { cpuMillicores: 100, memoryMiB: 128, cpuLimitMillicores: 1000, memoryLimitMiB: 512 },
    // Runbook §1.3: mesh retries for transient failures.
    retries: {
      attempts: 3,
      perTryTimeoutMs: 2000,
      retryOn: 'connect-failure,refused-stream,unavailable,503',
    },
  },
  // Runbook §1.1: HPA targets CPU 60 %, memory 70 %.
  autoscaling: { cpuTargetPercent: 60, memoryTargetPercent: 70 },
  // Runbook §2.1: canary 10 % first.
  delivery: { canaryFirstStepPercent: 10, canaryStepPauseMinutes: 5 },
  featureFlags: {
    'search-typo-tolerance': { enabled: true, description: 'Fuzzy matching of occupation titles in search.' },
    'recommendations-v2': { enabled: false, description: 'Second-generation recommendation ranking.' },
  },
  slo: {
    frontendTtiSeconds: 3.5,
    frontendClsScore: 0.1,
    webVitalsPercentile: 75,
    rtoMinutes: 30,
    rpoMinutes: 15,
    cacheWarmTopOccupations: 10000,
    minimumTlsVersion: '1.2',
  },
  alerts: {
    apiErrorRate: { maxPercent: 1, for: '5m', severity: 'P1' },
    latency: { for: '10m' },
    queueDepth: { maxJobs: 500, for: '5m', severity: 'P1' },
    failedSyncs: { maxFailures: 2, window: '30m', severity: 'P2' },
    cacheHitRatio: { minPercent: 85, for: '15m', severity: 'P2' },
    // The runbook gives no duration for lag; 2m debounces a single late CloudWatch datapoint.
    replicationLag: { maxSeconds: 300, for: '2m', severity: 'P1' },
    storageUsed: { maxPercent: 80, for: '5m', severity: 'P1' },
    syntheticUptime: { minPercent: 99.5, window: '1h', severity: 'P1' },
    etlDelay: { maxLateHours: 2, severity: 'P2' },
    dataFreshness: { maxAgeHours: 24, severity: 'P1' },
    consumerLag: { maxSeconds: 300, for: '5m', severity: 'P1' },
    // Over one hour, a full stop of ingestion crosses maxMinutes after maxMinutes; a slowdown once its deficit does.
    ingestionBehindBaseline: { maxMinutes: 10, window: '1h', for: '5m', severity: 'P2' },
  },
  oncall: {
    p1ResponseMinutes: 15,
    p2ResponseMinutes: 30,
    secondaryEscalationMinutes: 15,
    longIncidentMinutes: 60,
    managerP2EscalationHours: 2,
    postIncidentReviewHours: 48,
  },
  playbooks: {
    searchLatencySurge: { service: 'search-api', surgeReplicas: 9, watchMinutes: 15, recoveredBelowMs: 340 },
    analyticsBacklog: {
      service: 'analytics-event-router',
      surgeReplicas: 4,
      revertAfterHours: 24,
      revertBelowLagSeconds: 120,
    },
  },
  observability: {
    prometheusRetentionDays: 15,
    prometheusVolumeGiB: 50,
    lokiRetentionDays: 30,
    tempoRetentionDays: 14,
    scrapeIntervalSeconds: 30,
    // Runbook §4.2 "synthetic uptime < 99.5 % rolling hour (P1)": at one probe every 10 s an hour holds 360 probes;
    // one failure leaves 359/360 = 99.72 % and only a second (358/360 = 99.44 %) pages. At the 30 s scrape interval
    // it would be 120 probes, and a single failure (119/120 = 99.17 %) would page P1 on its own.
    probeIntervalSeconds: 10,
    workloadManagementPort: 9464,
    baselineEnvironment: 'staging',
    // EXAMPLE VALUE: the shared Prometheus every environment remote-writes to (runbook §4.4).
    sharedPrometheusUrl: 'https://prometheus.shared.skillforge.example/api/v1/write',
    pagerDuty: {
      p1RoutingKeyFile: '/etc/alertmanager/secrets/pagerduty-p1/routing-key',
      p2RoutingKeyFile: '/etc/alertmanager/secrets/pagerduty-p2/routing-key',
    },
  },
  gitops: {
    // EXAMPLE VALUE: the repository Argo CD reconciles.
    repoUrl: 'https://github.com/skillforge/platform.git',
    targetRevision: 'main',
    automatedSync: true,
    // Argo CD 3.5 (argo-helm chart argo-cd 10.9.2): docs/charts.md.
    argoCdChartVersion: '10.9.2',
    argoCdNamespace: 'argocd',
  },
  access: {
    groups: {
      oncall: 'skillforge:oncall',
      platformAdmins: 'skillforge:platform-admins',
      developers: 'skillforge:developers',
    },
    // Runbook §4.3: RBAC roles reviewed quarterly.
    accessReviewIntervalDays: 90,
  },
  // EXAMPLE VALUE: the GitHub repository whose Actions assume the deploy role.
  ci: { githubRepository: 'skillforge/platform' },
} satisfies EnvironmentLayer;
