// EKS clusters and managed node groups (checkov EKS*, trivy aws/eks).
import { allOf, expectAttribute, expectSet, failed, oneOf, passed } from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn } from '../fixtures';
import type { Attributes, Rule } from '../types';
import { asBoolean, asStrings, blocks, lookup, show } from '../values';

const CLUSTER = 'aws_eks_cluster';
const NODE_GROUP = 'aws_eks_node_group';

const CONTROL_PLANE_LOGS = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/**
 * Kubernetes versions checkov's CKV_AWS_339 accepted at the snapshot in /work/shared/reference/policy-checklist.md.
 * The list moves with EKS's support calendar: update it (and its test) together with the cluster version.
 */
export const SUPPORTED_EKS_VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];

const compliantCluster: Attributes = {
  name: 'skillforge-prod',
  role_arn: 'arn:aws:iam::111122223333:role/skillforge-prod-cluster',
  version: '1.31',
  enabled_cluster_log_types: CONTROL_PLANE_LOGS,
  vpc_config: {
    subnet_ids: ['subnet-0a1', 'subnet-0b2', 'subnet-0c3'],
    endpoint_private_access: true,
    endpoint_public_access: false,
  },
  encryption_config: { resources: ['secrets'], provider: { key_arn: fixtureKmsKeyArn } },
  deletion_protection: true,
};

const compliantNodeGroup: Attributes = {
  cluster_name: 'skillforge-prod',
  node_group_name: 'general',
  node_role_arn: 'arn:aws:iam::111122223333:role/skillforge-prod-nodes',
  subnet_ids: ['subnet-0a1', 'subnet-0b2', 'subnet-0c3'],
  scaling_config: { desired_size: 3, min_size: 3, max_size: 9 },
};

function clusterStack(cluster: Attributes, nodeGroup: Attributes = compliantNodeGroup) {
  return {
    aws_kms_key: { data: fixtureKmsKey },
    [CLUSTER]: { main: cluster },
    [NODE_GROUP]: { general: nodeGroup },
  };
}

const compliant = [fixture('private cluster with encrypted secrets', clusterStack(compliantCluster))];
const withCluster = (name: string, changes: Readonly<Record<string, unknown>>) =>
  fixture(name, clusterStack(change(compliantCluster, changes)));
const withVpcConfig = (name: string, changes: Readonly<Record<string, unknown>>) =>
  withCluster(name, { vpc_config: change(blocks(compliantCluster['vpc_config'])[0] ?? {}, changes) });

