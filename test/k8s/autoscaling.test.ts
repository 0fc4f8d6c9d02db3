// Autoscaling intent: the runbook's targets (CPU 60 %, memory 70 %), search-api's floors (6 always, 7 during the
// EU peak 08:00–12:00 UTC), latency and consumer-lag scaling all come from the model, and nothing else sets them.
import { describe, expect, it } from 'vitest';
import { GATEWAY_DEPLOYMENT } from '../../charts/platform/gateway';
import { loadEnvironment, type EnvConfig } from '../../environments';
import { servicesOf } from '../../constructs/contracts';
import { at, envWith, find, objectsOf, objectsOfKind } from './support';

const prod = loadEnvironment('prod');

interface Trigger {
  readonly type: string;
  readonly name: string;
  readonly metricType?: string;
  readonly metadata: Record<string, string>;
}

const triggersOf = (env: EnvConfig, name: string, namespace = 'api') =>
  at(find(env, 'ScaledObject', namespace, name), 'spec.triggers') as Trigger[];

describe('HorizontalPodAutoscaler targets', () => {
  it('are the model CPU and memory targets (runbook §1.1: 60 % and 70 %)', () => {
    const hpa = find(prod, 'HorizontalPodAutoscaler', 'api', 'user-api');
    expect(at(hpa, 'spec.metrics')).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
      },
      {
        type: 'Resource',
        resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ]);
    expect(at(hpa, 'spec.minReplicas')).toBe(3);
    expect(at(hpa, 'spec.maxReplicas')).toBe(10);
    expect(at(hpa, 'spec.scaleTargetRef')).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      name: 'user-api',
    });
  });

  it('follow a change of the model', () => {
    const env = envWith('prod', { autoscaling: { cpuTargetPercent: 55, memoryTargetPercent: 65 } });
    const targets = (
      at(find(env, 'HorizontalPodAutoscaler', 'frontend', 'web'), 'spec.metrics') as {
        resource: { target: { averageUtilization: number } };
      }[]
    ).map((metric) => metric.resource.target.averageUtilization);
    expect(targets).toEqual([55, 65]);
    const keda = triggersOf(env, 'search-api').filter((t) => t.type === 'cpu' || t.type === 'memory');
    expect(keda.map((t) => t.metadata.value)).toEqual(['55', '65']);
  });

  it('cover every service exactly once, and no autoscaled workload sets replicas', () => {
    for (const env of [loadEnvironment('dev'), loadEnvironment('staging'), prod]) {
      const autoscalers = [
        ...objectsOfKind(env, 'HorizontalPodAutoscaler'),
        ...objectsOfKind(env, 'ScaledObject'),
      ];
      const targets = autoscalers.map((a) => at(a, 'spec.scaleTargetRef.name')).sort();
      // Plus the ingress gateway's Deployment, which istiod generates for the Gateway (charts/platform/gateway.ts).
      expect(targets).toEqual([...servicesOf(env).map((s) => s.name), GATEWAY_DEPLOYMENT].sort());
      const replicated = objectsOf(env).filter((o) => o.kind === 'Deployment' || o.kind === 'Rollout');
      expect(
        replicated.filter((o) => at(o, 'spec.replicas') !== undefined).map((o) => o.metadata.name),
      ).toEqual([]);
    }
  });
});

describe('search-api floors', () => {
  it('keeps 6 replicas always and 7 during the EU peak 08:00–12:00 UTC every day', () => {
    const scaled = find(prod, 'ScaledObject', 'api', 'search-api');
    expect(at(scaled, 'spec.minReplicaCount')).toBe(6);
    expect(at(scaled, 'spec.maxReplicaCount')).toBe(12);
    expect(at(scaled, 'spec.scaleTargetRef')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'search-api',
    });
    expect(triggersOf(prod, 'search-api').find((t) => t.type === 'cron')).toEqual({
      type: 'cron',
      name: 'eu-peak',
      metadata: { timezone: 'Etc/UTC', start: '0 8 * * *', end: '0 12 * * *', desiredReplicas: '7' },
    });
    expect(scaled.metadata.annotations?.['skillforge.io/nfr']).toBe(
      'eu-peak-min-replicas,eu-peak-window,hpa-cpu-target,hpa-memory-target,search-latency-p95,search-min-replicas',
    );
  });

  it('follows the window in the model: weekdays 07:00 to midnight at 8 replicas', () => {
    const env = envWith('prod', {
      services: {
        'search-api': {
          peakWindows: { 'eu-peak': { startHourUtc: 7, endHourUtc: 24, daysOfWeek: '1-5', minReplicas: 8 } },
        },
      },
    });
    expect(triggersOf(env, 'search-api').find((t) => t.type === 'cron')?.metadata).toEqual({
      timezone: 'Etc/UTC',
      start: '0 7 * * 1-5',
      end: '59 23 * * 1-5',
      desiredReplicas: '8',
    });
  });

  it('scales on the P95 latency of its own requests against latencyP95Ms', () => {
    const latency = triggersOf(prod, 'search-api').find((t) => t.type === 'prometheus');
    expect(latency?.metricType).toBe('Value');
    expect(latency?.metadata.threshold).toBe('350');
    expect(latency?.metadata.query).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{namespace="api",service="search-api"}[120s]))) * 1000',
    );
    expect(latency?.metadata.serverAddress).toBe(
      'http://kube-prometheus-stack-prometheus.observability.svc.cluster.local:9090',
    );
  });

  it('keeps the schedule without latency scaling, and a service that asks for latency scaling gets KEDA', () => {
    const env = envWith('dev', {
      services: { 'search-api': { scaleOnLatency: false }, 'recommendation-api': { scaleOnLatency: true } },
    });
    expect(triggersOf(env, 'search-api').map((t) => t.type)).toEqual(['cpu', 'memory', 'cron']);
    expect(triggersOf(env, 'recommendation-api').map((t) => [t.type, t.metadata.threshold])).toEqual([
      ['cpu', undefined],
      ['memory', undefined],
      ['prometheus', '800'],
    ]);
    expect(objectsOfKind(env, 'HorizontalPodAutoscaler').map((o) => o.metadata.name)).not.toContain(
      'recommendation-api',
    );
  });
});

describe('analytics-event-router', () => {
  it('runs 2 replicas and scales on consumer lag (runbook §4.5)', () => {
    const scaled = find(prod, 'ScaledObject', 'data-pipelines', 'analytics-event-router');
    expect(at(scaled, 'spec.minReplicaCount')).toBe(2);
    expect(
      triggersOf(prod, 'analytics-event-router', 'data-pipelines').find((t) => t.type === 'prometheus'),
    ).toEqual({
      type: 'prometheus',
      name: 'consumer-lag',
      metricType: 'Value',
      metadata: {
        serverAddress: 'http://kube-prometheus-stack-prometheus.observability.svc.cluster.local:9090',
        query:
          'max(analytics_consumer_lag_seconds{namespace="data-pipelines",service="analytics-event-router"})',
        threshold: '60',
      },
    });
    expect(scaled.metadata.annotations?.['skillforge.io/nfr']).toContain('analytics-router-replicas');
  });
});
