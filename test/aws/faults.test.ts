// The faults an AWS review of the rendered Terraform found (issue #12 B), one guard each. Every assertion here
// failed on the tree before the fix; the deeper proofs live in the files named in each block.
import { describe, expect, it } from 'vitest';
import {
  eksKubernetesVersions,
  kubernetesSupportWarningDays,
} from '../../environments/defaults/kubernetes-versions';
import {
  clusterName,
  iamRoleArn,
  kubernetesSupport,
  opensearchAdminRoleArn,
  originSecurityGroupName,
  permissionsBoundaryArn,
} from '../../constructs/contracts';
import { LOAD_BALANCER_CONTROLLER_POLICY_CHART_VERSION } from '../../constructs/aws/upstream-policies';
import upstreamLbcPolicy from '../../constructs/aws/upstream/aws-load-balancer-controller-iam-policy.json';
import { platformHelmSources } from '../../charts/platform/helm-sources';
import { env, environments, policyDocument, resource, resources, stack } from './synthesized';
import { parse } from 'yaml';
import { GATEWAY_OPTIONS } from '../../charts/platform/gateway';
import { GATEWAY_NAMESPACE, PUBLIC_GATEWAY } from '../../charts/plan/components';
import { at, find } from '../k8s/support';

const DEPLOYED = ['network', 'ci', 'cluster', 'data', 'edge'] as const;
/** The day the EKS lifecycle table was checked (docs/decisions/eks-1-35-and-add-on-versions.md). */
const CHECKED = '2026-12-06';

describe('B2 the deploy role cannot escalate (IAM tables: test/aws/iam/tables/ci-roles.ts)', () => {
  it.each(environments)(
    '%s: every role a deployed layer creates carries the permissions boundary',
    (name) => {
      for (const layer of DEPLOYED) {
        for (const [id, role] of Object.entries(resources(name, layer, 'aws_iam_role'))) {
          expect(role['permissions_boundary'], `${layer} ${id}`).toBe(permissionsBoundaryArn(env(name)));
        }
      }
    },
  );

  it('keeps the CI roles and the boundary out of the layers the deploy role applies', () => {
    const bootstrap = Object.values(resources('prod', 'bootstrap', 'aws_iam_role')).map((r) => r['name']);
    expect(bootstrap.sort()).toEqual(['skillforge-prod-ci-deploy', 'skillforge-prod-ci-plan']);
    expect(resources('prod', 'bootstrap', 'aws_iam_policy')['boundary_policy']?.['name']).toBe(
      'skillforge-prod-boundary',
    );
    expect(resources('prod', 'ci', 'aws_iam_role')).toEqual({});
  });
});

describe('B4 the Load Balancer Controller policy is the published one of the pinned chart', () => {
  it.each(environments)('%s', (name) => {
    const chart = platformHelmSources(env(name)).find(
      (source) => source.name === 'aws-load-balancer-controller',
    );
    expect(chart?.version).toBe(LOAD_BALANCER_CONTROLLER_POLICY_CHART_VERSION);
    const policy = resource(
      name,
      'cluster',
      'aws_iam_role_policy',
      'irsa_aws-load-balancer-controller-policy',
    );
    const rendered = policyDocument(name, 'cluster', policy['policy']);
    expect(rendered).toHaveLength(upstreamLbcPolicy.Statement.length);
    const actions = rendered.flatMap((s) => s['actions'] as string[]).sort();
    expect(actions).toEqual(upstreamLbcPolicy.Statement.flatMap((s) => [s.Action].flat()).sort());
  });
});

describe('B6 PostgreSQL pins its major version only; B7 its parameter group takes a name prefix', () => {
  it.each(environments)('%s', (name) => {
    const primary = resource(name, 'data', 'aws_db_instance', 'postgres_primary');
    expect(primary['engine_version']).toMatch(/^\d+$/);
    expect(primary['auto_minor_version_upgrade']).toBe(true);
    const group = resource(name, 'data', 'aws_db_parameter_group', 'postgres_parameters');
    expect(group).toMatchObject({
      name_prefix: `skillforge-${name}-postgres-`,
      lifecycle: { create_before_destroy: true },
    });
    expect(group['name']).toBeUndefined();
  });
});

