// Defaults for network, cluster and edge. Environment files override only what differs.
import type { EnvironmentLayer } from '../layer';

export const platformDefaults = {
  network: {
    natGateways: 'single',
    // CKV_AWS_338 asks for a year of log retention; flow logs are security evidence (SOC 2).
    flowLogRetentionDays: 365,
    interfaceEndpoints: ['ecr.api', 'ecr.dkr', 'sts', 'secretsmanager', 'logs', 'kms'],
  },
  cluster: {
    kubernetesVersion: '1.31',
    publicEndpointCidrs: [],
    // A public endpoint, if ever opened, admits an office or VPN egress range, not a provider's whole block.
    publicEndpointMinPrefixLength: 24,
    publicEndpointExceptions: {},
    controlPlaneLogRetentionDays: 365,
    nodeGroups: {
      general: {
        instanceTypes: ['m6i.large'],
        capacityType: 'ON_DEMAND',
        minSize: 3,
        desiredSize: 3,
        // The ceiling node autoscaling may reach: every service at replicas.max with its sidecar, the charts and
        // the EKS add-ons need 29 m6i.large nodes (test/k8s/capacity.test.ts; docs/decisions/capacity-at-autoscaler-maxima.md).
        maxSize: 30,
        diskSizeGb: 50,
      },
    },
    addons: {
      'vpc-cni': 'v1.19.0-eksbuild.1',
      coredns: 'v1.11.3-eksbuild.2',
      'kube-proxy': 'v1.31.2-eksbuild.3',
      'aws-ebs-csi-driver': 'v1.37.0-eksbuild.1',
      'eks-pod-identity-agent': 'v1.3.4-eksbuild.1',
    },
  },
  edge: {
    // EXAMPLE VALUE: replace with the zone SkillForge owns.
    domain: 'skillforge.example',
    // EXAMPLE VALUE: the Route 53 zone id of the domain.
    hostedZoneId: 'Z0EXAMPLE00000000000',
    cdn: {
      priceClass: 'PriceClass_100',
      minimumProtocolVersion: 'TLSv1.2_2021',
      hstsMaxAgeSeconds: 63072000,
    },
    waf: { rateLimitPer5Minutes: 2000 },
  },
} satisfies EnvironmentLayer;
