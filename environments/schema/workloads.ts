// What runs in the cluster: namespaces, services, jobs, images and the platform's Helm sources.
import { z } from 'zod';
import {
  cronSchedule,
  expiringException,
  imageDigest,
  imageTag,
  kubernetesName,
  percent,
  port,
  positiveInt,
  severity,
} from './primitives';

export const namespaceName = z.enum([
  'frontend',
  'api',
  'data-pipelines',
  'observability',
  'platform',
  'support',
]);
export type NamespaceName = z.infer<typeof namespaceName>;

/** Backing services a workload may depend on; each maps to a port and a network policy (constructs/contracts). */
export const dataStore = z.enum(['postgres', 'redis', 'opensearch', 'kafka']);
/** AWS APIs a workload may call through its IAM role for service accounts. */
export const awsAccess = z.enum([
  's3-assets',
  's3-backups',
  's3-analytics-exports',
  'rds-snapshots',
  'opensearch-snapshots',
]);

export const namespaceSchema = z.strictObject({
  podSecurity: z.enum(['restricted', 'baseline', 'privileged']),
  meshInjection: z.boolean(),
  quota: z.strictObject({
    requestsCpu: positiveInt,
    requestsMemoryGiB: positiveInt,
    limitsCpu: positiveInt,
    limitsMemoryGiB: positiveInt,
    pods: positiveInt,
  }),
  /** Defaults the LimitRange applies to containers that set nothing. */
  containerDefaults: z.strictObject({
    cpuMillicores: positiveInt,
    memoryMiB: positiveInt,
    /**
     * Scratch space every container of the namespace requests and may use (ephemeral-storage): root filesystems
     * are read-only, so this is the emptyDir /tmp plus logs. Exceeding the limit evicts the pod, not the node.
     */
    ephemeralStorageMiB: positiveInt,
    ephemeralStorageLimitMiB: positiveInt,
  }),
});

export const resourcesSchema = z.strictObject({
  cpuMillicores: positiveInt,
  memoryMiB: positiveInt,
  cpuLimitMillicores: positiveInt,
  memoryLimitMiB: positiveInt,
});

export const replicaWindowSchema = z.strictObject({
  /** Runbook §4.5: keep HPA min replicas at 7 during EU peak windows (08:00–12:00 UTC). */
  startHourUtc: z.number().int().min(0).max(23),
  endHourUtc: z.number().int().min(1).max(24),
  /** Cron day-of-week field, e.g. "*" or "1-5". */
  daysOfWeek: z
    .string()
    .regex(/^(\*|[0-7](-[0-7])?(,[0-7](-[0-7])?)*)$/, 'expected a cron day-of-week field'),
  minReplicas: positiveInt,
});

export const serviceSchema = z.strictObject({
  namespace: namespaceName,
  /** Which image from `images` runs this service. */
  image: kubernetesName,
  /** http services get a Service, probes and latency SLOs; workers only consume queues/streams. */
  kind: z.enum(['http', 'worker']),
  port: port.optional(),
  /**
   * Port serving Prometheus /metrics and the health endpoints (healthPath); kept off the mesh so Prometheus can
   * scrape under STRICT mTLS. Absent: observability.workloadManagementPort (the OpenTelemetry exporter's port).
   */
  managementPort: port.optional(),
  /** canary = Argo Rollouts with a first step at `canary.firstStepPercent`; rolling = a Deployment. */
  delivery: z.enum(['canary', 'rolling']),
  /** Public services are routed from the ingress; internal ones only from declared callers. */
  exposure: z.enum(['public', 'internal']),
  /** Path prefix on the public host when exposure is public. */
  ingressPath: z
    .string()
    .regex(/^\/[a-z0-9/-]*$/)
    .optional(),
  replicas: z.strictObject({ min: positiveInt, max: positiveInt }),
  /** Pods a voluntary disruption must leave running; must stay below replicas.min so drains can progress. */
  pdbMinAvailable: positiveInt,
  peakWindows: z.record(kubernetesName, replicaWindowSchema),
  resources: resourcesSchema,
  /** P95 latency objective (ms); the alert fires above it. `user` serves authentication. */
  latencyP95Ms: positiveInt.optional(),
  latencyAlertSeverity: severity,
  availabilityPercent: percent,
  /** Scale on P95 latency from Prometheus in addition to CPU/memory (runbook §1.3). */
  scaleOnLatency: z.boolean(),
  /** Scale a Kafka consumer on its lag (seconds behind the head of the stream). */
  scaleOnConsumerLagSeconds: positiveInt.optional(),
  dependsOn: z.array(dataStore),
  /** Other services this one calls; network policies and mesh rules are generated from this list. */
  calls: z.array(kubernetesName),
  aws: z.array(awsAccess),
  healthPath: z.string().regex(/^\/[a-z0-9/_-]*$/),
  /**
   * Readiness endpoint on the management port, distinct from healthPath (liveness) so a dependency outage takes
   * pods out of rotation without restarting them all. Absent: healthPath serves both.
   */
  readinessPath: z
    .string()
    .regex(/^\/[a-z0-9/_-]*$/)
    .optional(),
});