describe('B8 EKS runs the newest version in standard support and warns 90 days ahead', () => {
  it.each(environments)('%s runs 1.35 with the STANDARD upgrade policy', (name) => {
    const newest = Object.keys(eksKubernetesVersions)
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .at(-1);
    expect(env(name).cluster.kubernetesVersion).toBe(newest);
    expect(kubernetesSupport(env(name).cluster.kubernetesVersion, CHECKED).status).toBe('ok');
    expect(resource(name, 'cluster', 'aws_eks_cluster', 'eks_cluster')['upgrade_policy']).toEqual({
      support_type: 'STANDARD',
    });
  });

  it('warns within kubernetesSupportWarningDays of the end of standard support, and after it', () => {
    expect(kubernetesSupportWarningDays).toBe(90);
    expect(kubernetesSupport('1.35', '2026-12-27')).toEqual({
      status: 'warning',
      text: 'Kubernetes 1.35: standard support ends 2027-03-27, in 90 days; upgrade before EKS does',
    });
    expect(kubernetesSupport('1.35', '2026-12-26').status).toBe('ok');
    expect(kubernetesSupport('1.31', CHECKED)).toEqual({
      status: 'ended',
      text: 'Kubernetes 1.31: standard support ended 2025-11-26',
    });
    expect(kubernetesSupport('1.99', CHECKED).status).toBe('unknown');
  });
});

describe('B9 the OpenSearch admin runs in the cluster, not in CI', () => {
  it.each(environments.filter((name) => env(name).opensearch.mode === 'managed'))('%s', (name) => {
    const domain = resource(name, 'data', 'aws_opensearch_domain', 'opensearch_domain');
    const master = (
      domain['advanced_security_options'] as { master_user_options: { master_user_arn: string } }
    ).master_user_options.master_user_arn;
    expect(master).toBe(opensearchAdminRoleArn(env(name)));
    expect(master).not.toBe(iamRoleArn(env(name), 'ci-deploy'));
    expect(JSON.stringify(policyDocument(name, 'data', domain['access_policies']))).not.toContain(
      'ci-deploy',
    );
  });
});

describe('B10 the Kubernetes API is granted by access entries, nothing implicit', () => {
  it.each(environments)('%s', (name) => {
    const cluster = resource(name, 'cluster', 'aws_eks_cluster', 'eks_cluster');
    expect(cluster['access_config']).toMatchObject({
      authentication_mode: 'API',
      bootstrap_cluster_creator_admin_permissions: false,
    });
    const associations = Object.values(resources(name, 'cluster', 'aws_eks_access_policy_association')).map(
      (a) => [a['principal_arn'], String(a['policy_arn']).split('/').at(-1)],
    );
    expect(associations).toEqual([
      [iamRoleArn(env(name), 'ci-deploy'), 'AmazonEKSClusterAdminPolicy'],
      ['${aws_iam_role.access_oncall-role.arn}', 'AmazonEKSViewPolicy'],
      ['${aws_iam_role.access_break-glass-role.arn}', 'AmazonEKSClusterAdminPolicy'],
    ]);
  });
});

describe('B11 nodes scale with Karpenter, interruptions included', () => {
  it.each(environments)('%s', (name) => {
    expect(resource(name, 'cluster', 'aws_sqs_queue', 'karpenter_interruption-queue')).toMatchObject({
      name: `skillforge-${name}-karpenter`,
      sqs_managed_sse_enabled: true,
    });
    expect(Object.keys(resources(name, 'cluster', 'aws_cloudwatch_event_target'))).toHaveLength(4);
    expect(resource(name, 'cluster', 'aws_eks_access_entry', 'karpenter_node-access-entry')['type']).toBe(
      'EC2_LINUX',
    );
    expect(resources(name, 'cluster', 'aws_iam_role')['irsa_karpenter']?.['name']).toBe(
      `skillforge-${name}-karpenter`,
    );
  });
});

describe('B12 server access logs name their target bucket by reference', () => {
  it.each(environments)('%s', (name) => {
    for (const [id, logging] of Object.entries(resources(name, 'data', 'aws_s3_bucket_logging'))) {
      expect(logging['target_bucket'], id).toBe('${aws_s3_bucket.storage_access-logs_bucket.bucket}');
    }
  });
});

