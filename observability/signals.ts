// Every compared signal as one PromQL function of (matchers, kept labels, window). Alerts call it with the
// environment's matchers, baselines with the baseline environment's, dashboards with `$__rate_interval`: the three
// cannot disagree about what "P95 latency" or "cache hit ratio" means.
import { cacheHitSource, label, metric, recorded, redisMemberClusterPattern } from '../constructs/contracts';
import type { EnvConfig } from '../environments';
import { aggregate, type Matchers, selector } from './promql';

type Keep = readonly string[];

const bucket = (name: string) => `${name}_bucket`;
const withLe = (by: Keep) => [...by, label.bucket];
/** 5xx answers: the server failed, not the client. */
const SERVER_ERROR = { [label.status]: '5..' };
const FAILED_SYNC = { [label.argocdPhase]: 'Error|Failed' };
/** cAdvisor also reports each pod's own cgroup with container=""; counting it would double every pod. */
const REAL_CONTAINER = { [label.container]: '' };

export const latencyQuantile = (quantile: number, m: Matchers, by: Keep, window: string): string =>
  `histogram_quantile(${quantile}, ${aggregate('sum', withLe(by), `rate(${selector(bucket(metric.httpServerDuration), m)}[${window}])`)})`;

export const requestRate = (m: Matchers, by: Keep, window: string): string =>
  aggregate('sum', by, `rate(${selector(`${metric.httpServerDuration}_count`, m)}[${window}])`);

export const errorRatio = (m: Matchers, by: Keep, window: string): string =>
  `${aggregate('sum', by, `rate(${selector(`${metric.httpServerDuration}_count`, m, SERVER_ERROR)}[${window}])`)} / ${requestRate(m, by, window)}`;

export const queueDepth = (m: Matchers, by: Keep): string =>
  aggregate('max', [...by, label.queue], selector(metric.queueDepth, m));

/**
 * Hits over lookups of the environment's Redis, read from its source; recorded once per environment as
 * recorded.redisCacheHitRatio, which is what everything else reads. redis_exporter's counters go through rate();
 * the CloudWatch series are per-period sums of each member cluster, added up over the window across the members
 * (primary and replicas all serve reads). A scrape repeats the newest period until CloudWatch has the next one, but
 * hits and misses come from the same scrape and repeat alike, so the ratio is that of the periods in the window.
 */
export function redisHitRatio(env: EnvConfig, m: Matchers, by: Keep, window: string): string {
  const exporter = cacheHitSource(env) === 'redis-exporter';
  const members = { [label.cacheCluster]: redisMemberClusterPattern(env) };
  const lookups = (counter: string, cloudwatch: string): string =>
    exporter
      ? aggregate('sum', by, `rate(${selector(counter, m)}[${window}])`)
      : aggregate('sum', by, `sum_over_time(${selector(cloudwatch, m, members)}[${window}])`);
  const hits = lookups(metric.redisKeyspaceHits, metric.elasticacheCacheHits);
  const misses = lookups(metric.redisKeyspaceMisses, metric.elasticacheCacheMisses);
  return `${hits} / (${hits} + ${misses})`;
}

/** The recorded hit ratio (0–1): what the alert, its baseline, the panel and the §4.5 playbook read. */
export const cacheHitRatio = (m: Matchers): string => selector(recorded.redisCacheHitRatio, m);

export const replicaLag = (m: Matchers, by: Keep): string =>
  aggregate('max', by, selector(metric.rdsReplicaLag, m));

/** Share of the allocated storage in use; the fullest instance counts (replicas share the primary's size). */
export const storageUsed = (m: Matchers, by: Keep, allocatedBytes: number): string =>
  `1 - ${aggregate('min', by, selector(metric.rdsFreeStorage, m))} / ${allocatedBytes}`;

export const connections = (m: Matchers, by: Keep): string =>
  aggregate('max', by, selector(metric.rdsConnections, m));

