// Account, network, cluster and edge: where the platform runs.
import { z } from 'zod';
import {
  availabilityZone,
  awsAccountId,
  awsRegion,
  cidrBlock,
  domainName,
  expiringException,
  kmsKeyId,
  kubernetesName,
  positiveInt,
} from './primitives';

export const environmentTier = z.enum(['development', 'staging', 'production']);

export const awsSchema = z.strictObject({
  /** EXAMPLE VALUE until an operator sets the real account. */
  accountId: awsAccountId,
  region: awsRegion,
  availabilityZones: z.array(availabilityZone).min(2, 'expected at least 2 availability zones').max(6),
  /** Region that receives cross-region replicas (S3 RTC) for disaster recovery. */
  drRegion: awsRegion,
  /**
   * Id of the KMS key <env>-bootstrap creates for Terraform state (its output `state_key_id`). Every S3 backend
   * names it in `kms_key_id`: `encrypt = true` alone makes Terraform write state with SSE-S3, and the backend
   * accepts only a key id or key ARN, not an alias. EXAMPLE VALUE until the first bootstrap (docs/first-apply.md).
   */
  stateKeyId: kmsKeyId,
});

export const interfaceEndpoint = z.enum([
  'ecr.api',
  'ecr.dkr',
  'sts',
  'secretsmanager',
  'logs',
  'kms',
  'elasticloadbalancing',
  'autoscaling',
]);

export const networkSchema = z.strictObject({
  /** A /16–/18: the subnet plan carves private /19–/21 per AZ (pod IPs) and public + database /22–/24 per AZ. */
  vpcCidr: cidrBlock,
  natGateways: z.enum(['single', 'one-per-az']),
  flowLogRetentionDays: positiveInt,
  interfaceEndpoints: z.array(interfaceEndpoint).min(1),
});

export const nodeGroupSchema = z.strictObject({
  instanceTypes: z.array(z.string().regex(/^[a-z0-9]+\.[a-z0-9]+$/, 'expected an EC2 instance type')).min(1),
  capacityType: z.enum(['ON_DEMAND', 'SPOT']),
  minSize: positiveInt,
  desiredSize: positiveInt,
  maxSize: positiveInt,
  diskSizeGb: positiveInt,
});

export const eksAddon = z.enum([
  'vpc-cni',
  'coredns',
  'kube-proxy',
  'aws-ebs-csi-driver',
  'eks-pod-identity-agent',
]);

/**
 * Karpenter's NodePool for the workloads (the managed node groups carry only the controllers and system pods).
 * `limits` cap what Karpenter may launch in total: they are the cluster's workload capacity, which the capacity
 * proof (constructs/contracts/capacity.ts) reads.
 */
export const karpenterSchema = z.strictObject({
  limits: z.strictObject({
    /** vCPUs of all nodes of the pool together (NodePool spec.limits.cpu). */
    cpu: positiveInt,
    /** Memory of all nodes of the pool together, GiB (NodePool spec.limits.memory). */
    memoryGiB: positiveInt,
  }),
  /** EC2 capacity types Karpenter may buy; on-demand only where interruptions are not acceptable. */
  capacityTypes: z.array(z.enum(['on-demand', 'spot'])).min(1),
  /** EC2 instance categories (karpenter.k8s.aws/instance-category): c compute, m general, r memory. */
  instanceCategories: z.array(z.enum(['c', 'm', 'r'])).min(1),
  /** Oldest instance generation allowed (karpenter.k8s.aws/instance-generation greater than this − 1). */
  minInstanceGeneration: positiveInt,
  /**
   * Fewest vCPUs a node may have (karpenter.k8s.aws/instance-cpu greater than this − 1). It bounds how many nodes
   * the limits can buy, so the capacity proof can count each node's kubelet reservation and DaemonSet pods.
   */
  minInstanceCpu: z.number().int().min(2, 'expected at least 2 vCPUs per node'),
  /** Root volume of each node (encrypted gp3). */
  diskSizeGb: positiveInt,
});

export const clusterSchema = z.strictObject({
  kubernetesVersion: z.string().regex(/^1\.\d{2}$/, 'expected a Kubernetes minor version such as 1.31'),
  /** The API endpoint stays private; a public endpoint is allowed only when restricted to these CIDRs. */
  publicEndpointCidrs: z.array(cidrBlock),
  /**
   * The widest public-endpoint CIDR accepted without an exception, as a prefix length: 24 admits a /24 (256
   * addresses, an office's egress range) and refuses a /16 or a /1 (rule public-endpoint-narrow).
   */
  publicEndpointMinPrefixLength: z.number().int().min(1).max(32),
  /** Why a CIDR wider than publicEndpointMinPrefixLength is accepted, and until when; keyed by that CIDR. */
  publicEndpointExceptions: z.record(cidrBlock, expiringException),
  controlPlaneLogRetentionDays: positiveInt,
  nodeGroups: z.record(kubernetesName, nodeGroupSchema),
  karpenter: karpenterSchema,
  /** Pinned add-on versions (eksbuild tags), upgraded by a reviewed change. */
  addons: z.record(
    eksAddon,
    z.string().regex(/^v[\d.]+-eksbuild\.\d+$/, 'expected a version such as v1.19.0-eksbuild.1'),
  ),
});

export const edgeSchema = z.strictObject({
  /** EXAMPLE VALUE: the public zone SkillForge owns. */
  domain: domainName,
  /** Prefix of this environment's hosts ('' for production: app.<domain>). */
  /**
   * EXAMPLE VALUE: id of the public Route 53 zone of `domain`. cert-manager's DNS-01 solver addresses it directly,
   * so it needs no route53:ListHostedZonesByName to find it.
   */
  hostedZoneId: z
    .string()
    .regex(/^Z[A-Z0-9]{1,31}$/, 'expected a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ'),
  hostPrefix: z
    .string()
    .regex(/^([a-z0-9-]+\.)?$/, 'expected "" or a label followed by a dot, such as "dev."'),
  cdn: z.strictObject({
    priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']),
    minimumProtocolVersion: z.enum(['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025']),
    hstsMaxAgeSeconds: z
      .number()
      .int()
      .min(31536000, 'expected at least one year (31536000 s) for HSTS preload'),
  }),
  waf: z.strictObject({
    /** Requests per 5 minutes per client IP before WAF blocks. */
    rateLimitPer5Minutes: z.number().int().min(100),
  }),
});

export type EnvironmentTier = z.infer<typeof environmentTier>;
export type AwsConfig = z.infer<typeof awsSchema>;
export type NetworkConfig = z.infer<typeof networkSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema>;
export type NodeGroupConfig = z.infer<typeof nodeGroupSchema>;
export type KarpenterConfig = z.infer<typeof karpenterSchema>;
export type EdgeConfig = z.infer<typeof edgeSchema>;
