// Network flows derived from what the model declares: public exposure, `calls`, `dependsOn`, `aws` access and
// scraping. Nothing here is hand-listed per service; adding a dependency to the model opens exactly its flow.
import type { AwsAccess, DataStore, EnvConfig } from '../../environments';
import {
  callersOf,
  inClusterStoreNamespace,
  type NamedJob,
  type NamedService,
  storeEndpoint,
  storeAuth,
  storePlacement,
  subnetPlan,
} from '../../constructs/contracts';
import { selectorFor } from '../../constructs/k8s/labels';
import type { CidrPeer, Flow, Peer } from '../../constructs/k8s/network-policy';
import { componentPorts, components, hasComponent, peerOf } from './components';
import { isService, managementPortOf, type Workload } from './workloads';

/** Public addresses: everything but the private ranges (the VPC and pod networks are reached by name instead). */
export const INTERNET: CidrPeer = {
  cidr: '0.0.0.0/0',
  except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
};

export const databaseSubnets = (env: EnvConfig): Peer[] =>
  subnetPlan(env).map((zone) => ({ cidr: zone.database }));
/** Nodes, the EKS control plane's network interfaces and the AWS interface endpoints all live here. */
export const privateSubnets = (env: EnvConfig): Peer[] =>
  subnetPlan(env).map((zone) => ({ cidr: zone.private }));

export interface WorkloadFlows {
  readonly ingress: Flow[];
  readonly egress: Flow[];
}

export function workloadFlows(env: EnvConfig, workload: Workload): WorkloadFlows {
  const egress = [
    ...(isService(workload) ? workload.calls.map((callee) => callFlow(env, callee)) : []),
    ...workload.dependsOn.map((store) => storeFlow(env, store)),
    ...awsFlows(
      env,
      workload.aws,
      workload.dependsOn.some((store) => storeAuth(env, store) === 'iam'),
    ),
    ...(hasComponent(env, components.tempo) ? [tracesFlow(env)] : []),
    ...(!isService(workload) && workload.callsPublicHost
      ? [{ peers: [INTERNET], ports: [{ port: componentPorts.https }], why: 'calls the public host' }]
      : []),
  ];
  return { ingress: isService(workload) ? serviceIngress(env, workload) : [], egress };
}

function serviceIngress(env: EnvConfig, service: NamedService): Flow[] {
  const flows: Flow[] = [];
  if (service.port !== undefined) {
    const port = [{ port: service.port }];
    if (service.exposure === 'public') {
      flows.push({
        peers: [peerOf(env, components.ingressGateway)],
        ports: port,
        why: 'public, from the ingress',
      });
    }
    for (const caller of callersOf(env, service.name)) {
      flows.push({
        peers: [{ namespace: caller.namespace, pods: selectorFor(caller.name) }],
        ports: port,
        why: `called by ${caller.name}`,
      });
    }
  }
  if (hasComponent(env, components.prometheus)) {
    flows.push({
      peers: [peerOf(env, components.prometheus)],
      ports: [{ port: managementPortOf(env, service) }],
      why: 'scraped by Prometheus',
    });
  }
  return flows;
}

function callFlow(env: EnvConfig, callee: string): Flow {
  const target = env.services[callee];
  if (!target || target.port === undefined) throw new Error(`${env.name}: ${callee} is not an http service`);
  return {
    peers: [{ namespace: target.namespace, pods: selectorFor(callee) }],
    ports: [{ port: target.port }],
    why: `calls ${callee}`,
  };
}

export function storeFlow(env: EnvConfig, store: DataStore): Flow {
  const endpoint = storeEndpoint(env, store);
  const peers: Peer[] =
    endpoint.placement === 'in-cluster'
      ? [{ namespace: inClusterStoreNamespace, pods: selectorFor(store) }]
      : databaseSubnets(env);
  return { peers, ports: [{ port: endpoint.port }], why: `depends on ${store} (${endpoint.placement})` };
}

/** Who may reach an in-cluster store: every workload that declares it in dependsOn. */
export function storeIngress(
  env: EnvConfig,
  store: DataStore,
  consumers: readonly (NamedService | NamedJob)[],
): Flow[] {
  if (storePlacement(env, store) !== 'in-cluster') return [];
  const port = storeEndpoint(env, store).port;
  return consumers.map((consumer) => ({
    peers: [{ namespace: consumer.namespace, pods: selectorFor(consumer.name) }],
    ports: [{ port }],
    why: `${consumer.name} depends on ${store}`,
  }));
}

/**
 * AWS access through IRSA: STS and the other interface endpoints sit in the private subnets (also needed to
 * sign IAM tokens for Redis, OpenSearch and MSK); S3 (gateway endpoint) and the RDS API answer on public
 * addresses. The restore drill also connects to the instance it restores, in the database subnets.
 */
export function awsFlows(env: EnvConfig, access: readonly AwsAccess[], iamStoreAuth = false): Flow[] {
  if (access.length === 0 && !iamStoreAuth) return [];
  const https = [{ port: componentPorts.https }];
  const flows: Flow[] = [
    { peers: privateSubnets(env), ports: https, why: 'STS and AWS interface endpoints (IRSA)' },
  ];
  if (access.length > 0) {
    flows.push({ peers: [INTERNET], ports: https, why: `AWS APIs for ${[...access].sort().join(', ')}` });
  }
  if (access.includes('rds-snapshots')) {
    flows.push({
      peers: databaseSubnets(env),
      ports: [{ port: storeEndpoint(env, 'postgres').port }],
      why: 'the restore-drill instance',
    });
  }
  return flows;
}

function tracesFlow(env: EnvConfig): Flow {
  return {
    peers: [peerOf(env, components.tempo)],
    ports: [{ port: componentPorts.tempoOtlpHttp }],
    why: 'traces to Tempo (OTLP)',
  };
}