export const jobSchema = z.strictObject({
  namespace: namespaceName,
  image: kubernetesName,
  /** cron = CronJob on `schedule`; presync-hook = Argo CD PreSync Job run before every sync. */
  trigger: z.enum(['cron', 'presync-hook']),
  schedule: cronSchedule.optional(),
  /** Rendered and scheduled only where true (e.g. the k6 synthetic traffic runs in staging). */
  enabled: z.boolean(),
  suspended: z.boolean(),
  command: z.array(z.string()).min(1),
  activeDeadlineMinutes: positiveInt,
  backoffLimit: z.number().int().min(0).max(10),
  /** The job calls the environment's public host (appHost) from inside the cluster, e.g. synthetic traffic. */
  callsPublicHost: z.boolean(),
  /** Load a traffic-generating job (k6) applies: concurrent virtual users for durationMinutes. */
  load: z.strictObject({ virtualUsers: positiveInt, durationMinutes: positiveInt }).optional(),
  /** ETL jobs: the series etl_job_last_success_timestamp_seconds{job} must advance at least this often. */
  expectedIntervalHours: positiveInt.optional(),
  /** The dataset a job refreshes: data_last_refresh_timestamp_seconds{dataset}. */
  refreshesDataset: kubernetesName.optional(),
  dependsOn: z.array(dataStore),
  aws: z.array(awsAccess),
  resources: resourcesSchema,
});

export const imageSchema = z.strictObject({
  /** ours = built by SkillForge CI into ECR (one repository per image); external = a pinned upstream image. */
  source: z.enum(['ours', 'external']),
  /** Upstream repository for external images, e.g. docker.io/grafana/k6. */
  repository: z.string().optional(),
  /** External images are pinned here; ours are pinned per environment under `releases`. */
  tag: imageTag.optional(),
  digest: imageDigest.optional(),
  /**
   * Why an external image runs by tag alone, and until when (rule external-images-pinned). A tag can be pushed
   * again upstream; a digest cannot, so every external image needs a digest or this.
   */
  tagOnlyException: expiringException.optional(),
  /** UID the image runs as (≥ 10001, non-root). */
  runAsUser: z.number().int().min(10001, 'expected a UID ≥ 10001 (non-root, outside host ranges)'),
});