export const eksRules: readonly Rule[] = [
  {
    id: 'eks-control-plane-logging',
    checkIds: ['CKV_AWS_37', 'AVD-AWS-0038'],
    resourceTypes: [CLUSTER],
    severity: 'medium',
    description: `All five control-plane log types are enabled: ${CONTROL_PLANE_LOGS.join(', ')}.`,
    check: (r) => {
      const enabled = asStrings(r.values['enabled_cluster_log_types']) ?? [];
      const missing = CONTROL_PLANE_LOGS.filter((type) => !enabled.includes(type));
      return missing.length === 0
        ? passed('all control-plane log types are enabled')
        : failed(`enabled_cluster_log_types lacks ${missing.join(', ')}`);
    },
    good: compliant,
    bad: [
      withCluster('audit log only', { enabled_cluster_log_types: ['audit'] }),
      withCluster('no control-plane logs', { enabled_cluster_log_types: undefined }),
    ],
  },
  {
    id: 'eks-public-endpoint-cidrs',
    checkIds: ['CKV_AWS_38', 'AVD-AWS-0041'],
    resourceTypes: [CLUSTER],
    severity: 'high',
    description:
      'If the API endpoint is public, public_access_cidrs is set, non-empty and excludes 0.0.0.0/0 (the default ' +
      'when the list is left out).',
    check: (r) => {
      const endpoint = lookup(r.values, 'vpc_config.endpoint_public_access');
      if (endpoint.kind === 'value' && asBoolean(endpoint.value) === false)
        return passed('the endpoint is private');
      const cidrs = lookup(r.values, 'vpc_config.public_access_cidrs');
      if (cidrs.kind === 'missing')
        return failed('public endpoint without public_access_cidrs (defaults to 0.0.0.0/0)');
      if (cidrs.kind === 'token')
        return failed(`vpc_config.public_access_cidrs is the unresolved token ${cidrs.text}`);
      const list = asStrings(cidrs.value) ?? [];
      if (list.length === 0) return failed('vpc_config.public_access_cidrs is empty');
      return list.includes('0.0.0.0/0')
        ? failed('vpc_config.public_access_cidrs includes 0.0.0.0/0')
        : passed(`public endpoint limited to ${list.join(', ')}`);
    },
    good: [
      ...compliant,
      withVpcConfig('public endpoint limited to the office', {
        endpoint_public_access: true,
        public_access_cidrs: ['203.0.113.0/24'],
      }),
    ],
    bad: [
      withVpcConfig('public to the world', {
        endpoint_public_access: true,
        public_access_cidrs: ['0.0.0.0/0'],
      }),
      withVpcConfig('public by default', { endpoint_public_access: undefined }),
    ],
  },
  {
    id: 'eks-private-endpoint',
    checkIds: ['CKV_AWS_39', 'AVD-AWS-0040'],
    resourceTypes: [CLUSTER],
    severity: 'critical',
    description:
      'The Kubernetes API is reachable only from the VPC (vpc_config.endpoint_public_access = false; the default is true).',
    check: (r) =>
      expectAttribute(r, 'vpc_config.endpoint_public_access', {
        text: 'false',
        missing: 'failed',
        accepts: (v) => asBoolean(v) === false,
      }),
    good: compliant,
    bad: [
      withVpcConfig('public endpoint', {
        endpoint_public_access: true,
        public_access_cidrs: ['203.0.113.0/24'],
      }),
      withVpcConfig('public by default', { endpoint_public_access: undefined }),
    ],
  },
  {
    id: 'eks-secrets-encryption',
    checkIds: ['CKV_AWS_58', 'AVD-AWS-0039'],
    resourceTypes: [CLUSTER],
    severity: 'high',
    description:
      'Kubernetes Secrets are envelope-encrypted with our KMS key (encryption_config: resources ["secrets"], provider.key_arn).',
    check: (r, ctx) => {
      const resources = asStrings(blocks(r.values['encryption_config'])[0]?.['resources']) ?? [];
      return allOf(
        resources.includes('secrets')
          ? passed('encryption_config covers secrets')
          : failed(`encryption_config.resources is ${show(resources)} (expected ["secrets"])`),
        expectSet(r, ctx, 'encryption_config.provider.key_arn'),
      );
    },
    good: compliant,
    bad: [
      withCluster('no envelope encryption', { encryption_config: undefined }),
      withCluster('key from a variable', {
        encryption_config: { resources: ['secrets'], provider: { key_arn: '${var.eks_key}' } },
      }),
    ],
  },
  {
    id: 'eks-supported-version',
    checkIds: ['CKV_AWS_339'],
    resourceTypes: [CLUSTER],
    severity: 'medium',
    description:
      `The cluster runs a supported, pinned Kubernetes version (${SUPPORTED_EKS_VERSIONS.join(', ')}). ` +
      'checkov passes an unset version; we fail it, because EKS then picks whatever is newest on the day.',
    check: (r) => expectAttribute(r, 'version', oneOf(SUPPORTED_EKS_VERSIONS)),
    good: compliant,
    bad: [
      withCluster('end-of-life version', { version: '1.27' }),
      withCluster('unpinned version', { version: undefined }),
    ],
  },
  {
    id: 'eks-node-group-remote-access',
    checkIds: ['CKV_AWS_100'],
    resourceTypes: [NODE_GROUP],
    severity: 'high',
    description:
      'Nodes take no SSH from anywhere: a remote_access.ec2_ssh_key requires source_security_group_ids (better: no remote_access).',
    check: (r) => {
      const remote = blocks(r.values['remote_access'])[0];
      if (remote === undefined || remote['ec2_ssh_key'] === undefined)
        return passed('no SSH key on the nodes');
      const sources = asStrings(remote['source_security_group_ids']) ?? [];
      return sources.length > 0
        ? passed(`SSH limited to ${sources.join(', ')}`)
        : failed(
            'remote_access.ec2_ssh_key is set without source_security_group_ids: SSH is open to 0.0.0.0/0',
          );
    },
    good: [
      ...compliant,
      fixture(
        'SSH limited to a bastion group',
        clusterStack(
          compliantCluster,
          change(compliantNodeGroup, {
            remote_access: { ec2_ssh_key: 'ops', source_security_group_ids: ['sg-0bastion'] },
          }),
        ),
      ),
    ],
    bad: [
      fixture(
        'SSH from anywhere',
        clusterStack(compliantCluster, change(compliantNodeGroup, { remote_access: { ec2_ssh_key: 'ops' } })),
      ),
    ],
  },
];
