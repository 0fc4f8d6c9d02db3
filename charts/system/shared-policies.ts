// Network policies of the namespaces that run the platform's Helm charts (platform, observability). Chart pods
// talk to each other in ways their charts define, so traffic inside the namespace is open; everything that
// crosses the namespace boundary is listed here or in the namespace's own policies.
import type { Construct } from 'constructs';
import type { EnvConfig, NamespaceName } from '../../environments';
import { type Flow, NetworkPolicy } from '../../constructs/k8s/network-policy';
import { chartInstalled, componentPorts, controlPlaneCallbackPorts } from '../plan/components';
import { privateSubnets } from '../plan/flows';

export function renderSystemNamespacePolicies(
  scope: Construct,
  env: EnvConfig,
  namespace: NamespaceName,
): void {
  const sameNamespace: Flow = {
    peers: [{ namespace }],
    ports: [],
    why: `chart components inside ${namespace}`,
  };
  new NetworkPolicy(scope, 'AllowSameNamespace', {
    name: 'allow-same-namespace',
    namespace,
    ingress: [sameNamespace],
    egress: [sameNamespace],
  });
  // The EKS API server and the AWS interface endpoints (STS, Secrets Manager, ECR…) answer on 443 inside the
  // private subnets; every controller watches the API.
  new NetworkPolicy(scope, 'AllowVpcHttps', {
    name: 'allow-kubernetes-api-and-aws-endpoints',
    namespace,
    egress: [
      {
        peers: privateSubnets(env),
        ports: [{ port: componentPorts.https }],
        why: 'Kubernetes API and AWS interface endpoints',
      },
    ],
  });
  const callbackPorts = Object.entries(env.platformCharts)
    .filter(([name, chart]) => chart.namespace === namespace && chartInstalled(env, name))
    .flatMap(([name]) => controlPlaneCallbackPorts[name] ?? []);
  const ports = [...new Set(callbackPorts)].sort((a, b) => a - b);
  if (ports.length > 0) {
    new NetworkPolicy(scope, 'AllowControlPlane', {
      name: 'allow-control-plane-callbacks',
      namespace,
      ingress: [
        {
          peers: privateSubnets(env),
          ports: ports.map((port) => ({ port })),
          why: 'admission webhooks and aggregated APIs called by the EKS control plane',
        },
      ],
    });
  }
}
