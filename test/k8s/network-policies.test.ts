// Network policies are derived from what the model declares: every namespace denies by default and allows DNS;
// every service and job gets exactly the flows its `calls`, `dependsOn`, `aws` and exposure imply.
import { describe, expect, it } from 'vitest';
import { loadEnvironment, type EnvConfig } from '../../environments';
import {
  callersOf,
  jobsOf,
  namespaces,
  servicesOf,
  storeEndpoint,
  subnetPlan,
} from '../../constructs/contracts';
import { at, envWith, find } from './support';

interface Peer {
  readonly namespaceSelector?: { readonly matchLabels?: Record<string, string> };
  readonly podSelector?: { readonly matchLabels?: Record<string, string> };
  readonly ipBlock?: { readonly cidr: string };
}
interface Rule {
  readonly from?: Peer[];
  readonly to?: Peer[];
  readonly ports?: { readonly port: number | string; readonly protocol: string }[];
}

const envs = ['dev', 'staging', 'prod'].map((name) => loadEnvironment(name));
const NAME = 'app.kubernetes.io/name';
const NAMESPACE = 'kubernetes.io/metadata.name';

const rulesOf = (env: EnvConfig, namespace: string, name: string, direction: 'ingress' | 'egress') =>
  (at(find(env, 'NetworkPolicy', namespace, name), `spec.${direction}`) ?? []) as Rule[];

/** "namespace/name:port" for pod peers, "cidr:port" for address peers. */
/** The label istiod puts on the pods of a Gateway's Envoy. */
const GATEWAY = 'gateway.networking.k8s.io/gateway-name';

function flows(rules: readonly Rule[], side: 'from' | 'to'): string[] {
  return rules
    .flatMap((rule) =>
      (rule[side] ?? []).flatMap((peer) =>
        (rule.ports ?? [{ port: '*', protocol: 'TCP' }]).map((port) =>
          peer.ipBlock
            ? `${peer.ipBlock.cidr}:${port.port}`
            : `${peer.namespaceSelector?.matchLabels?.[NAMESPACE] ?? '*'}/${peer.podSelector?.matchLabels?.[NAME] ?? peer.podSelector?.matchLabels?.[GATEWAY] ?? '*'}:${port.port}`,
        ),
      ),
    )
    .sort();
}

describe.each(envs.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  it('denies all traffic by default in every namespace and allows DNS to CoreDNS', () => {
    for (const namespace of namespaces) {
      expect(at(find(env, 'NetworkPolicy', namespace, 'default-deny'), 'spec')).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [],
      });
      expect(flows(rulesOf(env, namespace, 'allow-dns', 'egress'), 'to')).toEqual([
        'kube-system/*:53',
        'kube-system/*:53',
      ]);
    }
  });

  it('lets each service be reached only by its declared callers, the ingress (if public) and Prometheus', () => {
    for (const service of servicesOf(env)) {
      const policy = find(env, 'NetworkPolicy', service.namespace, service.name);
      expect(at(policy, 'spec.podSelector')).toEqual({ matchLabels: { [NAME]: service.name } });
      expect(at(policy, 'spec.policyTypes')).toEqual(['Ingress', 'Egress']);
      const expected = [
        ...(service.exposure === 'public' ? [`platform/public:${service.port}`] : []),
        ...callersOf(env, service.name).map((caller) => `${caller.namespace}/${caller.name}:${service.port}`),
        `observability/prometheus:${service.managementPort ?? env.observability.workloadManagementPort}`,
      ].sort();
      expect(flows(rulesOf(env, service.namespace, service.name, 'ingress'), 'from')).toEqual(expected);
    }
  });

  it('lets each service and job reach exactly what it calls and depends on', () => {
    const database = subnetPlan(env).map((zone) => zone.database);
    for (const workload of [...servicesOf(env), ...jobsOf(env)]) {
      const egress = flows(rulesOf(env, workload.namespace, workload.name, 'egress'), 'to');
      for (const callee of 'calls' in workload ? workload.calls : []) {
        const target = env.services[callee]!;
        expect(egress).toContain(`${target.namespace}/${callee}:${target.port}`);
      }
      for (const store of workload.dependsOn) {
        const endpoint = storeEndpoint(env, store);
        const expected =
          endpoint.placement === 'in-cluster'
            ? [`platform/${store}:${endpoint.port}`]
            : database.map((cidr) => `${cidr}:${endpoint.port}`);
        expect(egress).toEqual(expect.arrayContaining(expected));
      }
      const declared = new Set([
        '4318',
        '443',
        ...workload.dependsOn.map((s) => String(storeEndpoint(env, s).port)),
      ]);
      for (const callee of 'calls' in workload ? workload.calls : [])
        declared.add(String(env.services[callee]!.port));
      if (workload.aws.includes('rds-snapshots')) declared.add(String(storeEndpoint(env, 'postgres').port));
      // Nothing beyond the declared dependencies, AWS endpoints (443) and traces (4318).
      expect(
        egress.map((flow) => flow.slice(flow.lastIndexOf(':') + 1)).filter((port) => !declared.has(port)),
      ).toEqual([]);
    }
  });
});

describe('flows follow the model', () => {
  it('opens a new call and only that one', () => {
    const env = envWith('prod', { services: { 'data-api': { calls: ['search-api'] } } });
    expect(flows(rulesOf(env, 'api', 'data-api', 'egress'), 'to')).toContain('api/search-api:8080');
    expect(flows(rulesOf(env, 'api', 'search-api', 'ingress'), 'from')).toContain('api/data-api:8080');
    const before = loadEnvironment('prod');
    expect(flows(rulesOf(before, 'api', 'search-api', 'ingress'), 'from')).not.toContain('api/data-api:8080');
  });

  it('sends in-cluster store traffic to the StatefulSet and managed store traffic to the database subnets', () => {
    const dev = loadEnvironment('dev');
    expect(flows(rulesOf(dev, 'api', 'search-api', 'egress'), 'to')).toEqual(
      expect.arrayContaining(['platform/opensearch:9200', 'platform/redis:6379']),
    );
    expect(flows(rulesOf(dev, 'platform', 'redis', 'ingress'), 'from')).toEqual(
      expect.arrayContaining([
        'api/search-api:6379',
        'api/user-api:6379',
        'observability/prometheus-redis-exporter:6379',
      ]),
    );
    const prod = loadEnvironment('prod');
    expect(flows(rulesOf(prod, 'api', 'search-api', 'egress'), 'to')).toContain('10.30.224.0/22:443');
  });

  it('opens Redis to the redis exporter only where the exporter is installed (in-cluster Redis)', () => {
    const dev = loadEnvironment('dev');
    expect(flows(rulesOf(dev, 'observability', 'redis-exporter', 'egress'), 'to')).toEqual([
      'platform/redis:6379',
    ]);
    // Managed Redis takes IAM tokens only: no exporter, so no policy for its pods and no flow to the store.
    for (const name of ['staging', 'prod']) {
      const env = loadEnvironment(name);
      expect(() => find(env, 'NetworkPolicy', 'observability', 'redis-exporter')).toThrow(
        `${name}: no NetworkPolicy observability/redis-exporter rendered`,
      );
    }
  });
});
