// Replacement follows references: within a stack (a renamed subnet group replaces the replication group that reads
// its name) and across stacks (a replaced subnet, read by the data stack through remote state, replaces the MSK
// cluster whose client_subnets force replacement). In-place arguments do not propagate.
import { describe, expect, it } from 'vitest';
import { findDestructiveChanges, type Finding } from '../../scripts/review';
import { tfResource, tfStack, treeDiffer, useTempDirs, type TreeFiles } from './fixtures';

const diffOf = treeDiffer(useTempDirs());

const backend = (stack: string) => ({
  terraform: {
    backend: { s3: { bucket: 'state', key: `${stack}/terraform.tfstate`, region: 'eu-west-1' } },
    required_providers: { aws: { source: 'aws', version: '6.25.0' } },
  },
});

const remote = (stack: string) => ({
  [`cross-stack-reference-input-${stack}`]: {
    backend: 's3',
    config: { bucket: 'state', key: `${stack}/terraform.tfstate`, region: 'eu-west-1' },
  },
});

function network(subnetCidr: string, vpcCidr = '10.30.0.0/16'): object {
  return tfStack(
    {
      aws_vpc: { network_vpc: tfResource('prod-network/network/vpc', { cidr_block: vpcCidr }) },
      aws_subnet: {
        'network_database-a': tfResource('prod-network/network/database-a', {
          availability_zone: 'eu-west-1a',
          cidr_block: subnetCidr,
          vpc_id: '${aws_vpc.network_vpc.id}',
        }),
      },
    },
    {
      ...backend('prod-network'),
      output: {
        'cross-stack-output-aws_subnet_network_database-a_id': {
          value: '${aws_subnet.network_database-a.id}',
        },
      },
    },
  );
}

const SUBNET =
  '${data.terraform_remote_state.cross-stack-reference-input-prod-network.outputs.cross-stack-output-aws_subnet_network_database-a_id}';

function data(subnetGroupName: string): object {
  return tfStack(
    {
      aws_elasticache_subnet_group: {
        redis_subnets: tfResource('prod-data/redis/subnets', { name: subnetGroupName, subnet_ids: [SUBNET] }),
      },
      aws_elasticache_replication_group: {
        'redis_replication-group': tfResource('prod-data/redis/replication-group', {
          replication_group_id: 'skillforge-prod',
          subnet_group_name: '${aws_elasticache_subnet_group.redis_subnets.name}',
        }),
      },
      aws_msk_cluster: {
        kafka_cluster: tfResource('prod-data/kafka/cluster', {
          cluster_name: 'skillforge-prod',
          broker_node_group_info: { client_subnets: [SUBNET], instance_type: 'kafka.m7g.large' },
        }),
      },
      aws_security_group: {
        db: tfResource('prod-data/postgres/security-group', { name: 'db', vpc_id: 'vpc-1' }),
      },
      aws_db_instance: {
        postgres_primary: tfResource('prod-data/postgres/primary', {
          identifier: 'skillforge-prod-postgres',
          vpc_security_group_ids: ['${aws_security_group.db.id}'],
        }),
      },
    },
    { ...backend('prod-data'), data: { terraform_remote_state: remote('prod-network') } },
  );
}

function tree(
  subnetCidr = '10.30.224.0/22',
  subnetGroupName = 'skillforge-prod',
  vpcCidr?: string,
): TreeFiles {
  return {
    'prod/terraform/prod-network/cdk.tf.json': network(subnetCidr, vpcCidr),
    'prod/terraform/prod-data/cdk.tf.json': data(subnetGroupName),
  };
}

const summary = (findings: Finding[]) => findings.map((finding) => [finding.address, finding.gated]);

describe('replacement through references', () => {
  it('replaces the replication group when its subnet group is renamed (within a stack)', () => {
    const findings = findDestructiveChanges(diffOf(tree(), tree(undefined, 'skillforge-prod-cache')));
    expect(summary(findings)).toEqual([
      ['prod-data/aws_elasticache_replication_group.redis_replication-group', true],
      ['prod-data/aws_elasticache_subnet_group.redis_subnets', true],
    ]);
    const [group] = findings;
    expect(group.attributes).toEqual([
      {
        path: 'subnet_group_name',
        reference: {
          expression: 'aws_elasticache_subnet_group.redis_subnets.name',
          upstream: 'prod-data/aws_elasticache_subnet_group.redis_subnets',
          why: 'changes `name`: "skillforge-prod" → "skillforge-prod-cache"',
          via: [],
        },
        effect: 'forces replacement',
        citation:
          'https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/elasticache_replication_group',
      },
    ]);
  });

  it('replaces the MSK cluster of the data stack when a subnet it reads through remote state is replaced', () => {
    const findings = findDestructiveChanges(diffOf(tree(), tree('10.30.228.0/22')));
    expect(summary(findings)).toEqual([
      ['prod-data/aws_msk_cluster.kafka_cluster', true],
      ['prod-network/aws_subnet.network_database-a', true],
    ]);
    const msk = findings[0].attributes[0];
    expect(msk.path).toBe('broker_node_group_info.client_subnets');
    expect(msk.reference).toMatchObject({
      upstream: 'prod-network/aws_subnet.network_database-a',
      why: 'is replaced: its `id` is known only after apply',
      via: [
        'prod-data/data.terraform_remote_state.cross-stack-reference-input-prod-network',
        'prod-network/output.cross-stack-output-aws_subnet_network_database-a_id',
      ],
    });
  });

  it('replaces the VPC, then every subnet whose vpc_id reads it, then what reads the subnets', () => {
    const findings = findDestructiveChanges(diffOf(tree(), tree(undefined, undefined, '10.31.0.0/16')));
    expect(summary(findings)).toEqual([
      ['prod-data/aws_msk_cluster.kafka_cluster', true],
      ['prod-network/aws_subnet.network_database-a', true],
      ['prod-network/aws_vpc.network_vpc', true],
    ]);
  });

  it('does not propagate through an argument updated in place (a DB instance reading a replaced security group)', () => {
    const head = tree();
    const base = tree();
    (
      base['prod/terraform/prod-data/cdk.tf.json'] as { resource: Record<string, Record<string, object>> }
    ).resource.aws_security_group.db = tfResource('prod-data/postgres/security-group', {
      name: 'db-old',
      vpc_id: 'vpc-1',
    });
    const findings = findDestructiveChanges(diffOf(base, head));
    expect(summary(findings)).toEqual([['prod-data/aws_security_group.db', false]]);
  });
});
