// Cross-namespace flows of the observability stack: Prometheus scrapes every namespace and the nodes, KEDA
// queries Prometheus, the ingress gateway serves Grafana, workloads send traces to Tempo, and the stack
// reaches the internet on 443 (remote write to the shared Prometheus, PagerDuty, S3, CloudWatch).
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { namespaces, servicesOf, storeEndpoint } from '../../constructs/contracts';
import { NetworkPolicy } from '../../constructs/k8s/network-policy';
import { componentPolicies } from './component-policy';
import { componentPorts, components, hasComponent, namespaceOf, peerOf } from '../plan/components';
import { INTERNET, privateSubnets, storeFlow } from '../plan/flows';

export function renderObservabilityPolicies(scope: Construct, env: EnvConfig): void {
  if (!hasComponent(env, components.prometheus)) return;
  const namespace = namespaceOf(env, components.prometheus);
  new NetworkPolicy(scope, 'InternetHttps', {
    name: 'allow-internet-https',
    namespace,
    egress: [
      {
        peers: [INTERNET],
        ports: [{ port: componentPorts.https }],
        why: 'remote write, PagerDuty, S3, CloudWatch',
      },
    ],
  });
  const policy = componentPolicies(scope, env);
  policy('Prometheus', 'prometheus', components.prometheus, {
    ingress: [
      ...(hasComponent(env, components.kedaOperator)
        ? [
            {
              peers: [peerOf(env, components.kedaOperator)],
              ports: [{ port: componentPorts.prometheus }],
              why: 'KEDA triggers',
            },
          ]
        : []),
      ...(hasComponent(env, components.argoRollouts)
        ? [
            {
              peers: [peerOf(env, components.argoRollouts)],
              ports: [{ port: componentPorts.prometheus }],
              why: 'canary analysis (Argo Rollouts AnalysisTemplates)',
            },
          ]
        : []),
    ],
    egress: [
      { peers: [{}], ports: [], why: 'scrapes ServiceMonitor targets in every namespace' },
      {
        peers: privateSubnets(env),
        ports: [{ port: componentPorts.kubelet }, { port: componentPorts.nodeExporter }],
        why: 'kubelet/cAdvisor and node-exporter on the nodes',
      },
    ],
  });
  if (hasComponent(env, components.ingressGateway)) {
    policy('Grafana', 'grafana', components.grafana, {
      ingress: [
        {
          peers: [peerOf(env, components.ingressGateway)],
          ports: [{ port: componentPorts.grafana }],
          why: 'Grafana UI',
        },
      ],
    });
  }
  const traced = [...new Set(namespaces.filter((ns) => ns !== namespace))].sort();
  policy('Tempo', 'tempo', components.tempo, {
    ingress: [
      {
        peers: traced.map((ns) => ({ namespace: ns })),
        ports: [{ port: componentPorts.tempoOtlpHttp }],
        why: 'OTLP traces from the workloads',
      },
    ],
  });
  // Rendered only where the exporter is installed, next to an in-cluster Redis (chartInstalled in plan/components).
  const usesRedis = servicesOf(env).some((service) => service.dependsOn.includes('redis'));
  if (usesRedis) {
    policy('RedisExporter', 'redis-exporter', components.redisExporter, {
      egress: [
        {
          ...storeFlow(env, 'redis'),
          why: `cache metrics from redis (port ${storeEndpoint(env, 'redis').port})`,
        },
      ],
    });
  }
}
