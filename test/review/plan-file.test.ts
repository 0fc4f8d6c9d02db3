// `--plan`: terraform plans (Terraform's JSON output format) override the replacement table for their stacks,
// feed propagation into the stacks without a plan, and anything that is not a plan of a reviewed stack is refused
// with one line naming the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tfResource, tfStack, useTempDirs, type TreeFiles } from './fixtures';
import { awsProvider, planDocument, renderedProvider, type PlannedResource } from './plan-fixtures';
import { reviewRepos } from './review-repo';

const tempDir = useTempDirs();
const { repoWith, review } = reviewRepos(tempDir);

const SUBNET =
  '${data.terraform_remote_state.cross-stack-reference-input-prod-network.outputs.cross-stack-output-aws_subnet_network_database-a_id}';

function stacks(env: string, bucket = `skillforge-${env}-assets`): TreeFiles {
  const state = (stack: string) => ({
    bucket: 'state',
    key: `${stack}/terraform.tfstate`,
    region: 'eu-west-1',
  });
  return {
    [`${env}/terraform/${env}-network/cdk.tf.json`]: tfStack(
      {
        aws_vpc: { network_vpc: tfResource(`${env}-network/network/vpc`, { cidr_block: '10.30.0.0/16' }) },
        aws_subnet: {
          'network_database-a': tfResource(`${env}-network/network/database-a`, {
            cidr_block: '10.30.224.0/22',
            vpc_id: '${aws_vpc.network_vpc.id}',
          }),
        },
      },
      {
        provider: renderedProvider(awsProvider(env, 'network')),
        terraform: { backend: { s3: state(`${env}-network`) } },
        output: {
          'cross-stack-output-aws_subnet_network_database-a_id': {
            value: '${aws_subnet.network_database-a.id}',
          },
        },
      },
    ),
    [`${env}/terraform/${env}-data/cdk.tf.json`]: tfStack(
      {
        aws_s3_bucket: { assets: tfResource(`${env}-data/assets/bucket`, { bucket }) },
        aws_msk_cluster: {
          kafka_cluster: tfResource(`${env}-data/kafka/cluster`, {
            cluster_name: `skillforge-${env}`,
            broker_node_group_info: { client_subnets: [SUBNET.replaceAll('prod', env)] },
          }),
        },
      },
      {
        provider: renderedProvider(awsProvider(env, 'data')),
        terraform: { backend: { s3: state(`${env}-data`) } },
        data: {
          terraform_remote_state: {
            [`cross-stack-reference-input-${env}-network`]: {
              backend: 's3',
              config: state(`${env}-network`),
            },
          },
        },
      },
    ),
  };
}

const tree = (): TreeFiles => ({ ...stacks('dev'), ...stacks('prod') });

function planFile(name: string, content: object | string): string {
  const file = join(tempDir('plans-'), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const plan = (env: string, layer: string, resources: PlannedResource[]) =>
  planDocument(awsProvider(env, layer), resources);

const SUBNET_REPLACED: PlannedResource = {
  address: 'aws_subnet.network_database-a',
  actions: ['delete', 'create'],
  before: { cidr_block: '10.30.224.0/22' },
  after: { cidr_block: '10.30.228.0/22' },
  replacePaths: [['cidr_block']],
  actionReason: 'replace_because_cannot_update',
};

describe('review with terraform plans', () => {
  it('lets the plan win: a replacement the table predicts is not reported when the plan updates in place', async () => {
    const repo = repoWith(tree());
    const head = { ...tree(), ...stacks('prod', 'skillforge-prod-assets-v2') };
    expect((await review(repo, head, { envs: ['prod'] })).code).toBe(2);
    const file = planFile(
      'prod-data.json',
      plan('prod', 'data', [{ address: 'aws_s3_bucket.assets', actions: ['update'] }]),
    );
    const run = await review(repo, head, { envs: ['prod'], plans: [file] });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Terraform plans read (they override the replacement table for their stacks): \`prod/prod-data\` (\`${file}\`).`,
    );
  });

  it('reports a replacement only the plan knows, and propagates it into a stack without a plan', async () => {
    const repo = repoWith(tree());
    const file = planFile('prod-network.json', plan('prod', 'network', [SUBNET_REPLACED]));
    const run = await review(repo, tree(), { envs: ['prod'], plans: [file] });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      '**`prod` · replacement · `prod-network/aws_subnet.network_database-a` (aws_subnet) · terraform plan**',
    );
    expect(run.stdout).toContain(
      `\`cidr_block\`: \`"10.30.224.0/22"\` → \`"10.30.228.0/22"\`: forces replacement: terraform plan (replace_because_cannot_update) (plan \`${file}\`)`,
    );
    expect(run.stdout).toContain(
      '**`prod` · replacement · `prod-data/aws_msk_cluster.kafka_cluster` (aws_msk_cluster)**',
    );
  });

  const refusals: [string, object | string, string][] = [
    [
      'not JSON',
      'Plan: 1 to add',
      'not Terraform plan JSON (not JSON at all; write it with `terraform show -json <planfile>`)',
    ],
    [
      'JSON without format_version',
      { resource_changes: [] },
      'not Terraform plan JSON (no format_version; write it with `terraform show -json <planfile>`)',
    ],
    [
      'a state',
      { format_version: '1.0', values: {} },
      'a Terraform state, not a plan (no planned_values; run `terraform show -json <planfile>`)',
    ],
    [
      'a future format',
      { format_version: '2.0', planned_values: {} },
      'Terraform JSON format_version 2.0 is not supported (expected 1.x)',
    ],
    [
      'another environment',
      plan('dev', 'network', [SUBNET_REPLACED]),
      'a plan of dev-network in environment "dev", which this review does not cover (prod)',
    ],
    [
      'another stack',
      plan('prod', 'network', [{ address: 'aws_s3_bucket.assets', actions: ['update'] }]),
      'aws_s3_bucket.assets is not in deploy/prod/terraform/prod-network, the stack its provider matches: a plan of another stack?',
    ],
  ];

  it.each(refusals)(
    'fails when the plan file is %s, with one line naming the file',
    async (_name, content, reason) => {
      const repo = repoWith(tree());
      const file = planFile('plan.json', content);
      const run = await review(repo, tree(), { envs: ['prod'], plans: [file] });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`review: --plan ${file}: ${reason}\n`);
    },
  );

  it('fails when two plans are given for one stack, naming both files', async () => {
    const repo = repoWith(tree());
    const first = planFile('a.json', plan('prod', 'network', [SUBNET_REPLACED]));
    const second = planFile('b.json', plan('prod', 'network', []));
    const run = await review(repo, tree(), { envs: ['prod'], plans: [first, second] });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `review: --plan ${second}: a second plan of prod/prod-network (the first is ${first})\n`,
    );
  });
});
