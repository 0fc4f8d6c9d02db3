// Runbook §4.2: alert thresholds. Each one is a Prometheus rule rendered from the model; the rule carries the
// promise's id in its `nfr` label.
import { durationSeconds, type Severity } from '../../../environments';
import type { NfrId } from '../../../constructs/contracts/nfr';
import type { Applicability, NfrEntry } from '../types';
import { num, seconds, str } from './read';

interface Threshold {
  readonly id: NfrId;
  readonly text: string;
  readonly figures: readonly string[];
  readonly promise: string;
  /** Model object of the alert, e.g. alerts.queueDepth. */
  readonly base: string;
  /** The alert fires when the measured value is `op` the model's `field`. */
  readonly limit: {
    readonly field: string;
    readonly op: '>' | '<';
    readonly unit: string;
    readonly runbook: number;
  };
  /** `for`: fires only after this long (model may be quicker); `window`: the rolling window (must match). */
  readonly duration?: { readonly field: 'for' | 'window'; readonly runbook: string };
  readonly severity: Severity;
  readonly appliesWhen?: Applicability;
}

function threshold(t: Threshold): NfrEntry {
  const limitPath = `${t.base}.${t.limit.field}`;
  const durationPath = t.duration && `${t.base}.${t.duration.field}`;
  const severityPath = `${t.base}.severity`;
  return {
    id: t.id,
    sources: [{ section: '4.2', text: t.text, figures: t.figures }],
    promise: t.promise,
    fields: [limitPath, ...(durationPath ? [durationPath] : []), severityPath],
    display: (v) => {
      const over = t.duration?.field === 'window' ? 'over' : 'for';
      const duration = durationPath ? ` ${over} ${str(v, durationPath)}` : '';
      return `${t.limit.op} ${num(v, limitPath)}${t.limit.unit}${duration}, ${str(v, severityPath)}`;
    },
    conforms: (v) => {
      const limit = num(v, limitPath);
      const limitHolds = t.limit.op === '>' ? limit <= t.limit.runbook : limit >= t.limit.runbook;
      const runbookSeconds = t.duration && durationSeconds(t.duration.runbook);
      const durationHolds =
        !durationPath ||
        (t.duration?.field === 'window'
          ? seconds(v, durationPath) === runbookSeconds
          : seconds(v, durationPath) <= (runbookSeconds ?? 0));
      return limitHolds && durationHolds && str(v, severityPath) === t.severity;
    },
    enforcement: { class: 'enforced', by: ['alert-rule'] },
    ...(t.appliesWhen ? { appliesWhen: t.appliesWhen } : {}),
  };
}

const latencyText =
  'P95 latency breach vs. NFR targets for 10 minutes (P1 for auth/search, P2 for recommendations).';
const databaseText = 'Database replication lag > 5 minutes or storage consumption > 80% (P1).';
const etlText = 'ETL job delay > 2 hours past schedule (P2) and data freshness > 24 hours (P1).';

