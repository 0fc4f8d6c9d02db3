// Runbook §4.5: the post-launch guardrails. Replica floors, the EU-peak window and the backlog alerts are
// rendered; the playbook steps (scale up, watch, revert) are actions the on-call SRE takes. This section of the
// runbook separates figures from units with a narrow no-break space (U+202F), hence the \u202f in the quotes.
import type { NfrEntry } from '../types';
import { num, str } from './read';

const searchScale =
  'Scale `search-api` deployment from 6→9 replicas via `kubectl -n api scale deployment search-api --replicas=9`.';
const searchWatch =
  'Monitor `search_latency_p95` and `cache_hit_ratio` panels in Grafana for 15 minutes; confirm return to <340\u202fms sustained.';
const euPeak =
  'Reduce replicas once traffic normalises but keep HPA min replicas at 7 during EU peak windows (08:00–12:00 UTC) via Helm values override committed to GitOps repo.';
const routerScale =
  'Scale consumer Deployment `analytics-event-router` from 2→4 replicas (`kubectl -n data-pipelines scale deployment analytics-event-router --replicas=4`).';
const revert =
  'Review backlog metrics during KPI sync; revert replicas only after 24h of sustained <120\u202fs lag.';

const surgePlaybook =
  'the on-call SRE running the §4.5 search latency playbook (npm run search-latency-surge)';
const backlogPlaybook =
  'the on-call SRE running the §4.5 analytics backlog playbook (npm run analytics-backlog)';
const euWindow = 'services.search-api.peakWindows.eu-peak';

