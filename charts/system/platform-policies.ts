// Cross-namespace flows of the platform controllers: the ingress gateway between the internet and the public
// services, ACME and Route 53 for certificates and DNS, the AWS APIs for load balancers, Prometheus for KEDA,
// the kubelets for metrics-server.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { publicServices } from '../../constructs/contracts';
import { selectorFor } from '../../constructs/k8s/labels';
import { NetworkPolicy } from '../../constructs/k8s/network-policy';
import { componentPolicies } from './component-policy';
import { componentPorts, components, hasComponent, istiod, namespaceOf, peerOf } from '../plan/components';
import { INTERNET, privateSubnets } from '../plan/flows';
import { meshEnabled } from '../plan/mesh';

const https = [{ port: componentPorts.https }];

export function renderPlatformPolicies(scope: Construct, env: EnvConfig): void {
  const policy = componentPolicies(scope, env);
  policy('IngressGateway', 'ingress-gateway', components.ingressGateway, {
    ingress: [
      {
        peers: [{ cidr: '0.0.0.0/0' }],
        ports: [{ port: componentPorts.http }, { port: componentPorts.https }],
        why: 'clients and load balancer health checks',
      },
    ],
    egress: [
      ...publicServices(env)
        .filter((service) => service.port !== undefined)
        .map((service) => ({
          peers: [{ namespace: service.namespace, pods: selectorFor(service.name) }],
          ports: [{ port: service.port as number }],
          why: `routes to ${service.name}`,
        })),
      ...(hasComponent(env, components.grafana)
        ? [
            {
              peers: [peerOf(env, components.grafana)],
              ports: [{ port: componentPorts.grafana }],
              why: 'routes to Grafana',
            },
          ]
        : []),
      ...(meshEnabled(env)
        ? [
            {
              peers: [istiod],
              ports: [{ port: componentPorts.istiodXds }],
              why: 'the gateway reaches istiod for its configuration and certificates',
            },
          ]
        : []),
    ],
  });
  policy('CertManager', 'cert-manager', components.certManager, {
    egress: [
      { peers: [INTERNET], ports: https, why: 'ACME (Let’s Encrypt) and Route 53' },
      {
        peers: [INTERNET],
        ports: [
          { port: componentPorts.dns, protocol: 'UDP' },
          { port: componentPorts.dns, protocol: 'TCP' },
        ],
        why: 'DNS-01 propagation checks against the authoritative name servers',
      },
    ],
  });
  policy('ExternalDns', 'external-dns', components.externalDns, {
    egress: [{ peers: [INTERNET], ports: https, why: 'Route 53 API' }],
  });
  policy('MetricsServer', 'metrics-server', components.metricsServer, {
    egress: [
      {
        peers: privateSubnets(env),
        ports: [{ port: componentPorts.kubelet }],
        why: 'resource metrics from every kubelet',
      },
    ],
  });
  policy('LoadBalancerController', 'aws-load-balancer-controller', components.loadBalancerController, {
    egress: [{ peers: [INTERNET], ports: https, why: 'Elastic Load Balancing and EC2 APIs' }],
  });
  if (hasComponent(env, components.prometheus)) {
    policy('Keda', 'keda-operator', components.kedaOperator, {
      egress: [
        {
          peers: [peerOf(env, components.prometheus)],
          ports: [{ port: componentPorts.prometheus }],
          why: 'Prometheus scaling triggers (latency, consumer lag)',
        },
      ],
    });
    policy('ArgoRollouts', 'argo-rollouts', components.argoRollouts, {
      egress: [
        {
          peers: [peerOf(env, components.prometheus)],
          ports: [{ port: componentPorts.prometheus }],
          why: 'canary analysis queries (AnalysisTemplates)',
        },
      ],
    });
    new NetworkPolicy(scope, 'PrometheusScrape', {
      name: 'allow-prometheus-scrape',
      namespace: namespaceOf(env, components.certManager),
      ingress: [{ peers: [peerOf(env, components.prometheus)], ports: [], why: 'controller metrics' }],
    });
  }
}
