// Progressive delivery (runbook §2.1: canary 10 % first) and the mesh (STRICT mTLS, retries): both from the
// model, and nothing Istio at all when the model turns the mesh off.
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../environments';
import { servicesOf } from '../../constructs/contracts';
import { at, envWith, find, objectsOf, objectsOfKind } from './support';

const prod = loadEnvironment('prod');
const ISTIO_GROUPS = /istio\.io\//;

describe('canary delivery', () => {
  it('sends 10 % to the canary first, gates the step on its error rate and P95, then completes the rollout', () => {
    const rollout = find(prod, 'Rollout', 'api', 'assessment-api');
    const gate = (template: string) => ({
      analysis: {
        templates: [{ templateName: template }],
        args: [{ name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } }],
      },
    });
    expect(at(rollout, 'spec.strategy.canary.steps')).toEqual([
      { setWeight: 10 },
      gate('assessment-api-canary'),
    ]);
    expect(rollout.metadata.annotations?.['skillforge.io/nfr']).toBe('canary-first-step');
    const analysis = find(prod, 'AnalysisTemplate', 'api', 'assessment-api-canary');
    const metrics = at(analysis, 'spec.metrics') as {
      name: string;
      count: number;
      failureLimit: number;
      successCondition: string;
      provider: { prometheus: { query: string } };
    }[];
    // The objectives of the model: alerts.apiErrorRate.maxPercent (1 %) and the service's latencyP95Ms (500 ms).
    expect(metrics.map((m) => [m.name, m.successCondition, m.count, m.failureLimit])).toEqual([
      ['error-rate', 'isNaN(result[0]) || result[0] <= 0.01', 5, 0],
      ['latency-p95', 'isNaN(result[0]) || result[0] <= 500', 5, 0],
    ]);
    expect(metrics[0]!.provider.prometheus.query).toContain(
      'rollouts_pod_template_hash="{{args.canary-hash}}"',
    );
    expect(at(find(prod, 'ServiceMonitor', 'api', 'assessment-api'), 'spec.podTargetLabels')).toEqual([
      'rollouts-pod-template-hash',
    ]);
  });

  it('follows the model first step, step length and objectives', () => {
    const env = envWith('prod', {
      delivery: { canaryFirstStepPercent: 25, canaryStepPauseMinutes: 12 },
      alerts: { apiErrorRate: { maxPercent: 2 } },
    });
    expect(at(find(env, 'Rollout', 'frontend', 'web'), 'spec.strategy.canary.steps.0')).toEqual({
      setWeight: 25,
    });
    const metrics = at(find(env, 'AnalysisTemplate', 'frontend', 'web-canary'), 'spec.metrics') as {
      count: number;
      successCondition: string;
    }[];
    expect(metrics.map((m) => [m.count, m.successCondition])).toEqual([
      [12, 'isNaN(result[0]) || result[0] <= 0.02'],
      [12, 'isNaN(result[0]) || result[0] <= 300'],
    ]);
  });

  it('renders a Rollout for each canary service and a Deployment for each rolling one', () => {
    for (const service of servicesOf(prod)) {
      const kind = service.delivery === 'canary' ? 'Rollout' : 'Deployment';
      expect(find(prod, kind, service.namespace, service.name).kind).toBe(kind);
    }
    expect(find(prod, 'Deployment', 'api', 'search-api').kind).toBe('Deployment');
  });

  it('shifts exact weights through the Istio VirtualService and subsets when meshed', () => {
    expect(at(find(prod, 'Rollout', 'api', 'user-api'), 'spec.strategy.canary.trafficRouting')).toEqual({
      istio: {
        virtualService: { name: 'user-api', routes: ['primary'] },
        destinationRule: { name: 'user-api', canarySubsetName: 'canary', stableSubsetName: 'stable' },
      },
    });
    expect(at(find(prod, 'VirtualService', 'api', 'user-api'), 'spec.http')).toEqual([
      {
        name: 'primary',
        route: [
          {
            destination: { host: 'user-api.api.svc.cluster.local', port: { number: 8080 }, subset: 'stable' },
            weight: 100,
          },
          {
            destination: { host: 'user-api.api.svc.cluster.local', port: { number: 8080 }, subset: 'canary' },
            weight: 0,
          },
        ],
        retries: {
          attempts: 3,
          perTryTimeout: '2s',
          retryOn: 'connect-failure,refused-stream,unavailable,503',
        },
      },
    ]);
  });
});

describe('the mesh', () => {
  it('enforces STRICT mTLS in every meshed namespace and labels it for injection', () => {
    const meshed = Object.entries(prod.namespaces)
      .filter(([, ns]) => ns.meshInjection)
      .map(([name]) => name)
      .sort();
    expect(
      objectsOfKind(prod, 'PeerAuthentication').map((o) => [o.metadata.namespace, at(o, 'spec.mtls.mode')]),
    ).toEqual(expect.arrayContaining(meshed.map((ns) => [ns, 'STRICT'])));
    expect(objectsOfKind(prod, 'PeerAuthentication')).toHaveLength(meshed.length);
    for (const ns of meshed) {
      expect(find(prod, 'Namespace', undefined, ns).metadata.labels?.['istio-injection']).toBe('enabled');
    }
    expect(
      find(prod, 'Namespace', undefined, 'platform').metadata.labels?.['istio-injection'],
    ).toBeUndefined();
  });

  it('retries transient failures as the model says', () => {
    const env = envWith('staging', {
      mesh: { retries: { attempts: 5, perTryTimeoutMs: 1500, retryOn: '5xx' } },
    });
    expect(at(find(env, 'VirtualService', 'api', 'flagd'), 'spec.http')).toEqual([
      {
        name: 'primary',
        route: [{ destination: { host: 'flagd.api.svc.cluster.local', port: { number: 8013 } } }],
        retries: { attempts: 5, perTryTimeout: '1.5s', retryOn: '5xx' },
      },
    ]);
    expect(at(find(env, 'DestinationRule', 'api', 'flagd'), 'spec.trafficPolicy.tls.mode')).toBe(
      'ISTIO_MUTUAL',
    );
  });

  it('keeps batch pods out of the mesh, so their Jobs can complete', () => {
    const cron = find(prod, 'CronJob', 'api', 'search-cache-warm');
    expect(at(cron, 'spec.jobTemplate.spec.template.metadata.labels')).toMatchObject({
      'sidecar.istio.io/inject': 'false',
    });
  });

  it('renders nothing of the mesh when the model disables it (Istio then only runs the ingress gateway)', () => {
    const env = envWith('prod', { mesh: { provider: 'none' } });
    const objects = objectsOf(env);
    expect(objects.filter((o) => ISTIO_GROUPS.test(o.apiVersion)).map((o) => o.kind)).toEqual([]);
    expect(objects.filter((o) => o.metadata.labels?.['istio-injection'] !== undefined)).toEqual([]);
    const gateway = (o: { metadata: { name: string } }) =>
      o.metadata.name === 'public' || o.metadata.name === 'public-istio';
    expect(JSON.stringify(objects.filter((o) => !gateway(o)))).not.toMatch(/istio/);
    expect(
      at(find(env, 'Rollout', 'api', 'user-api'), 'spec.strategy.canary.trafficRouting'),
    ).toBeUndefined();
  });
});
