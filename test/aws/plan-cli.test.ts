// `npm run plan -- --env prod` end to end in a throwaway repository: one synth, then `cdktf diff` per prod stack
// in dependency order, each running terraform plan in its own stack directory (a fake terraform records calls).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRepo, makeCliRepo } from './cli-repo';

let repo: CliRepo;
beforeAll(() => {
  repo = makeCliRepo();
}, 120_000);
afterAll(() => repo?.cleanup());

describe('npm run plan', () => {
  it('runs cdktf diff on each prod stack in order, and plans each in its own directory', async () => {
    const run = await repo.run(['plan', '--env', 'prod']);
    expect(run.status, run.stderr).toBe(0);
    const commands = run.stderr.split('\n').filter((line) => line.startsWith('$ '));
    expect(commands).toEqual([
      '$ SKILLFORGE_ENV=prod cdktf synth',
      ...['network', 'ci', 'cluster', 'data', 'edge'].map(
        (layer) => `$ SKILLFORGE_ENV=prod cdktf diff prod-${layer} --skip-synth`,
      ),
    ]);
    expect(run.terraform.filter((call) => call.startsWith('cdktf.out/'))).toEqual(
      ['network', 'ci', 'cluster', 'data', 'edge'].flatMap((layer) => [
        `cdktf.out/stacks/prod-${layer}|init`,
        `cdktf.out/stacks/prod-${layer}|providers lock -platform=linux_amd64`,
        `cdktf.out/stacks/prod-${layer}|plan -input=false -out plan`,
      ]),
    );
  }, 300_000);
});