describe("B13 the origin load balancer admits only CloudFront's origin-facing servers", () => {
  it.each(environments)('%s', (name) => {
    const group = resource(name, 'cluster', 'aws_security_group', 'origin_group');
    expect(group['name']).toBe(originSecurityGroupName(env(name)));
    expect(group['ingress']).toEqual([
      expect.objectContaining({
        from_port: 443,
        to_port: 443,
        prefix_list_ids: ['${data.aws_ec2_managed_prefix_list.origin_cloudfront-origin-facing.id}'],
        cidr_blocks: null,
      }),
    ]);
    // The Istio gateway's Service carries the annotations, through the Gateway's parametersRef ConfigMap.
    const gateway = find(env(name), 'Gateway', GATEWAY_NAMESPACE, PUBLIC_GATEWAY);
    const ref = at(gateway, 'spec.infrastructure.parametersRef') as { kind: string; name: string };
    expect(ref).toEqual({ group: '', kind: 'ConfigMap', name: GATEWAY_OPTIONS });
    const options = find(env(name), 'ConfigMap', GATEWAY_NAMESPACE, ref.name);
    const service = parse(at(options, 'data.service') as string) as {
      metadata: { annotations: Record<string, string> };
    };
    expect(service.metadata.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-security-groups': originSecurityGroupName(env(name)),
      'service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules': 'true',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    });
  });
});

describe('B14 CloudWatch Logs may use a log key only for its log groups (IAM table: CloudWatch Logs)', () => {
  it.each(environments)('%s', (name) => {
    for (const [layer, id] of [
      ['cluster', 'eks_logs-key_policy'],
      ['network', 'network_flow-logs-key_policy'],
      ['data', 'logs-key_policy'],
    ] as const) {
      const statements = policyDocument(name, layer, `\${data.aws_iam_policy_document.${id}.json}`);
      const logs = statements.filter((s) => JSON.stringify(s['principals']).includes('logs.'));
      const crypto = logs.find((s) => (s['actions'] as string[]).includes('kms:GenerateDataKey*'))!;
      expect(crypto['condition'], `${layer} ${id}`).toEqual([
        expect.objectContaining({ test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn' }),
      ]);
    }
  });
});

describe('B15 ordering, protection, health and tags', () => {
  it.each(environments)('%s', (name) => {
    const cluster = resource(name, 'cluster', 'aws_eks_cluster', 'eks_cluster');
    expect(cluster['depends_on']).toEqual(
      expect.arrayContaining([
        'aws_iam_role_policy_attachment.eks_role-cluster-policy',
        'aws_iam_role_policy.eks_role-key-policy',
      ]),
    );
    const group = resource(name, 'cluster', 'aws_eks_node_group', 'nodes_general');
    expect(group['depends_on']).toEqual(
      expect.arrayContaining(['aws_iam_role_policy_attachment.nodes_role-AmazonEKSWorkerNodePolicy']),
    );
    expect(resource(name, 'data', 'aws_db_instance', 'postgres_primary')['lifecycle']).toEqual({
      prevent_destroy: true,
    });
    const template = resource(name, 'cluster', 'aws_launch_template', 'nodes_general-launch-template');
    expect(
      (template['tag_specifications'] as { resource_type: string }[]).map((t) => t.resource_type),
    ).toEqual(['instance', 'volume', 'network-interface']);
    for (const [id, record] of Object.entries(resources(name, 'data', 'aws_route53_record'))) {
      if (record['weighted_routing_policy'] !== undefined)
        expect(record['health_check_id'], id).toMatch(/aws_route53_health_check/);
    }
    for (const synthesized of ['network', 'ci', 'cluster', 'data', 'edge'].map((layer) =>
      stack(name, layer),
    )) {
      // versions.tf beside cdk.tf.json (stacks/render.ts).
      expect(synthesized.versionsTf).toContain('required_version = ">= 1.11"');
    }
  });

  it('health-checks every weighted read-replica record in prod', () => {
    const weighted = Object.values(resources('prod', 'data', 'aws_route53_record')).filter(
      (r) => r['weighted_routing_policy'] !== undefined,
    );
    expect(weighted).toHaveLength(3);
    expect(clusterName(env('prod'))).toBe('skillforge-prod');
  });
});