export const alertEntries: readonly NfrEntry[] = [
  threshold({
    id: 'alert-api-error-rate',
    text: 'API error rate > 1% for 5 minutes (P1).',
    figures: ['1%', '5'],
    promise: 'error rate > 1 % for 5 min, P1',
    base: 'alerts.apiErrorRate',
    limit: { field: 'maxPercent', op: '>', unit: ' %', runbook: 1 },
    duration: { field: 'for', runbook: '5m' },
    severity: 'P1',
  }),
  {
    id: 'alert-latency',
    sources: [{ section: '4.2', text: latencyText, figures: ['10'] }],
    promise: 'P95 above target for 10 min; P1 auth/search, P2 recommendations',
    fields: ['alerts.latency.for', 'services.*.latencyP95Ms', 'services.*.latencyAlertSeverity'],
    display: (v) => {
      // Only services with a latency objective have a latency alert; workers carry a severity but no objective.
      const withObjective = new Set(v.each('services.*.latencyP95Ms').map(([service]) => service));
      const bySeverity = ['P1', 'P2'].map((severity) => {
        const services = v
          .each('services.*.latencyAlertSeverity')
          .filter(([service, value]) => withObjective.has(service) && value === severity)
          .map(([service]) => service);
        return `${severity}: ${services.join(', ') || 'none'}`;
      });
      return `for ${str(v, 'alerts.latency.for')}; ${bySeverity.join('; ')}`;
    },
    conforms: (v) => {
      const severity = new Map(v.each('services.*.latencyAlertSeverity'));
      // `user-api` serves authentication (runbook "auth").
      return (
        seconds(v, 'alerts.latency.for') <= 600 &&
        severity.get('user-api') === 'P1' &&
        severity.get('search-api') === 'P1' &&
        severity.get('recommendation-api') === 'P2'
      );
    },
    enforcement: { class: 'enforced', by: ['alert-rule'] },
  },
  threshold({
    id: 'alert-queue-depth',
    text: 'Queue depth > 500 jobs for 5 minutes (P1).',
    figures: ['500', '5'],
    promise: 'queue depth > 500 jobs for 5 min, P1',
    base: 'alerts.queueDepth',
    limit: { field: 'maxJobs', op: '>', unit: ' jobs', runbook: 500 },
    duration: { field: 'for', runbook: '5m' },
    severity: 'P1',
  }),
  threshold({
    id: 'alert-failed-syncs',
    text: 'Staging/prod deployment failure >2 consecutive attempts (P2).',
    figures: ['>2'],
    promise: 'deployment failing > 2 consecutive attempts, P2',
    base: 'alerts.failedSyncs',
    limit: { field: 'maxFailures', op: '>', unit: ' failed syncs', runbook: 2 },
    severity: 'P2',
  }),
  threshold({
    id: 'alert-cache-hit-ratio',
    text: 'Redis cache hit ratio < 85% for 15 minutes (P2).',
    figures: ['85%', '15'],
    promise: 'cache hit ratio < 85 % for 15 min, P2',
    base: 'alerts.cacheHitRatio',
    limit: { field: 'minPercent', op: '<', unit: ' %', runbook: 85 },
    duration: { field: 'for', runbook: '15m' },
    severity: 'P2',
  }),
  threshold({
    id: 'alert-replication-lag',
    text: databaseText,
    figures: ['5'],
    promise: 'replication lag > 5 min, P1',
    base: 'alerts.replicationLag',
    limit: { field: 'maxSeconds', op: '>', unit: ' s', runbook: 300 },
    severity: 'P1',
    appliesWhen: {
      holds: (env) => env.postgres.readCapacityFactor > 0,
      otherwise: 'no PostgreSQL read replicas in this environment (postgres.readCapacityFactor is 0)',
    },
  }),
  threshold({
    id: 'alert-storage-used',
    text: databaseText,
    figures: ['80%'],
    promise: 'database storage > 80 %, P1',
    base: 'alerts.storageUsed',
    limit: { field: 'maxPercent', op: '>', unit: ' %', runbook: 80 },
    severity: 'P1',
  }),
  threshold({
    id: 'alert-synthetic-uptime',
    text: 'Synthetic uptime < 99.5% rolling hour (P1).',
    figures: ['99.5%'],
    promise: 'synthetic uptime < 99.5 % over a rolling hour, P1',
    base: 'alerts.syntheticUptime',
    limit: { field: 'minPercent', op: '<', unit: ' %', runbook: 99.5 },
    duration: { field: 'window', runbook: '1h' },
    severity: 'P1',
  }),
  threshold({
    id: 'alert-etl-delay',
    text: etlText,
    figures: ['2'],
    promise: 'ETL job > 2 h past schedule, P2',
    base: 'alerts.etlDelay',
    limit: { field: 'maxLateHours', op: '>', unit: ' h late', runbook: 2 },
    severity: 'P2',
  }),
  threshold({
    id: 'alert-data-freshness',
    text: etlText,
    figures: ['24'],
    promise: 'data older than 24 h, P1',
    base: 'alerts.dataFreshness',
    limit: { field: 'maxAgeHours', op: '>', unit: ' h old', runbook: 24 },
    severity: 'P1',
  }),
];
