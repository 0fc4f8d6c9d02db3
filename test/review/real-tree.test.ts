// The destructive-change gate on the real stacks, end to end: in a throwaway clone, the model and constructs are
// edited the way a pull request would, and `npm run review -- --base HEAD --env prod` must give the right exit
// code and say why. The first five cases are the ones issue #15 found passing unnoticed.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepo, runCliAsync } from '../support/repo-clone';

let clone: string;
const edit = (file: string, from: string, to: string) => {
  const path = join(clone, file);
  const source = readFileSync(path, 'utf8');
  expect(source).toContain(from);
  writeFileSync(path, source.replace(from, to));
};
const acknowledge = (entries: string) =>
  writeFileSync(join(clone, 'docs/acknowledged-changes.yaml'), entries);
/** Asynchronous, so the test worker keeps answering vitest while the review renders (seconds on a busy machine). */
const reviewProd = (...extra: string[]) =>
  runCliAsync(clone, ['review', '--base', 'HEAD', '--env', 'prod', ...extra]);
const top = (stdout: string) => stdout.slice(0, stdout.indexOf('| Environment |'));

describe('review of real changes to the prod stacks', () => {
  beforeAll(() => {
    clone = cloneRepo();
  });
  afterEach(() => execFileSync('git', ['checkout', '-q', '--', '.'], { cwd: clone }));
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('passes an unchanged tree', async () => {
    const result = await reviewProd();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No destructive changes to stateful resources.');
  });

  it('exits 2 on a prod VPC CIDR change: the VPC, every subnet, and MSK and OpenSearch read through remote state', async () => {
    edit('environments/prod.ts', "vpcCidr: '10.30.0.0/16'", "vpcCidr: '10.31.0.0/16'");
    const result = await reviewProd();
    expect(result.code).toBe(2);
    const findings = top(result.stdout);
    expect(findings).toContain('⛔ **11 destructive changes not acknowledged: the review fails.**');
    expect(findings).toContain(
      '- ⛔ **`prod` · replacement · `prod-network/aws_vpc.network_vpc` (aws_vpc)**\n  - `cidr_block`: `"10.30.0.0/16"` → `"10.31.0.0/16"`: forces replacement',
    );
    expect(findings).toContain('`prod-network/aws_subnet.network_database-a` (aws_subnet)**');
    expect(findings).toContain(
      '- ⛔ **`prod` · replacement · `prod-data/aws_msk_cluster.kafka_cluster` (aws_msk_cluster)**',
    );
  });

  it('exits 2 on an ElastiCache subnet group rename: the replication group reads its name', async () => {
    edit('constructs/aws/redis.ts', '      name: groupId,', '      name: `${groupId}-cache`,');
    const result = await reviewProd();
    expect(result.code).toBe(2);
    expect(top(result.stdout)).toContain(
      '- ⛔ **`prod` · replacement · `prod-data/aws_elasticache_replication_group.redis_replication-group` (aws_elasticache_replication_group)**\n' +
        '  - `subnet_group_name` reads `aws_elasticache_subnet_group.redis_subnets.name`, and `prod-data/aws_elasticache_subnet_group.redis_subnets` changes `name`: "skillforge-prod" → "skillforge-prod-cache": forces replacement',
    );
  });

  it('exits 2 on a DB subnet group rename: the subnets beneath the database are replaced', async () => {
    edit(
      'constructs/aws/postgres.ts',
      "new DbSubnetGroup(this, 'subnets', {\n      name: identifier,",
      "new DbSubnetGroup(this, 'subnets', {\n      name: `${identifier}-subnets`,",
    );
    const result = await reviewProd();
    expect(result.code).toBe(2);
    expect(top(result.stdout)).toContain(
      '- ⛔ **`prod` · replacement · `prod-data/aws_db_subnet_group.postgres_subnets` (aws_db_subnet_group)**\n' +
        '  - `name`: `"skillforge-prod-postgres"` → `"skillforge-prod-postgres-subnets"`: forces replacement',
    );
  });

  it('exits 2 when the database subnets are renumbered: MSK reads them through remote state', async () => {
    edit(
      'constructs/contracts/network-plan.ts',
      'database: toCidr(databaseBase + index * smallSize',
      'database: toCidr(databaseBase + (index + 4) * smallSize',
    );
    const result = await reviewProd();
    expect(result.code).toBe(2);
    expect(top(result.stdout)).toContain(
      '- ⛔ **`prod` · replacement · `prod-data/aws_msk_cluster.kafka_cluster` (aws_msk_cluster)**\n' +
        '  - `broker_node_group_info.client_subnets` reads `data.terraform_remote_state.cross-stack-reference-input-prod-network.outputs.cross-stack-output-aws_subnet_network_database-a_id`, and `prod-network/aws_subnet.network_database-a` is replaced: its `id` is known only after apply (through `prod-data/data.terraform_remote_state.cross-stack-reference-input-prod-network` → `prod-network/output.cross-stack-output-aws_subnet_network_database-a_id`): forces replacement',
    );
    // The same CIDR change in every NetworkPolicy that reaches the databases reads as one row: the 17 workloads
    // with egress to the database subnets (16, plus the opensearch-security-config Job that applies the OpenSearch
    // admin mapping from inside the cluster since #12 B9).
    expect(result.stdout).toContain('- ~ 17 × NetworkPolicy with the same change');
  });

  it('exits 0 on a PostgreSQL major upgrade, with a warning at the top of the comment', async () => {
    // The model pins the major only (RDS applies minors itself); a major upgrade is 16 → 17.
    edit('environments/defaults/data-stores.ts', "engineVersion: '16'", "engineVersion: '17'");
    const result = await reviewProd();
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[2]).toBe('✅ No destructive changes to stateful resources.');
    expect(lines[4]).toBe('⚠️ **1 disruptive change applied in place** (not blocking; plan the window):');
    expect(lines[5]).toContain(
      '`prod-data/aws_db_instance.postgres_primary` (aws_db_instance): `engine_version`: `"16"` → `"17"`: major engine upgrade',
    );
  });

  it('lets a terraform plan of prod-network decide, and still propagates into the data stack', async () => {
    edit('environments/prod.ts', "vpcCidr: '10.30.0.0/16'", "vpcCidr: '10.31.0.0/16'");
    const plan = join(__dirname, 'plans', 'prod-network.vpc-cidr.json');
    const result = await reviewProd('--plan', plan);
    expect(result.code).toBe(2);
    const findings = top(result.stdout);
    expect(findings).toContain('`prod-network/aws_vpc.network_vpc` (aws_vpc) · terraform plan**');
    expect(findings).toContain(
      `: forces replacement: terraform plan (replace_because_cannot_update) (plan \`${plan}\`)`,
    );
    expect(findings).toContain(
      '- ⛔ **`prod` · replacement · `prod-data/aws_msk_cluster.kafka_cluster` (aws_msk_cluster)**',
    );
  });

  it('stops a renamed Postgres construct with the destroy/create pair on top, until acknowledged', async () => {
    edit('constructs/aws/postgres.ts', "new DbInstance(this, 'primary', {", "new DbInstance(this, 'main', {");
    const result = await reviewProd();
    expect(result.code).toBe(2);
    expect(top(result.stdout)).toContain(
      '`prod-data/aws_db_instance.postgres_primary` → `prod-data/aws_db_instance.postgres_main`',
    );
    acknowledge(
      [
        '- env: prod',
        '  resource: prod-data/aws_db_instance.postgres_primary',
        '  change: rename',
        '  reason: state moved with terraform state mv before the deploy (test)',
        '  acknowledged_by: test',
        '',
      ].join('\n'),
    );
    expect((await reviewProd()).code).toBe(0);
  });

  it('stops a replacement: a bucket whose name changes is destroyed and created again', async () => {
    edit(
      'constructs/contracts/naming.ts',
      '`${ORG}-${env.name}-${purpose}-${env.aws.accountId}`',
      '`${ORG}-${env.name}-${purpose}-v2-${env.aws.accountId}`',
    );
    const result = await reviewProd();
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/prod-data\/aws_s3_bucket\.storage_backups_bucket/);
    expect(result.stdout).toContain('`bucket`');
  });
});
