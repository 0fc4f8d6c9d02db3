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
    // The newest version EKS offers (AWS, "Understand the Kubernetes version lifecycle on EKS", checked 2026-12-06);
    // its end of standard support is in environments/defaults/kubernetes-versions.ts.
    kubernetesVersion: '1.35',
    publicEndpointCidrs: [],
    // A public endpoint, if ever opened, admits an office or VPN egress range, not a provider's whole block.
    publicEndpointMinPrefixLength: 24,
    publicEndpointExceptions: {},
    controlPlaneLogRetentionDays: 365,
    // Controllers and system pods (Karpenter itself must not run on nodes it manages); workloads go to Karpenter.
    nodeGroups: {
      general: {
        instanceTypes: ['m6i.large'],
        capacityType: 'ON_DEMAND',
        minSize: 3,
        desiredSize: 3,
        maxSize: 4,
        diskSizeGb: 50,
      },
    },
    karpenter: {
      limits: { cpu: 64, memoryGiB: 256 },
      capacityTypes: ['on-demand'],
      instanceCategories: ['c', 'm', 'r'],
      minInstanceGeneration: 6,
      // xlarge and up: fewer nodes for the same limits, so less of the pool goes to kubelet and DaemonSets.
      minInstanceCpu: 4,
      diskSizeGb: 50,
    },
    // Each pin and where it comes from: docs/decisions/eks-1-35-and-add-on-versions.md (checked 2026-12-06).
    addons: {
      // "Amazon VPC CNI versions" (managing-vpc-cni): one version for every listed Kubernetes version.
      'vpc-cni': 'v1.20.1-eksbuild.3',
      // "CoreDNS versions" (managing-coredns), row 1.35.
      coredns: 'v1.14.2-eksbuild.4',
      // "kube-proxy versions" (managing-kube-proxy), row 1.35.
      'kube-proxy': 'v1.35.3-eksbuild.2',
      // Not listed per Kubernetes version in the docs reachable here: confirm with describe-addon-versions (decision).
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