export const guardrailEntries: readonly NfrEntry[] = [
  {
    id: 'search-min-replicas',
    sources: [{ section: '4.5', text: searchScale, figures: ['6→9'] }],
    promise: 'search-api runs 6 replicas normally',
    fields: ['services.search-api.replicas.min'],
    display: (v) => `min ${num(v, 'services.search-api.replicas.min')} replicas`,
    conforms: (v) => num(v, 'services.search-api.replicas.min') >= 6,
    enforcement: { class: 'enforced', by: ['kubernetes'] },
  },
  {
    id: 'search-surge-replicas',
    sources: [{ section: '4.5', text: searchScale, figures: ['6→9', '--replicas=9'] }],
    promise: 'scale search-api to 9 replicas on a latency surge',
    fields: ['playbooks.searchLatencySurge.surgeReplicas', 'services.search-api.replicas.max'],
    display: (v) =>
      `${num(v, 'playbooks.searchLatencySurge.surgeReplicas')} replicas (ceiling ${num(v, 'services.search-api.replicas.max')})`,
    conforms: (v) => num(v, 'playbooks.searchLatencySurge.surgeReplicas') >= 9,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: surgePlaybook },
  },
  {
    id: 'search-surge-watch',
    sources: [{ section: '4.5', text: searchWatch, figures: ['15'] }],
    promise: 'watch latency and cache panels for 15 min',
    fields: ['playbooks.searchLatencySurge.watchMinutes'],
    display: (v) => `${num(v, 'playbooks.searchLatencySurge.watchMinutes')} min`,
    conforms: (v) => num(v, 'playbooks.searchLatencySurge.watchMinutes') >= 15,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: surgePlaybook },
  },
  {
    id: 'search-recovery-latency',
    sources: [{ section: '4.5', text: searchWatch, figures: ['<340'] }],
    promise: 'recovered when search P95 < 340 ms sustained',
    fields: ['playbooks.searchLatencySurge.recoveredBelowMs'],
    display: (v) => `< ${num(v, 'playbooks.searchLatencySurge.recoveredBelowMs')} ms`,
    conforms: (v) => num(v, 'playbooks.searchLatencySurge.recoveredBelowMs') <= 340,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: surgePlaybook },
  },
  {
    id: 'eu-peak-min-replicas',
    sources: [{ section: '4.5', text: euPeak, figures: ['7'] }],
    promise: 'search-api min 7 replicas during the EU peak',
    fields: [`${euWindow}.minReplicas`],
    display: (v) => `min ${num(v, `${euWindow}.minReplicas`)} replicas`,
    conforms: (v) => num(v, `${euWindow}.minReplicas`) >= 7,
    enforcement: { class: 'enforced', by: ['kubernetes'] },
  },
  {
    id: 'eu-peak-window',
    sources: [{ section: '4.5', text: euPeak, figures: ['08:00–12:00'] }],
    promise: 'EU peak window 08:00–12:00 UTC',
    fields: [`${euWindow}.startHourUtc`, `${euWindow}.endHourUtc`, `${euWindow}.daysOfWeek`],
    display: (v) => {
      const hour = (path: string) => `${String(num(v, path)).padStart(2, '0')}:00`;
      const days = str(v, `${euWindow}.daysOfWeek`);
      return `${hour(`${euWindow}.startHourUtc`)}–${hour(`${euWindow}.endHourUtc`)} UTC, ${days === '*' ? 'every day' : `days ${days}`}`;
    },
    conforms: (v) => num(v, `${euWindow}.startHourUtc`) <= 8 && num(v, `${euWindow}.endHourUtc`) >= 12,
    enforcement: { class: 'enforced', by: ['kubernetes'] },
  },
  {
    id: 'analytics-ingestion-lag',
    sources: [
      {
        section: '4.5',
        text: 'Alert triggered when `analytics_events_ingested_total` lagged `_staging_baseline` by >10 minutes.',
        figures: ['>10'],
      },
    ],
    promise: 'alert when ingestion lags the staging baseline > 10 min',
    fields: [
      'alerts.ingestionBehindBaseline.maxMinutes',
      'alerts.ingestionBehindBaseline.for',
      'alerts.ingestionBehindBaseline.severity',
    ],
    display: (v) =>
      `> ${num(v, 'alerts.ingestionBehindBaseline.maxMinutes')} min behind for ${str(v, 'alerts.ingestionBehindBaseline.for')}, ${str(v, 'alerts.ingestionBehindBaseline.severity')}`,
    conforms: (v) => num(v, 'alerts.ingestionBehindBaseline.maxMinutes') <= 10,
    enforcement: { class: 'enforced', by: ['alert-rule'] },
    appliesWhen: {
      holds: (env) => env.observability.baselineEnvironment !== env.name,
      otherwise:
        'this environment is the baseline itself (observability.baselineEnvironment): its ingestion cannot lag its own series',
    },
  },
  {
    id: 'analytics-router-replicas',
    sources: [{ section: '4.5', text: routerScale, figures: ['2→4'] }],
    promise: 'analytics-event-router runs 2 replicas normally',
    fields: ['services.analytics-event-router.replicas.min'],
    display: (v) => `min ${num(v, 'services.analytics-event-router.replicas.min')} replicas`,
    conforms: (v) => num(v, 'services.analytics-event-router.replicas.min') >= 2,
    enforcement: { class: 'enforced', by: ['kubernetes'] },
  },
  {
    id: 'analytics-surge-replicas',
    sources: [{ section: '4.5', text: routerScale, figures: ['2→4', '--replicas=4'] }],
    promise: 'scale analytics-event-router to 4 replicas on a backlog',
    fields: ['playbooks.analyticsBacklog.surgeReplicas', 'services.analytics-event-router.replicas.max'],
    display: (v) =>
      `${num(v, 'playbooks.analyticsBacklog.surgeReplicas')} replicas (ceiling ${num(v, 'services.analytics-event-router.replicas.max')})`,
    conforms: (v) => num(v, 'playbooks.analyticsBacklog.surgeReplicas') >= 4,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: backlogPlaybook },
  },
  {
    id: 'alert-consumer-lag',
    sources: [
      {
        section: '4.5',
        text: 'Update `ops/observability/prometheus-alerts.yaml` to add saturation alert `analytics_consumer_lag_seconds > 300` for 5 minutes with PagerDuty routing.',
        figures: ['300', '5'],
      },
    ],
    promise: 'consumer lag > 300 s for 5 min, paged',
    fields: ['alerts.consumerLag.maxSeconds', 'alerts.consumerLag.for', 'alerts.consumerLag.severity'],
    display: (v) =>
      `> ${num(v, 'alerts.consumerLag.maxSeconds')} s for ${str(v, 'alerts.consumerLag.for')}, ${str(v, 'alerts.consumerLag.severity')}`,
    conforms: (v) =>
      num(v, 'alerts.consumerLag.maxSeconds') <= 300 && str(v, 'alerts.consumerLag.for') === '5m',
    enforcement: { class: 'enforced', by: ['alert-rule'] },
    appliesWhen: {
      holds: (env) => env.kafka.mode !== 'disabled',
      otherwise: 'Kafka is disabled in this environment (kafka.mode)',
    },
  },
  {
    id: 'analytics-revert',
    sources: [{ section: '4.5', text: revert, figures: ['24h', '<120'] }],
    promise: 'revert only after 24 h below 120 s lag',
    fields: [
      'playbooks.analyticsBacklog.revertAfterHours',
      'playbooks.analyticsBacklog.revertBelowLagSeconds',
    ],
    display: (v) =>
      `after ${num(v, 'playbooks.analyticsBacklog.revertAfterHours')} h below ${num(v, 'playbooks.analyticsBacklog.revertBelowLagSeconds')} s`,
    conforms: (v) =>
      num(v, 'playbooks.analyticsBacklog.revertAfterHours') >= 24 &&
      num(v, 'playbooks.analyticsBacklog.revertBelowLagSeconds') <= 120,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: backlogPlaybook },
  },
];
