// `npm run deploy -- --env prod` end to end in a throwaway repository: cdktf deploys exactly prod's five layers in
// dependency order (a fake terraform records each call), --bootstrap deploys only the state-bucket stack, and the
// command refuses a stale render, an unknown environment and an unknown flag before terraform ever runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRepo, makeCliRepo } from './cli-repo';

const LAYERS = ['network', 'ci', 'cluster', 'data', 'edge'];
const PROBES = ['.|version -json', '.|version -json', '.|version -json', '.|-v'];

let repo: CliRepo;
beforeAll(() => {
  repo = makeCliRepo();
}, 120_000);
afterAll(() => repo?.cleanup());

describe('npm run deploy', () => {
  it('runs cdktf deploy on exactly the prod stacks, applying them in dependency order', async () => {
    const run = await repo.run(['deploy', '--env', 'prod', '--auto-approve']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      '$ SKILLFORGE_ENV=prod cdktf deploy prod-network prod-ci prod-cluster prod-data prod-edge --auto-approve',
    );
    const stackCalls = run.terraform.filter((call) => call.startsWith('cdktf.out/'));
    // Every stack is initialised first; then each is applied and its outputs read, strictly one after another.
    expect(stackCalls.filter((call) => !/\|(apply|output)/.test(call))).toEqual(
      LAYERS.flatMap((layer) => [
        `cdktf.out/stacks/prod-${layer}|init`,
        `cdktf.out/stacks/prod-${layer}|providers lock -platform=linux_amd64`,
      ]),
    );
    expect(stackCalls.filter((call) => /\|(apply|output)/.test(call))).toEqual(
      LAYERS.flatMap((layer) => [
        `cdktf.out/stacks/prod-${layer}|apply -auto-approve`,
        `cdktf.out/stacks/prod-${layer}|output -json`,
      ]),
    );
    expect(run.terraform.slice(0, 4)).toEqual(PROBES);
  }, 240_000);

  it('with --bootstrap deploys only the state-bucket stack', async () => {
    const run = await repo.run(['deploy', '--env', 'prod', '--bootstrap', '--auto-approve']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.terraform.filter((call) => call.startsWith('cdktf.out/'))).toEqual([
      'cdktf.out/stacks/prod-bootstrap|init',
      'cdktf.out/stacks/prod-bootstrap|providers lock -platform=linux_amd64',
      'cdktf.out/stacks/prod-bootstrap|apply -auto-approve',
      'cdktf.out/stacks/prod-bootstrap|output -json',
    ]);
  }, 240_000);

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
      const run = await repo.run(['deploy', '--env', 'prod', '--auto-approve']);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        'deploy: the rendered Terraform differs from a fresh synth (deploy/prod/terraform/prod-ci/cdk.tf.json); ' +
          'run `npm run synth -- --env prod`, review and commit it first\n',
      );
      expect(run.terraform).toEqual([]);
    } finally {
      writeFileSync(model, original);
      repo.commit('restore the retention');
    }
  }, 120_000);

  it('fails for an unknown environment', async () => {
    const run = await repo.run(['deploy', '--env', 'qa']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('environment "qa": (root): got "qa"; expected one of: dev, staging, prod\n');
    expect(run.terraform).toEqual([]);
  }, 60_000);

  it('fails for an unknown flag, listing the valid ones', async () => {
    const run = await repo.run(['deploy', '--env', 'prod', '--force']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'deploy: unknown option --force; valid options: --env <name>, --auto-approve, --bootstrap\n',
    );
    expect(run.terraform).toEqual([]);
  }, 60_000);
});
