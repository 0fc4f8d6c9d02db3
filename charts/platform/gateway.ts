// The public entry point: one Gateway (Gateway API) that istiod turns into an Envoy Deployment and a Service of
// type LoadBalancer, which the AWS Load Balancer Controller provisions as an internet-facing NLB. CloudFront (with
// WAF, Terraform's edge layer) connects to it under originHost; TLS 1.2+ terminates here with the environment's
// certificate (Envoy's server default minimum is TLS 1.2, and CloudFront's origin protocol policy asks for 1.2).
// The Deployment istiod generates is named <gateway>-istio; an HPA and a PDB attached to it keep one replica per
// zone (https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/, "Resource Attachment and
// Scaling").
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { originHost, originSecurityGroupName, toolHost } from '../../constructs/contracts';
import { Autoscaler } from '../../constructs/k8s/autoscaler';
import { DisruptionBudget } from '../../constructs/k8s/disruption-budget';
import { GATEWAY_API_VERSION } from '../../constructs/k8s/http-route';
import { Manifest } from '../../constructs/k8s/manifest';
import { plainMeta } from '../../constructs/k8s/metadata';
import { publicServices } from '../../constructs/contracts';
import {
  components,
  GATEWAY_CLASS,
  GATEWAY_NAMESPACE,
  hasComponent,
  namespaceOf,
  PUBLIC_GATEWAY,
} from '../plan/components';
import { GATEWAY_PROXY } from './values/chart-pods';
import { APP_CERTIFICATE_SECRET, GRAFANA_CERTIFICATE_SECRET } from './issuers';

/** Listener names HTTPRoutes attach to (sectionName). */
export const APP_LISTENER = 'https';
export const GRAFANA_LISTENER = 'https-grafana';
export const GATEWAY_DEPLOYMENT = `${PUBLIC_GATEWAY}-istio`;

export const gatewayReplicas = (env: EnvConfig) => ({
  min: env.aws.availabilityZones.length,
  max: 2 * env.aws.availabilityZones.length,
});

const namespaceSelector = (names: readonly string[]) => ({
  namespaces: {
    from: 'Selector',
    selector: {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...names] }],
    },
  },
});

export function renderGateway(scope: Construct, env: EnvConfig): void {
  if (!hasComponent(env, components.ingressGateway)) return;
  if (env.slo.minimumTlsVersion !== '1.2') {
    // Gateway API's listener has no standard field for a minimum version; Envoy's server default is TLS 1.2.
    throw new Error(
      `${env.name}: slo.minimumTlsVersion ${env.slo.minimumTlsVersion} cannot be enforced at the Istio ingress gateway (Envoy serves TLS 1.2 and 1.3); enforce it at CloudFront with edge.cdn.minimumProtocolVersion and keep 1.2 here`,
    );
  }
  const routed = [...new Set(publicServices(env).map((service) => service.namespace))].sort();
  const grafana = hasComponent(env, components.grafana);
  const https = (name: string, secret: string, hostname?: string, allowed: readonly string[] = routed) => ({
    name,
    port: 443,
    protocol: 'HTTPS',
    ...(hostname ? { hostname } : {}),
    tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: secret }] },
    allowedRoutes: namespaceSelector(allowed),
  });
  new Manifest(scope, 'Gateway', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata: plainMeta({ name: PUBLIC_GATEWAY, namespace: GATEWAY_NAMESPACE, nfr: ['tls-minimum'] }),
    spec: {
      gatewayClassName: GATEWAY_CLASS,
      // Copied onto the Service and the pods istiod generates.
      infrastructure: {
        annotations: {
          // CloudFront's origin (Terraform's edge layer points the distribution at this name) and Grafana's host.
          'external-dns.alpha.kubernetes.io/hostname': [
            originHost(env),
            ...(grafana ? [toolHost(env, 'grafana')] : []),
          ].join(','),
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
          // Only CloudFront reaches the origin (Terraform's origin security group, constructs/aws/origin-security-group.ts).
          'service.beta.kubernetes.io/aws-load-balancer-security-groups': originSecurityGroupName(env),
          'service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules': 'true',
          'sidecar.istio.io/proxyCPU': `${GATEWAY_PROXY.cpuMillicores}m`,
          'sidecar.istio.io/proxyCPULimit': `${GATEWAY_PROXY.cpuLimitMillicores}m`,
          'sidecar.istio.io/proxyMemory': `${GATEWAY_PROXY.memoryMiB}Mi`,
          'sidecar.istio.io/proxyMemoryLimit': `${GATEWAY_PROXY.memoryLimitMiB}Mi`,
        },
      },
      listeners: [
        // No hostname: the app host and CloudFront's origin name, both on the environment's certificate.
        https(APP_LISTENER, APP_CERTIFICATE_SECRET),
        ...(grafana
          ? [
              https(GRAFANA_LISTENER, GRAFANA_CERTIFICATE_SECRET, toolHost(env, 'grafana'), [
                namespaceOf(env, components.grafana),
              ]),
            ]
          : []),
      ],
    },
  });
  const replicas = gatewayReplicas(env);
  const labels = { 'app.kubernetes.io/name': GATEWAY_DEPLOYMENT };
  new Autoscaler(scope, 'GatewayAutoscaler', {
    name: GATEWAY_DEPLOYMENT,
    namespace: GATEWAY_NAMESPACE,
    labels,
    target: { apiVersion: 'apps/v1', kind: 'Deployment', name: GATEWAY_DEPLOYMENT },
    minReplicas: replicas.min,
    maxReplicas: replicas.max,
    cpuTargetPercent: env.autoscaling.cpuTargetPercent,
    memoryTargetPercent: env.autoscaling.memoryTargetPercent,
  });
  new DisruptionBudget(scope, 'GatewayBudget', {
    name: GATEWAY_DEPLOYMENT,
    namespace: GATEWAY_NAMESPACE,
    labels,
    selector: components.ingressGateway.pods,
    budget: { minAvailable: replicas.min - 1 },
  });
}
