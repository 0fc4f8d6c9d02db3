// Values of the charts at the edge of the cluster: certificates, DNS, load balancers. Ingress itself is Istio's
// gateway, configured through the Gateway API (charts/platform/gateway.ts).
import type { EnvConfig } from '../../../environments';
import { clusterName, publicZone, resourcePrefix } from '../../../constructs/contracts';
import { CHART_PODS, chartResources } from './chart-pods';
import { chartNamespace, type HelmValues, irsaServiceAccount } from './shared';

/** The resources of a chart component from CHART_PODS (the one container of a single-container pod). */
export function podResources(chart: string, component: string): HelmValues {
  const pod = CHART_PODS[chart]?.find((candidate) => candidate.component === component);
  const containers = Object.values(pod?.containers ?? {});
  if (containers.length === 0) throw new Error(`CHART_PODS has no ${chart} ${component}`);
  return chartResources(containers[0]!);
}

export function certManagerValues(env: EnvConfig): HelmValues {
  const namespace = chartNamespace(env, 'cert-manager');
  return {
    crds: { enabled: true },
    // Leader election defaults to kube-system (templates/rbac.yaml, Role "cert-manager:leaderelection" in
    // global.leaderElection.namespace); cert-manager's own namespace keeps it out of a namespace no project owns.
    global: { leaderElection: { namespace } },
    serviceAccount: irsaServiceAccount(env, 'cert-manager', 'cert-manager'),
    prometheus: { enabled: true, servicemonitor: { enabled: true } },
    resources: podResources('cert-manager', 'controller'),
    webhook: { resources: podResources('cert-manager', 'webhook') },
    cainjector: { resources: podResources('cert-manager', 'cainjector') },
    // A post-install Job that only waits for the webhook; Argo CD's health checks already do.
    startupapicheck: { enabled: false },
  };
}

export function externalDnsValues(env: EnvConfig): HelmValues {
  return {
    provider: { name: 'aws' },
    serviceAccount: irsaServiceAccount(env, 'external-dns', 'external-dns'),
    env: [{ name: 'AWS_DEFAULT_REGION', value: env.aws.region }],
    // The ingress gateway's load balancer Service (CloudFront's origin name) and the tool hosts of HTTPRoutes
    // (Grafana); application routes opt out, their public name is Terraform's CloudFront alias.
    sources: ['service', 'gateway-httproute'],
    domainFilters: [publicZone(env)],
    txtOwnerId: clusterName(env),
    // Never deletes a record: records Terraform owns (the CDN alias) are not at the mercy of a deleted route.
    policy: 'upsert-only',
    serviceMonitor: { enabled: true },
    resources: podResources('external-dns', 'controller'),
  };
}

export function loadBalancerControllerValues(env: EnvConfig): HelmValues {
  return {
    clusterName: clusterName(env),
    region: env.aws.region,
    // Pods cannot reach the instance metadata service (hop limit 1), and the VPC id is not known before
    // Terraform runs: the controller finds the VPC by the Name tag constructs/aws/network.ts gives it.
    vpcTags: { Name: resourcePrefix(env) },
    serviceAccount: irsaServiceAccount(env, 'aws-load-balancer-controller', 'aws-load-balancer-controller'),
    serviceMonitor: { enabled: true },
    replicaCount: 2,
    resources: podResources('aws-load-balancer-controller', 'controller'),
    // Without cert-manager the chart generates a new webhook CA and certificate on every render (genCA in
    // templates/_helpers.tpl), so the Application would never be Synced; cert-manager issues it once instead.
    enableCertManager: true,
    // The gateway's Service is the only thing it provisions (an NLB); there are no ALB Ingresses.
    createIngressClassResource: false,
  };
}
