// The public entry point: one Gateway (Gateway API) that istiod turns into an Envoy Deployment and a Service of
// type LoadBalancer, which the AWS Load Balancer Controller provisions as an internet-facing NLB. CloudFront (with
// WAF, Terraform's edge layer) connects to it under originHost and is the only client the NLB admits (Terraform's
// origin security group); TLS 1.2+ terminates here with the environment's certificate (Envoy's server default
// minimum is TLS 1.2, and CloudFront's origin protocol policy asks for 1.2). Grafana is served under /grafana/ of
// the app host through CloudFront too (docs/decisions/grafana-behind-cloudfront.md).
// The Deployment istiod generates is named <gateway>-istio; an HPA and a PDB attached to it keep one replica per
// zone (https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/, "Resource Attachment and
// Scaling").
//
// Gateway API v1 allows at most 8 entries in spec.infrastructure.annotations, and istiod copies them onto every
// object it generates. The load balancer's annotations therefore go on the Service alone, through Istio's gateway
// customization: spec.infrastructure.parametersRef names a ConfigMap in the Gateway's namespace whose keys
// (deployment, service, serviceAccount, horizontalPodAutoscaler, podDisruptionBudget) are strategic-merge overlays
// of the generated objects (istio/istio pilot/pkg/config/kube/gateway/deploymentcontroller.go at
// 8aad60c75fcbca7e637cf982f79dd3ee876037d6: fetchParameters, applyOverlay, supportedOverlays; a Gateway whose
// ConfigMap is missing is not deployed, so the ConfigMap syncs with it in the same Application and wave).
import type { Construct } from 'constructs';
import { KubeConfigMap } from 'cdk8s-plus-27/lib/imports/k8s';
import type { EnvConfig } from '../../environments';
import { originHost, originSecurityGroupName, publicServices } from '../../constructs/contracts';
import { toYaml } from '../../constructs/contracts/serialize';
import { Autoscaler } from '../../constructs/k8s/autoscaler';
import { DisruptionBudget } from '../../constructs/k8s/disruption-budget';
import { GATEWAY_API_VERSION } from '../../constructs/k8s/http-route';
import { Manifest } from '../../constructs/k8s/manifest';
import { objectMeta, plainMeta } from '../../constructs/k8s/metadata';
import {
  components,
  GATEWAY_CLASS,
  GATEWAY_NAMESPACE,
  hasComponent,
  namespaceOf,
  PUBLIC_GATEWAY,
} from '../plan/components';
import { GATEWAY_PROXY } from './values/chart-pods';
import { APP_CERTIFICATE_SECRET } from './issuers';

/** The listener HTTPRoutes attach to (sectionName). */
export const APP_LISTENER = 'https';
export const GATEWAY_DEPLOYMENT = `${PUBLIC_GATEWAY}-istio`;
/** The ConfigMap istiod reads the generated objects' overlays from (spec.infrastructure.parametersRef). */
export const GATEWAY_OPTIONS = `${PUBLIC_GATEWAY}-gateway-options`;

export const gatewayReplicas = (env: EnvConfig) => ({
  min: env.aws.availabilityZones.length,
  max: 2 * env.aws.availabilityZones.length,
});

/** What the Load Balancer Controller and external-dns read from the generated Service. */
export function gatewayServiceAnnotations(env: EnvConfig): Readonly<Record<string, string>> {
  return {
    // CloudFront's origin (Terraform's edge layer points the distribution at this name); nothing else is
    // published: the app host is CloudFront's alias, and Grafana is a path of it.
    // external-dns 0.22 (chart 1.22) reads only the GA prefix, not the former external-dns.alpha.kubernetes.io/
    // (kubernetes-sigs/external-dns#6424).
    'external-dns.kubernetes.io/hostname': originHost(env),
    'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
    'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    // Only CloudFront reaches the origin (Terraform's origin security group, constructs/aws/origin-security-group.ts).
    // With a frontend security group of our own, the controller adds the rules from it to the targets only when
    // told to (Load Balancer Controller annotations: "Frontend security groups").
    'service.beta.kubernetes.io/aws-load-balancer-security-groups': originSecurityGroupName(env),
    'service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules': 'true',
  };
}

const namespaceSelector = (names: readonly string[]) => ({
  namespaces: {
    from: 'Selector',
    selector: {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...names] }],
    },
  },
});

/** The namespaces whose HTTPRoutes the listener accepts: every public service's, and Grafana's. */
function routedNamespaces(env: EnvConfig): string[] {
  const grafana = hasComponent(env, components.grafana) ? [namespaceOf(env, components.grafana)] : [];
  return [...new Set([...publicServices(env).map((service) => service.namespace), ...grafana])].sort();
}

export function renderGateway(scope: Construct, env: EnvConfig): void {
  if (!hasComponent(env, components.ingressGateway)) return;
  if (env.slo.minimumTlsVersion !== '1.2') {
    // Gateway API's listener has no standard field for a minimum version; Envoy's server default is TLS 1.2.
    throw new Error(
      `${env.name}: slo.minimumTlsVersion ${env.slo.minimumTlsVersion} cannot be enforced at the Istio ingress gateway (Envoy serves TLS 1.2 and 1.3); enforce it at CloudFront with edge.cdn.minimumProtocolVersion and keep 1.2 here`,
    );
  }
  new Manifest(
    scope,
    'GatewayOptions',
    KubeConfigMap.manifest({
      metadata: objectMeta({ name: GATEWAY_OPTIONS, namespace: GATEWAY_NAMESPACE }),
      data: { service: toYaml({ metadata: { annotations: gatewayServiceAnnotations(env) } }) },
    }),
  );
  new Manifest(scope, 'Gateway', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata: plainMeta({ name: PUBLIC_GATEWAY, namespace: GATEWAY_NAMESPACE, nfr: ['tls-minimum'] }),
    spec: {
      gatewayClassName: GATEWAY_CLASS,
      infrastructure: {
        // Copied onto the Deployment, its pods and the Service istiod generates: the proxy's resources, which
        // the gateway injection template reads from the pod's annotations (the capacity proof counts them).
        annotations: {
          'sidecar.istio.io/proxyCPU': `${GATEWAY_PROXY.cpuMillicores}m`,
          'sidecar.istio.io/proxyCPULimit': `${GATEWAY_PROXY.cpuLimitMillicores}m`,
          'sidecar.istio.io/proxyMemory': `${GATEWAY_PROXY.memoryMiB}Mi`,
          'sidecar.istio.io/proxyMemoryLimit': `${GATEWAY_PROXY.memoryLimitMiB}Mi`,
        },
        parametersRef: { group: '', kind: 'ConfigMap', name: GATEWAY_OPTIONS },
      },
      listeners: [
        // No hostname: the app host and CloudFront's origin name, both on the environment's certificate.
        {
          name: APP_LISTENER,
          port: 443,
          protocol: 'HTTPS',
          tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: APP_CERTIFICATE_SECRET }] },
          allowedRoutes: namespaceSelector(routedNamespaces(env)),
        },
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
