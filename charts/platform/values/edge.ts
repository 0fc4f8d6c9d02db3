// Values of the charts at the edge of the cluster: ingress controller, certificates, DNS, load balancers.
import type { EnvConfig } from '../../../environments';
import {
  clusterName,
  originHost,
  originSecurityGroupName,
  publicZone,
  resourcePrefix,
} from '../../../constructs/contracts';
import { INGRESS_CLASS } from '../../plan/components';
import { meshEnabled } from '../../plan/mesh';
import { APP_CERTIFICATE_SECRET } from '../issuers';
import { chartNamespace, type HelmValues, irsaServiceAccount, nginxTlsProtocols } from './shared';

export function ingressNginxValues(env: EnvConfig): HelmValues {
  const namespace = chartNamespace(env, 'ingress-nginx');
  return {
    controller: {
      // One controller per availability zone, spread across them: losing a zone keeps the others serving.
      replicaCount: env.aws.availabilityZones.length,
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: {
            matchLabels: {
              'app.kubernetes.io/name': 'ingress-nginx',
              'app.kubernetes.io/component': 'controller',
            },
          },
        },
      ],
      ingressClassResource: { name: INGRESS_CLASS, enabled: true, default: true },
      ingressClass: INGRESS_CLASS,
      // The environment's one certificate for app.<zone> (see charts/platform/issuers.ts).
      extraArgs: { 'default-ssl-certificate': `${namespace}/${APP_CERTIFICATE_SECRET}` },
      config: {
        'ssl-protocols': nginxTlsProtocols(env),
        'hsts-max-age': String(env.edge.cdn.hstsMaxAgeSeconds),
        'hsts-include-subdomains': 'true',
      },
      service: {
        annotations: {
          // CloudFront's origin (Terraform's edge layer points the distribution at this name).
          'external-dns.alpha.kubernetes.io/hostname': originHost(env),
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
          // Only CloudFront reaches the origin (Terraform's origin security group, constructs/aws).
          'service.beta.kubernetes.io/aws-load-balancer-security-groups': originSecurityGroupName(env),
          'service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules': 'true',
        },
      },
      metrics: { enabled: true, serviceMonitor: { enabled: true } },
      // In the mesh the controller reaches STRICT services through its own sidecar; inbound traffic from the
      // load balancer bypasses the sidecar (it is plain TLS from the internet, not mesh traffic).
      ...(meshEnabled(env)
        ? {
            podLabels: { 'sidecar.istio.io/inject': 'true' },
            podAnnotations: { 'traffic.sidecar.istio.io/includeInboundPorts': '' },
          }
        : {}),
    },
  };
}

export function certManagerValues(env: EnvConfig): HelmValues {
  return {
    crds: { enabled: true },
    serviceAccount: irsaServiceAccount(env, 'cert-manager', 'cert-manager'),
    prometheus: { enabled: true, servicemonitor: { enabled: true } },
  };
}

export function externalDnsValues(env: EnvConfig): HelmValues {
  return {
    provider: { name: 'aws' },
    serviceAccount: irsaServiceAccount(env, 'external-dns', 'external-dns'),
    env: [{ name: 'AWS_DEFAULT_REGION', value: env.aws.region }],
    // The load balancer's origin name (Service) and tool hosts such as Grafana (Ingress); application Ingresses
    // opt out (annotation-only), their public name is Terraform's CloudFront alias.
    sources: ['service', 'ingress'],
    domainFilters: [publicZone(env)],
    txtOwnerId: clusterName(env),
    // Never deletes a record: records Terraform owns (the CDN alias) are not at the mercy of a deleted Ingress.
    policy: 'upsert-only',
    serviceMonitor: { enabled: true },
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
  };
}
