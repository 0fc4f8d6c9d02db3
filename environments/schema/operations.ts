// Service levels, alert thresholds, on-call timings, playbooks and delivery: runbook §1.3, §2, §3.4, §4.
import { z } from 'zod';
import { kubernetesName, percent, port, positiveInt, promDuration, severity } from './primitives';

export const sloSchema = z.strictObject({
  /** Runbook §1.3: CDN ensures ≤ 3.5 s time-to-interactive on mobile. */
  frontendTtiSeconds: z.number().positive(),
  /** Core Web Vitals "good" CLS; the runbook tracks CLS without a number, so this is ours (web.dev guidance). */
  frontendClsScore: z.number().positive(),
  /** Percentile of page loads the Core Web Vitals are judged at (web.dev: the 75th), for TTI and its baseline. */
  webVitalsPercentile: z.number().int().min(1).max(99),
  /** Runbook §1.3: 30 m RTO / 15 m RPO. */
  rtoMinutes: positiveInt,
  rpoMinutes: positiveInt,
  /** Runbook §1.3: Redis cache warms the top 10k occupations. */
  cacheWarmTopOccupations: positiveInt,
  /** Runbook §1.3: end-to-end TLS 1.2+. */
  minimumTlsVersion: z.enum(['1.2', '1.3']),
});

const threshold = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, severity });

export const alertsSchema = z.strictObject({
  apiErrorRate: threshold({ maxPercent: percent, for: promDuration }),
  /** Thresholds are each service's latencyP95Ms; severity is each service's latencyAlertSeverity. */
  latency: z.strictObject({ for: promDuration }),
  queueDepth: threshold({ maxJobs: positiveInt, for: promDuration }),
  /** "> 2 consecutive attempts": more than maxFailures failed syncs of one application within `window`. */
  failedSyncs: threshold({ maxFailures: positiveInt, window: promDuration }),
  cacheHitRatio: threshold({ minPercent: percent, for: promDuration }),
  replicationLag: threshold({ maxSeconds: positiveInt, for: promDuration }),
  storageUsed: threshold({ maxPercent: percent, for: promDuration }),
  syntheticUptime: threshold({ minPercent: percent, window: promDuration }),
  etlDelay: threshold({ maxLateHours: positiveInt }),
  dataFreshness: threshold({ maxAgeHours: positiveInt }),
  consumerLag: threshold({ maxSeconds: positiveInt, for: promDuration }),
  /**
   * Runbook §4.5: production ingestion more than maxMinutes behind the staging baseline. Measured over `window`:
   * the minutes of baseline-pace ingestion production is short of (docs/metrics.md), so `window` must exceed it.
   */
  ingestionBehindBaseline: threshold({ maxMinutes: positiveInt, window: promDuration, for: promDuration }),
});

export const oncallSchema = z.strictObject({
  /** Runbook §3.4: respond within 15 minutes to P1, 30 minutes to P2 (Alertmanager repeat intervals). */
  p1ResponseMinutes: positiveInt,
  p2ResponseMinutes: positiveInt,
  secondaryEscalationMinutes: positiveInt,
  longIncidentMinutes: positiveInt,
  managerP2EscalationHours: positiveInt,
  postIncidentReviewHours: positiveInt,
});

export const playbooksSchema = z.strictObject({
  /** Runbook §4.5 search latency surge: scale search-api to surgeReplicas, watch, recover below recoveredBelowMs. */
  searchLatencySurge: z.strictObject({
    service: z.string(),
    surgeReplicas: positiveInt,
    watchMinutes: positiveInt,
    recoveredBelowMs: positiveInt,
  }),
  /** Runbook §4.5 analytics backlog: scale the router, revert only after revertAfterHours below revertBelowLagSeconds. */
  analyticsBacklog: z.strictObject({
    service: z.string(),
    surgeReplicas: positiveInt,
    revertAfterHours: positiveInt,
    revertBelowLagSeconds: positiveInt,
  }),
});

export const observabilitySchema = z.strictObject({
  prometheusRetentionDays: positiveInt,
  /** Size of the in-cluster Prometheus's volume (gp3): retentionDays of the cluster's series, with headroom. */
  prometheusVolumeGiB: positiveInt,
  lokiRetentionDays: positiveInt,
  tempoRetentionDays: positiveInt,
  scrapeIntervalSeconds: positiveInt,
  /**
   * Seconds between blackbox probes of each public endpoint (the Probe objects). Synthetic uptime is the share of
   * successful probes over alerts.syntheticUptime.window, so this decides how much one failed probe weighs: rule
   * `probe-interval-tolerates-one-failure` keeps a single failure above alerts.syntheticUptime.minPercent.
   */
  probeIntervalSeconds: positiveInt,
  /** Port on which workloads serve /metrics and health by default (the OpenTelemetry Prometheus exporter's). */
  workloadManagementPort: port,
  /** Environment whose metrics become the `…_staging_baseline` series (runbook §4.4). */
  baselineEnvironment: z.string(),
  /** Shared Prometheus that receives every environment's remote write (runbook §4.4). EXAMPLE VALUE. */
  sharedPrometheusUrl: z.string().url(),
  /** Files Alertmanager reads the PagerDuty integration keys from; the keys live in Secrets Manager. */
  pagerDuty: z.strictObject({ p1RoutingKeyFile: z.string(), p2RoutingKeyFile: z.string() }),
});

export const gitopsSchema = z.strictObject({
  /** EXAMPLE VALUE: the Git repository Argo CD reconciles. */
  repoUrl: z.string().url(),
  targetRevision: z.string().min(1),
  /** Automated sync with self-heal; production uses a manual gate (runbook §2.1 "manual approval"). */
  automatedSync: z.boolean(),
  argoCdChartVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** Namespace Argo CD runs in: bootstrap-cluster installs it there; every Application and AppProject lives there. */
  argoCdNamespace: kubernetesName,
});

export const backupsSchema = z.strictObject({
  /** Class of the throwaway instance the monthly restore drill (the backup-verification job) restores into. */
  restoreDrillInstanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/),
});

export const accessSchema = z.strictObject({
  /** Identity-provider groups mapped to Kubernetes RBAC (runbook §1.3 SOC 2; §4.3 quarterly review). */
  groups: z.strictObject({ oncall: z.string(), platformAdmins: z.string(), developers: z.string() }),
  accessReviewIntervalDays: positiveInt,
});

export const ciSchema = z.strictObject({
  /** EXAMPLE VALUE: owner/name of the GitHub repository whose Actions assume the deploy role. */
  githubRepository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/),
  /** GitHub environment that gates deploys (required reviewers in production). */
  githubEnvironment: z.string().min(1),
});

export type SloConfig = z.infer<typeof sloSchema>;
export type AlertsConfig = z.infer<typeof alertsSchema>;
