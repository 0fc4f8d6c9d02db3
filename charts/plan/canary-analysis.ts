// What gates a canary (runbook §2.1 progressive delivery, §6 roll back on failure): the service's error rate and
// P95 latency, measured on the canary's own pods by the in-cluster Prometheus, against the objectives of the model
// (alerts.apiErrorRate.maxPercent, services.<name>.latencyP95Ms). Series carry no `env` label inside the cluster
// (it is added on remote write), so the queries select by namespace, service and the canary's pod-template hash.
import type { EnvConfig } from '../../environments';
import { label, metric, type NamedService } from '../../constructs/contracts';
import { CANARY_HASH_ARG, type CanaryMetric } from '../../constructs/k8s/analysis-template';

/** The pod label Argo Rollouts puts on each ReplicaSet's pods, as Prometheus names it once copied onto series. */
export const ROLLOUTS_HASH_LABEL = 'rollouts-pod-template-hash';
const HASH_SERIES_LABEL = 'rollouts_pod_template_hash';
/** Rate window: four scrapes, as the latency autoscaling query uses. */
const windowOf = (env: EnvConfig) => `${4 * env.observability.scrapeIntervalSeconds}s`;

export function canaryMetrics(env: EnvConfig, service: NamedService): CanaryMetric[] {
  const canary = `${label.namespace}="${service.namespace}",${label.service}="${service.name}",${HASH_SERIES_LABEL}="{{args.${CANARY_HASH_ARG}}}"`;
  const rate = (series: string, extra = '') => `sum(rate(${series}{${canary}${extra}}[${windowOf(env)}]))`;
  const count = `${metric.httpServerDuration}_count`;
  const metrics: CanaryMetric[] = [
    {
      name: 'error-rate',
      query: `${rate(count, `,${label.status}=~"5.."`)} / ${rate(count)}`,
      max: env.alerts.apiErrorRate.maxPercent / 100,
    },
  ];
  if (service.latencyP95Ms !== undefined) {
    metrics.push({
      name: 'latency-p95',
      query: `histogram_quantile(0.95, sum by (${label.bucket}) (rate(${metric.httpServerDuration}_bucket{${canary}}[${windowOf(env)}]))) * 1000`,
      max: service.latencyP95Ms,
    });
  }
  return metrics;
}
