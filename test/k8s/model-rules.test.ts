// The cross-field rules the Kubernetes charts rely on (environments/rules/kubernetes.ts), each with a failing
// example and its exact message, and the shipped environments passing them all.
import { describe, expect, it } from 'vitest';
import { loadEnvironment, loadRegistry } from '../../environments';
import { assertControllers } from '../../charts/plan/components';
import { loadErrorOf, registryWith } from '../foundation/support';

describe('Kubernetes rules of the environment model', () => {
  it('pass for every registered environment', () => {
    expect([...loadRegistry().keys()]).toEqual(['dev', 'staging', 'prod']);
  });

  it('fails when a service requests more cpu than its limit', () => {
    const registry = registryWith('dev', {
      services: { 'data-api': { resources: { cpuMillicores: 3000 } } },
    });
    expect(loadErrorOf(registry)).toContain(
      'environment "dev": services.data-api.resources.cpuMillicores: got 3000; expected ≤ cpuLimitMillicores (2000)',
    );
  });

  it('fails when a namespace requests more scratch space than its limit', () => {
    const registry = registryWith('staging', {
      namespaces: { frontend: { containerDefaults: { ephemeralStorageMiB: 2048 } } },
    });
    expect(loadErrorOf(registry)).toBe(
      'environment "staging": namespaces.frontend.containerDefaults.ephemeralStorageMiB: got 2048; expected ≤ ephemeralStorageLimitMiB (1024)',
    );
  });

  it('fails when the management port is the traffic port', () => {
    const registry = registryWith('dev', { services: { flagd: { managementPort: 8013 } } });
    expect(loadErrorOf(registry)).toBe(
      'environment "dev": services.flagd.managementPort: got 8013; expected the traffic port and the management port of flagd to differ',
    );
  });

  it('fails when in-cluster OpenSearch has an even number of nodes', () => {
    const registry = registryWith('dev', { opensearch: { inCluster: { replicas: 2 } } });
    expect(loadErrorOf(registry)).toBe(
      'environment "dev": opensearch.inCluster.replicas: got 2; expected 1, or an odd number ≥ 3 (a quorum)',
    );
  });

  it('fails when the startup budget is shorter than one probe period', () => {
    const registry = registryWith('prod', { workloadDefaults: { probes: { startupSeconds: 5 } } });
    expect(loadErrorOf(registry)).toBe(
      'environment "prod": workloadDefaults.probes.startupSeconds: got 5; expected ≥ periodSeconds (10)',
    );
  });

  it('fails when synthetic traffic runs past its deadline', () => {
    const registry = registryWith('staging', {
      jobs: { 'synthetic-traffic': { load: { durationMinutes: 45 } } },
    });
    expect(loadErrorOf(registry)).toBe(
      'environment "staging": jobs.synthetic-traffic.load.durationMinutes: got 45; expected < activeDeadlineMinutes (45)',
    );
  });

  it('fails when the quota cannot hold the services at their maximum replicas', () => {
    const registry = registryWith('prod', { services: { 'search-api': { replicas: { max: 40 } } } });
    expect(loadErrorOf(registry)).toBe(
      [
        'environment "prod": namespaces.api.quota.requestsCpu: got 32; expected ≥ 48 (cores of cpu requests at the autoscalers\' maxima)',
        'environment "prod": namespaces.api.quota.limitsCpu: got 160; expected ≥ 237 (cores of cpu limits at the autoscalers\' maxima)',
        'environment "prod": namespaces.api.quota.requestsMemoryGiB: got 40; expected ≥ 50 (GiB of memory requests at the autoscalers\' maxima)',
        'environment "prod": namespaces.api.quota.limitsMemoryGiB: got 80; expected ≥ 119 (GiB of memory limits at the autoscalers\' maxima)',
      ].join('\n'),
    );
  });

  // Defaults always merge in, so an environment file cannot drop a chart: rendering checks the defaults instead.
  it('stops rendering when a canary service has no Argo Rollouts controller', () => {
    const prod = loadEnvironment('prod');
    const charts = Object.fromEntries(
      Object.entries(prod.platformCharts).filter(([name]) => name !== 'argo-rollouts'),
    );
    expect(() => assertControllers({ ...prod, platformCharts: charts })).toThrow(
      'prod: platformCharts.argo-rollouts is missing: a service uses delivery canary (Rollout)',
    );
    expect(() => assertControllers(prod)).not.toThrow();
  });
});