export const probeUptime = (m: Matchers, by: Keep, window: string): string =>
  aggregate('avg', [...by, label.service], `avg_over_time(${selector(metric.probeSuccess, m)}[${window}])`);

/** The slowest device class's TTI at the Web Vitals percentile: the SLO is for mobile, usually the slowest. */
export const frontendTti = (quantile: number, m: Matchers, by: Keep, window: string): string =>
  aggregate(
    'max',
    by,
    `histogram_quantile(${quantile}, ${aggregate('sum', withLe([...by, label.deviceClass]), `rate(${selector(bucket(metric.frontendTti), m)}[${window}])`)})`,
  );

export const frontendClsAverage = (m: Matchers, by: Keep, window: string): string =>
  `${aggregate('sum', by, `rate(${selector(`${metric.frontendCls}_sum`, m)}[${window}])`)} / ${aggregate('sum', by, `rate(${selector(`${metric.frontendCls}_count`, m)}[${window}])`)}`;

export const etlAge = (m: Matchers, by: Keep): string =>
  `time() - ${aggregate('max', [...by, label.job], selector(metric.etlLastSuccess, m))}`;

export const datasetAge = (m: Matchers, by: Keep): string =>
  `time() - ${aggregate('max', [...by, label.dataset], selector(metric.dataLastRefresh, m))}`;

export const jobFailures = (m: Matchers, by: Keep): string =>
  aggregate('sum', [...by, label.namespace], selector(metric.kubeJobFailed, m));

export const ingestRate = (m: Matchers, by: Keep, window: string): string =>
  aggregate('sum', by, `rate(${selector(metric.analyticsEventsIngested, m)}[${window}])`);

export const consumerLag = (m: Matchers, by: Keep): string =>
  aggregate('max', by, selector(metric.analyticsConsumerLag, m));

export const syncFailures = (m: Matchers, by: Keep, window: string): string =>
  aggregate('sum', by, `increase(${selector(metric.argocdAppSync, m, FAILED_SYNC)}[${window}])`);

export const nodesReady = (m: Matchers, by: Keep): string =>
  aggregate(
    'count',
    by,
    `${selector(metric.kubeNodeCondition, { ...m, [label.condition]: 'Ready', [label.conditionStatus]: 'true' })} == 1`,
  );

/** Container restarts per hour (rate is per second). */
export const podRestartsPerHour = (m: Matchers, by: Keep, window: string): string =>
  `${aggregate('sum', [...by, label.namespace], `rate(${selector(metric.kubePodRestarts, m)}[${window}])`)} * 3600`;

export function hpaSaturation(m: Matchers, by: Keep): string {
  const keep = [...by, label.namespace, label.hpa];
  return `${aggregate('max', keep, selector(metric.kubeHpaCurrentReplicas, m))} / ${aggregate('max', keep, selector(metric.kubeHpaMaxReplicas, m))}`;
}

/** Requested share of what the nodes can allocate: what the scheduler runs out of first. */
export const requestedShare = (resource: 'cpu' | 'memory', m: Matchers, by: Keep): string =>
  `${aggregate('sum', by, selector(metric.kubePodResourceRequests, { ...m, [label.resource]: resource }))} / ${aggregate('sum', by, selector(metric.kubeNodeAllocatable, { ...m, [label.resource]: resource }))}`;

export const namespaceCpu = (m: Matchers, by: Keep, window: string): string =>
  aggregate(
    'sum',
    [...by, label.namespace],
    `rate(${selector(metric.containerCpuUsage, m, {}, REAL_CONTAINER)}[${window}])`,
  );

export const namespaceMemory = (m: Matchers, by: Keep): string =>
  aggregate(
    'sum',
    [...by, label.namespace],
    selector(metric.containerMemoryWorkingSet, m, {}, REAL_CONTAINER),
  );

export const deploymentAvailable = (m: Matchers, by: Keep): string =>
  aggregate(
    'sum',
    [...by, label.namespace, label.deployment],
    selector(metric.kubeDeploymentAvailableReplicas, m),
  );
