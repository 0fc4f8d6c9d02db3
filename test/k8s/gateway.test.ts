// The public Gateway as Istio's deployment controller reads it: what it copies onto every generated object
// (spec.infrastructure) and what it applies to the generated Service alone (the parametersRef ConfigMap's overlays,
// istio/istio pilot/pkg/config/kube/gateway/deploymentcontroller.go: fetchParameters, applyOverlay).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEnvironment, loadRegistry } from '../../environments';
import { grafanaUrl, originHost } from '../../constructs/contracts';
import { GATEWAY_OPTIONS, gatewayServiceAnnotations } from '../../charts/platform/gateway';
import { GATEWAY_NAMESPACE, PUBLIC_GATEWAY } from '../../charts/plan/components';
import { at, find, objectsOf } from './support';

/** The overlay keys Istio accepts; any other key makes it refuse to deploy the Gateway. */
const SUPPORTED_OVERLAYS = [
  'deployment',
  'horizontalPodAutoscaler',
  'podDisruptionBudget',
  'service',
  'serviceAccount',
];
/** spec.infrastructure.annotations maxProperties in the pinned bundle (Gateway API v1.4.1, standard channel). */
const MAX_INFRASTRUCTURE_ANNOTATIONS = 16;
const WAVE = 'argocd.argoproj.io/sync-wave';

describe.each([...loadRegistry().keys()])('the public Gateway of %s', (name) => {
  const env = loadEnvironment(name);
  const gateway = find(env, 'Gateway', GATEWAY_NAMESPACE, PUBLIC_GATEWAY);
  const options = find(env, 'ConfigMap', GATEWAY_NAMESPACE, GATEWAY_OPTIONS);

  it('names a ConfigMap in its own namespace, synced with it (a Gateway whose ConfigMap is missing is not deployed)', () => {
    expect(at(gateway, 'spec.infrastructure.parametersRef')).toEqual({
      group: '',
      kind: 'ConfigMap',
      name: GATEWAY_OPTIONS,
    });
    expect(options.metadata.namespace).toBe(gateway.metadata.namespace);
    expect(options.metadata.annotations?.[WAVE]).toBe(gateway.metadata.annotations?.[WAVE]);
  });

  it('puts the load balancer annotations on the Service alone, through a supported overlay', () => {
    const data = at(options, 'data') as Record<string, string>;
    expect(Object.keys(data).filter((key) => !SUPPORTED_OVERLAYS.includes(key))).toEqual([]);
    expect(parse(data['service']!)).toEqual({ metadata: { annotations: gatewayServiceAnnotations(env) } });
    const copied = at(gateway, 'spec.infrastructure.annotations') as Record<string, string>;
    expect(Object.keys(copied).length).toBeLessThanOrEqual(MAX_INFRASTRUCTURE_ANNOTATIONS);
    expect(Object.keys(copied).filter((key) => key.startsWith('service.beta.kubernetes.io/'))).toEqual([]);
  });

  it('publishes only CloudFront’s origin name; Grafana is a path of the app host', () => {
    expect(gatewayServiceAnnotations(env)['external-dns.kubernetes.io/hostname']).toBe(originHost(env));
    expect(at(gateway, 'spec.listeners')).toHaveLength(1);
    const route = find(env, 'HTTPRoute', 'observability', 'grafana');
    expect(at(route, 'spec.rules.0.matches.0.path.value')).toBe(new URL(grafanaUrl(env)).pathname);
    expect(
      objectsOf(env)
        .filter((o) => o.kind === 'Certificate')
        .map((o) => o.metadata.name),
    ).toEqual(['app-tls']);
  });
});
