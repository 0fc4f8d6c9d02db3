// How each service scales, from the model: CPU/memory targets for all, plus scheduled floors (peak windows),
// latency (P95 from the OpenTelemetry histogram) and consumer lag where the service asks for them.
import type { EnvConfig } from '../../environments';
import { label, metric, type NamedService, type NfrId } from '../../constructs/contracts';
import type { AutoscalerProps, PrometheusTarget, ScheduledFloor } from '../../constructs/k8s/autoscaler';
import { prometheusUrl } from './components';

export type ScalingPlan = Omit<AutoscalerProps, 'name' | 'namespace' | 'labels' | 'target'>;

export function scalingOf(env: EnvConfig, service: NamedService): ScalingPlan {
  const floors = peakFloors(service);
  const targets = prometheusTargets(env, service);
  return {
    minReplicas: service.replicas.min,
    maxReplicas: service.replicas.max,
    cpuTargetPercent: env.autoscaling.cpuTargetPercent,
    memoryTargetPercent: env.autoscaling.memoryTargetPercent,
    scheduledFloors: floors,
    prometheusTargets: targets,
    nfr: scalingNfr(env, service, floors.length > 0),
  };
}

/** Each peak window as a KEDA cron trigger: from startHourUtc to endHourUtc on the window's days. */
export function peakFloors(service: NamedService): ScheduledFloor[] {
  return Object.entries(service.peakWindows)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, window]) => ({
      name,
      start: `0 ${window.startHourUtc} * * ${window.daysOfWeek}`,
      // A window ending at 24:00 closes at 23:59 of the same day, so the day-of-week field stays valid.
      end:
        window.endHourUtc === 24
          ? `59 23 * * ${window.daysOfWeek}`
          : `0 ${window.endHourUtc} * * ${window.daysOfWeek}`,
      minReplicas: window.minReplicas,
    }));
}

/** Prometheus rate windows span four scrapes, so one missed scrape never empties the series. */
export const rateWindowSeconds = (env: EnvConfig): number => 4 * env.observability.scrapeIntervalSeconds;

export function prometheusTargets(env: EnvConfig, service: NamedService): PrometheusTarget[] {
  const selector = `${label.namespace}="${service.namespace}",${label.service}="${service.name}"`;
  const targets: PrometheusTarget[] = [];
  if (service.scaleOnLatency && service.latencyP95Ms !== undefined) {
    targets.push({
      name: 'latency-p95',
      serverAddress: prometheusUrl(env),
      // Milliseconds, to compare with the model's latencyP95Ms.
      query:
        `histogram_quantile(0.95, sum by (le) (rate(${metric.httpServerDuration}_bucket{${selector}}` +
        `[${rateWindowSeconds(env)}s]))) * 1000`,
      threshold: service.latencyP95Ms,
    });
  }
  if (service.scaleOnConsumerLagSeconds !== undefined) {
    targets.push({
      name: 'consumer-lag',
      serverAddress: prometheusUrl(env),
      query: `max(${metric.analyticsConsumerLag}{${selector}})`,
      threshold: service.scaleOnConsumerLagSeconds,
    });
  }
  return targets;
}

function scalingNfr(env: EnvConfig, service: NamedService, hasPeak: boolean): NfrId[] {
  const ids: NfrId[] = [];
  const isSearch = service.name === env.playbooks.searchLatencySurge.service;
  if (isSearch) ids.push('search-min-replicas');
  if (isSearch && service.scaleOnLatency) ids.push('search-latency-p95');
  if (service.name === env.playbooks.analyticsBacklog.service) ids.push('analytics-router-replicas');
  if (hasPeak) ids.push('eu-peak-min-replicas', 'eu-peak-window');
  return ids;
}
