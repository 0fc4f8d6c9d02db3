// Identifiers of the runbook's numeric promises. Renderers tag what they produce with these ids (Kubernetes
// annotation, rule labels, construct metadata for Terraform); the NFR report (deploy/<env>/nfr-report.md) is
// built from those tags, never from a hand-kept list. The catalogue in scripts/nfr/catalogue/ describes each id
// (runbook sentence, model fields, how it is enforced); see docs/compliance.md.

export const NFR_ANNOTATION = 'skillforge.io/nfr';

export const nfrIds = [
  'hpa-cpu-target',
  'hpa-memory-target',
  'postgres-read-capacity',
  'redis-snapshot-interval',
  'registry-retention',
  'cache-warm-top-occupations',
  'search-latency-p95',
  'frontend-tti',
  'availability-target',
  'tls-minimum',
  'rto',
  'rpo',
  'canary-first-step',
  'secret-rotation',
  'oncall-p1-response',
  'oncall-p2-response',
  'oncall-secondary-escalation',
  'oncall-long-incident',
  'oncall-manager-p2',
  'post-incident-review',
  'alert-api-error-rate',
  'alert-latency',
  'alert-queue-depth',
  'alert-failed-syncs',
  'alert-cache-hit-ratio',
  'alert-replication-lag',
  'alert-storage-used',
  'alert-synthetic-uptime',
  'alert-etl-delay',
  'alert-data-freshness',
  'search-min-replicas',
  'search-surge-replicas',
  'search-surge-watch',
  'search-recovery-latency',
  'eu-peak-min-replicas',
  'eu-peak-window',
  'analytics-ingestion-lag',
  'analytics-router-replicas',
  'analytics-surge-replicas',
  'alert-consumer-lag',
  'analytics-revert',
] as const;

export type NfrId = (typeof nfrIds)[number];

/** Comma-separated, sorted, de-duplicated: the value of the annotation/label. */
export const nfrTag = (ids: readonly NfrId[]): string => [...new Set(ids)].sort().join(',');
