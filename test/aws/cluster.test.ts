// Intent of <env>-cluster: a private, encrypted, fully logged EKS cluster and one IRSA role per binding of the
// model, each trusted by exactly one service account.
import { describe, expect, it } from 'vitest';
import { irsaBindings } from '../../constructs/contracts';
import { env, environments, policyDocument, resource, resources } from './synthesized';

const ISSUER = '${replace(aws_eks_cluster.eks_cluster.identity[0].oidc[0].issuer, "https://", "")}';

describe('EKS', () => {
  it('keeps the API private, encrypts secrets with a CMK and exports all five log types', () => {
    expect(resource('prod', 'cluster', 'aws_eks_cluster', 'eks_cluster')).toMatchObject({
      name: 'skillforge-prod',
      version: '1.35',
      upgrade_policy: { support_type: 'STANDARD' },
      vpc_config: { endpoint_private_access: true, endpoint_public_access: false },
      encryption_config: {
        resources: ['secrets'],
        provider: { key_arn: '${aws_kms_key.eks_secrets-key_key.arn}' },
      },
      enabled_cluster_log_types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      deletion_protection: true,
      bootstrap_self_managed_addons: false,
    });
    expect(resource('prod', 'cluster', 'aws_cloudwatch_log_group', 'eks_control-plane-logs')).toMatchObject({
      name: '/aws/eks/skillforge-prod/cluster',
      retention_in_days: env('prod').cluster.controlPlaneLogRetentionDays,
      kms_key_id: '${aws_kms_key.eks_logs-key_key.arn}',
    });
  });

  it('sizes node groups from the model and requires IMDSv2 on every node', () => {
    expect(resource('prod', 'cluster', 'aws_eks_node_group', 'nodes_general')).toMatchObject({
      instance_types: ['m6i.xlarge'],
      capacity_type: 'ON_DEMAND',
      scaling_config: { min_size: 3, desired_size: 3, max_size: 6 },
    });
    expect(resource('dev', 'cluster', 'aws_eks_node_group', 'nodes_general')).toMatchObject({
      capacity_type: 'SPOT',
    });
    expect(resource('prod', 'cluster', 'aws_launch_template', 'nodes_general-launch-template')).toMatchObject(
      {
        metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 1 },
        block_device_mappings: [{ ebs: { volume_size: 100, encrypted: 'true' } }],
      },
    );
  });

  it('pins every add-on to the model version', () => {
    const addons = { ...resources('prod', 'cluster', 'aws_eks_addon') };
    expect(
      Object.fromEntries(Object.values(addons).map((a) => [a['addon_name'], a['addon_version']])),
    ).toEqual(env('prod').cluster.addons);
  });
});

describe('IRSA', () => {
  it.each(environments)('%s has one role per binding, trusted by exactly its service account', (name) => {
    const roles = resources(name, 'cluster', 'aws_iam_role');
    const bindings = irsaBindings(env(name));
    expect(bindings.length).toBeGreaterThan(8);
    for (const binding of bindings) {
      const role = roles[`irsa_${binding.purpose}`];
      expect(role?.['name'], binding.purpose).toBe(binding.roleName);
      expect(policyDocument(name, 'cluster', role!['assume_role_policy'])).toEqual([
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [
            { type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.eks_oidc-provider.arn}'] },
          ],
          condition: [
            {
              test: 'StringEquals',
              variable: `${ISSUER}:sub`,
              values: [`system:serviceaccount:${binding.namespace}:${binding.serviceAccount}`],
            },
            { test: 'StringEquals', variable: `${ISSUER}:aud`, values: ['sts.amazonaws.com'] },
          ],
        },
      ]);
    }
  });

  it('lets workloads connect to IAM-authenticated stores and nothing else of them', () => {
    const policy = resource('prod', 'cluster', 'aws_iam_role_policy', 'irsa_workload-user-api-policy');
    const statements = policyDocument('prod', 'cluster', policy['policy']);
    // The published endpoint (store-endpoints.ts), through Secrets Manager only.
    expect(statements.slice(0, 2)).toEqual([
      {
        effect: 'Allow',
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['arn:aws:secretsmanager:eu-west-1:333333333333:secret:skillforge/prod/endpoints/redis-*'],
      },
      {
        effect: 'Allow',
        actions: ['kms:Decrypt'],
        resources: ['arn:aws:kms:eu-west-1:333333333333:key/*'],
        condition: [
          {
            test: 'StringEquals',
            variable: 'kms:ViaService',
            values: ['secretsmanager.eu-west-1.amazonaws.com'],
          },
        ],
      },
    ]);
    expect(statements.slice(2)).toEqual([
      {
        effect: 'Allow',
        actions: ['elasticache:Connect'],
        resources: [
          'arn:aws:elasticache:eu-west-1:333333333333:replicationgroup:skillforge-prod',
          'arn:aws:elasticache:eu-west-1:333333333333:user:skillforge-prod-app',
        ],
      },
    ]);
    // dev runs Redis in the cluster: user-api needs no AWS role there.
    expect(resources('dev', 'cluster', 'aws_iam_role')['irsa_workload-user-api']).toBeUndefined();
  });

  it('scopes External Secrets to this environment’s secrets, decrypted only through Secrets Manager', () => {
    const policy = resource('prod', 'cluster', 'aws_iam_role_policy', 'irsa_external-secrets-policy');
    expect(policyDocument('prod', 'cluster', policy['policy'])).toEqual([
      {
        effect: 'Allow',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: ['arn:aws:secretsmanager:eu-west-1:333333333333:secret:skillforge/prod/*'],
      },
      {
        effect: 'Allow',
        actions: ['kms:Decrypt'],
        resources: ['arn:aws:kms:eu-west-1:333333333333:key/*'],
        condition: [
          {
            test: 'StringEquals',
            variable: 'kms:ViaService',
            values: ['secretsmanager.eu-west-1.amazonaws.com'],
          },
        ],
      },
    ]);
  });
});