export const releaseSchema = z.strictObject({
  tag: imageTag,
  digest: imageDigest,
  /**
   * Staging only: why this digest skips dev (the incident or ticket). Promotion normally requires a staging digest
   * to have been dev's first (test/gitops/promotion.test.ts); a hotfix built from a release branch may not be.
   */
  hotfix: z.string().min(1).optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const helmSourceSchema = z.strictObject({
  repoURL: z.string().url(),
  chart: z.string().min(1),
  /** Exact chart version: Argo CD installs exactly this. */
  version: z.string().regex(/^v?\d+\.\d+\.\d+$/, 'expected an exact chart version such as 1.16.2'),
  namespace: namespaceName.or(z.literal('istio-system')).or(z.literal('kube-system')),
  /**
   * Last day the upstream project supports this release line, where it publishes one (docs/charts.md). The weekly
   * health check reports a chart past it. Absent: the project publishes no end-of-life date for its releases.
   */
  endOfLife: isoDate.optional(),
});

/** Plain manifests from a Git repository at a tag (CRD bundles a project ships without a Helm chart). */
export const manifestSourceSchema = z.strictObject({
  repoURL: z.string().url(),
  /** Folder of the repository holding the manifests. */
  path: z.string().min(1),
  /** An exact release tag: Argo CD installs exactly this. */
  version: z.string().regex(/^v\d+\.\d+\.\d+$/, 'expected a release tag such as v1.4.1'),
  namespace: namespaceName.or(z.literal('istio-system')),
  endOfLife: isoDate.optional(),
});

export const meshSchema = z.strictObject({
  provider: z.enum(['istio', 'none']),
  /**
   * The istio-proxy sidecar's requests and limits, set on every meshed pod (annotations) so quotas and the capacity
   * proof count it, rather than the injector's defaults.
   */
  sidecarResources: resourcesSchema,
  retries: z.strictObject({
    attempts: positiveInt,
    perTryTimeoutMs: positiveInt,
    retryOn: z.string().min(1),
  }),
});

export const autoscalingSchema = z.strictObject({
  /** Runbook §1.1: HPA targets CPU 60 %, memory 70 %. */
  cpuTargetPercent: percent,
  memoryTargetPercent: percent,
});

export const deliverySchema = z.strictObject({
  /** Runbook §2.1: progressive delivery, canary 10 % first. */
  canaryFirstStepPercent: percent,
  canaryStepPauseMinutes: positiveInt,
});

export const featureFlagSchema = z.strictObject({ enabled: z.boolean(), description: z.string().min(1) });

/** How every rendered pod behaves where the runbook gives no number: probe timing, batch bookkeeping, history. */
export const workloadDefaultsSchema = z.strictObject({
  probes: z.strictObject({
    /** How often readiness and liveness are checked. */
    periodSeconds: positiveInt,
    /** Consecutive liveness failures before the kubelet restarts the container. */
    livenessFailureThreshold: positiveInt,
    /** Time a container gets to start before liveness applies (the startup probe's budget). */
    startupSeconds: positiveInt,
  }),
  /** Seconds a pod gets to finish in-flight requests after SIGTERM. */
  terminationGraceSeconds: positiveInt,
  /** Old ReplicaSets kept for a rollback (kubectl rollout undo, Argo Rollouts abort). */
  revisionHistoryLimit: positiveInt,
  cronJobs: z.strictObject({
    /** A run missed by more than this (controller down, no capacity) is skipped rather than started late. */
    startingDeadlineMinutes: positiveInt,
    successfulJobsHistoryLimit: positiveInt,
    failedJobsHistoryLimit: positiveInt,
  }),
  /** Standalone Jobs (Argo CD hooks) are deleted this long after they finish; their logs stay in Loki. */
  finishedJobTtlHours: positiveInt,
});

export type ServiceConfig = z.infer<typeof serviceSchema>;
export type JobConfig = z.infer<typeof jobSchema>;
export type ImageConfig = z.infer<typeof imageSchema>;
export type NamespaceConfig = z.infer<typeof namespaceSchema>;
export type DataStore = z.infer<typeof dataStore>;
export type AwsAccess = z.infer<typeof awsAccess>;
export type HelmSource = z.infer<typeof helmSourceSchema>;
export type ResourcesConfig = z.infer<typeof resourcesSchema>;
export type ManifestSource = z.infer<typeof manifestSourceSchema>;
export type WorkloadDefaults = z.infer<typeof workloadDefaultsSchema>;
