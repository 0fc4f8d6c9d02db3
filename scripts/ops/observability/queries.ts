// The PromQL the playbooks watch, written against the metric contract (constructs/contracts/metrics.ts) and the
// `env` label every series carries.
import type { EnvConfig } from '../../../environments';
import { label, metric, recorded } from '../../../constructs/contracts';

/** P95 latency of one service in milliseconds over the last 5 minutes (the search_latency_p95 panel). */
export function latencyP95Ms(env: EnvConfig, namespace: string, service: string): string {
  const selector = `${label.env}="${env.name}",${label.namespace}="${namespace}",${label.service}="${service}"`;
  return `histogram_quantile(0.95, sum by (le) (rate(${metric.httpServerDuration}_bucket{${selector}}[5m]))) * 1000`;
}

/** The worst of the per-minute P95 values over the last `minutes`: "sustained" below a target means this is. */
export const worstOver = (promql: string, minutes: number): string =>
  `max_over_time((${promql})[${minutes}m:1m])`;

/**
 * Redis cache hit ratio (0–1), as the cache_hit_ratio panel and RedisCacheHitRatioLow read it: the series the shared
 * Prometheus records from the environment's own source (redis_exporter or ElastiCache's CloudWatch metrics).
 */
export const cacheHitRatio = (env: EnvConfig): string =>
  `${recorded.redisCacheHitRatio}{${label.env}="${env.name}"}`;

const consumerLag = (env: EnvConfig): string =>
  `max(${metric.analyticsConsumerLag}{${label.env}="${env.name}"})`;

/** Highest analytics consumer lag (seconds) at one-minute resolution over the last `hours`. */
export const maxConsumerLag = (env: EnvConfig, hours: number): string =>
  `max_over_time(${consumerLag(env)}[${hours}h:1m])`;

/** How many of those one-minute points had data: fewer than hours × 60 means the window has gaps. */
export const consumerLagPoints = (env: EnvConfig, hours: number): string =>
  `count_over_time(${consumerLag(env)}[${hours}h:1m])`;
