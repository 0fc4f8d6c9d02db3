// `npm run plan|deploy -- --env prod` end to end in a throwaway repository with a fake terraform on PATH: terraform
// runs in each committed folder deploy/prod/terraform/<stack>, in dependency order — init with the committed
// backend, plan to a plan file, its JSON and a summary, then (deploy) apply of that very plan file — and the plan
// JSON feeds `npm run review -- --plan`. Refusals happen before terraform ever runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRepo, makeCliRepo } from './cli-repo';

const LAYERS = ['network', 'ci', 'cluster', 'data', 'edge'];
const work = (stack: string) => `<repo>/.terraform-work/prod/${stack}`;
const planSteps = (stack: string) => [
  `deploy/prod/terraform/${stack}|init -input=false`,
  `deploy/prod/terraform/${stack}|plan -input=false -out=${work(stack)}/plan.tfplan`,
  `deploy/prod/terraform/${stack}|show -json ${work(stack)}/plan.tfplan`,
];

let repo: CliRepo;
beforeAll(() => {
  repo = makeCliRepo();
}, 120_000);
afterAll(() => repo?.cleanup());

describe('npm run plan', () => {
  it('plans each prod stack in its committed folder, in order, and writes the plan JSON with a summary', async () => {
    const run = await repo.run(['plan', '--env', 'prod']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.terraform).toEqual(LAYERS.flatMap((layer) => planSteps(`prod-${layer}`)));
    expect(run.log[0]).toBe(
      `<repo>/deploy/prod/terraform/prod-network|init -input=false|TF_DATA_DIR=${work('prod-network')}/.terraform`,
    );
    expect(run.stdout.trim().split('\n')).toEqual(
      LAYERS.map(
        (layer) =>
          `prod-${layer}: 0 to add, 0 to change, 0 to replace, 0 to destroy (plan JSON: .terraform-work/prod/plans/prod-${layer}.json)`,
      ),
    );
    // terraform's lock file in the stack folder is ignored: the tree stays clean and a second plan still runs.
    expect(repo.git('status', '--porcelain')).toBe('');
    expect((await repo.run(['plan', '--env', 'prod'])).status).toBe(0);
  }, 120_000);

  it("feeds the review: the plans' replacements decide, and a clean plan passes", async () => {
    // The plans of the test above, all no-ops.
    const plans = LAYERS.flatMap((layer) => ['--plan', `.terraform-work/prod/plans/prod-${layer}.json`]);
    const clean = await repo.run(['review', '--base', 'HEAD', '--env', 'prod', ...plans]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('`prod/prod-network` (`.terraform-work/prod/plans/prod-network.json`)');

    const replacing = await repo.run(['plan', '--env', 'prod'], { FAKE_TERRAFORM_REPLACE: 'aws_vpc.network_vpc' });
    expect(replacing.stdout).toContain('prod-network: 0 to add, 0 to change, 1 to replace, 0 to destroy');
    const replaced = await repo.run(['review', '--base', 'HEAD', '--env', 'prod', ...plans]);
    expect(replaced.status).toBe(2);
    expect(replaced.stdout).toContain(
      '- ⛔ **`prod` · replacement · `prod-network/aws_vpc.network_vpc` (aws_vpc) · terraform plan**',
    );
  }, 180_000);

  it('stops at the first stack whose terraform fails, naming it', async () => {
    const run = await repo.run(['plan', '--env', 'prod'], { FAKE_TERRAFORM_FAIL: 'plan:prod-cluster' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('terraform plan failed in prod-cluster (exit 1); later stacks were not run\n');
    expect(run.terraform.at(-1)).toBe(`deploy/prod/terraform/prod-cluster|plan -input=false -out=${work('prod-cluster')}/plan.tfplan`);
  }, 120_000);
});

describe('npm run deploy', () => {
  it('applies, stack by stack, exactly the plan file it just made and summarised', async () => {
    const run = await repo.run(['deploy', '--env', 'prod', '--auto-approve']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.terraform).toEqual(
      LAYERS.flatMap((layer) => [
        ...planSteps(`prod-${layer}`),
        `deploy/prod/terraform/prod-${layer}|apply -input=false ${work(`prod-${layer}`)}/plan.tfplan`,
      ]),
    );
    expect(run.stdout).toContain('prod-data: 0 to add, 0 to change, 0 to replace, 0 to destroy\n');
  }, 120_000);

  it('applies nothing unless the answer is "yes"', async () => {
    const run = await repo.run(['deploy', '--env', 'prod']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'deploy: prod-network not applied (the answer was not "yes"); the stacks before it are applied\n',
    );
    expect(run.terraform.filter((call) => call.includes('|apply'))).toEqual([]);
  }, 120_000);

  it('with --bootstrap deploys only the state-bucket stack, on the local state cdktf uses too', async () => {
    const run = await repo.run(['deploy', '--env', 'prod', '--bootstrap', '--auto-approve']);
    expect(run.status, run.stderr).toBe(0);
    const stack = 'prod-bootstrap';
    expect(run.terraform).toEqual([
      `deploy/prod/terraform/${stack}|init -input=false -backend-config=path=<repo>/.terraform-bootstrap/${stack}.tfstate`,
      ...planSteps(stack).slice(1),
      `deploy/prod/terraform/${stack}|apply -input=false ${work(stack)}/plan.tfplan`,
    ]);
  }, 120_000);

  it('fails when the rendered Terraform differs from a fresh synth, without running terraform', async () => {
    const file = join(repo.root, 'deploy/prod/terraform/prod-data/cdk.tf.json');
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace('"skillforge-prod-postgres"', '"hand-edited"'));
    try {
      const run = await repo.run(['deploy', '--env', 'prod', '--auto-approve']);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        'deploy: the rendered Terraform differs from a fresh synth (deploy/prod/terraform/prod-data/cdk.tf.json, ' +
          'uncommitted: M deploy/prod/terraform/prod-data/cdk.tf.json); run `npm run synth -- --env prod`, ' +
          'review and commit it first\n',
      );
      expect(run.terraform).toEqual([]);
    } finally {
      writeFileSync(file, committed);
    }
  }, 120_000);

  it('fails when the model changed and was committed without rendering', async () => {
    const model = join(repo.root, 'environments/prod.ts');
    const original = readFileSync(model, 'utf8');
    writeFileSync(model, original.replace('imageRetentionDays: 365', 'imageRetentionDays: 400'));
    repo.commit('change the retention without rendering');
    try {
      const run = await repo.run(['plan', '--env', 'prod']);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        'plan: the rendered Terraform differs from a fresh synth (deploy/prod/terraform/prod-ci/cdk.tf.json); ' +
          'run `npm run synth -- --env prod`, review and commit it first\n',
      );
      expect(run.terraform).toEqual([]);
    } finally {
      writeFileSync(model, original);
      repo.commit('restore the retention');
    }
  }, 120_000);

  it('fails for an unknown environment and an unknown flag', async () => {
    const unknown = await repo.run(['deploy', '--env', 'qa']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('environment "qa": (root): got "qa"; expected one of: dev, staging, prod\n');
    const flag = await repo.run(['deploy', '--env', 'prod', '--force']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toBe('deploy: unknown option --force; valid options: --env <name>, --auto-approve, --bootstrap\n');
    expect([...unknown.terraform, ...flag.terraform]).toEqual([]);
  }, 60_000);
});

describe('the cdktf CLI on a fresh synth', () => {
  it('still plans a stack in cdktf.out/stacks/<stack>, for trying changes before they are rendered', async () => {
    const run = await repo.cdktf(['diff', 'prod-network'], { SKILLFORGE_ENV: 'prod' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.terraform.filter((call) => call.startsWith('cdktf.out/'))).toEqual([
      'cdktf.out/stacks/prod-network|init',
      'cdktf.out/stacks/prod-network|providers lock -platform=linux_amd64',
      'cdktf.out/stacks/prod-network|plan -input=false -out plan',
    ]);
  }, 240_000);
});
