// Environments are data: a fourth environment is one new file plus one registry line, with no other code change.
import { describe, expect, it } from 'vitest';
import { defineEnvironment, environmentRegistry, loadRegistry } from '../../environments';
import { repositoryFiles } from '../../scripts/render/repository-files';
import { renderEnvironment } from '../../scripts/render/synthesize';

const qa = defineEnvironment({
  name: 'qa',
  tier: 'staging',
  aws: {
    accountId: '444444444444',
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    drRegion: 'eu-central-1',
    stateKeyId: '3e0d6f4b-8a5c-4b1d-af9e-4c5d6e7f8091',
  },
  network: { vpcCidr: '10.40.0.0/16' },
  edge: { hostPrefix: 'qa.' },
  ci: { githubEnvironment: 'qa' },
  releases: environmentRegistry.staging.releases,
});

describe('environment registry', () => {
  it('registers dev, staging and prod in promotion order', () => {
    expect(Object.keys(environmentRegistry)).toEqual(['dev', 'staging', 'prod']);
  });

  it('accepts a fourth environment from one file and one registry line, and renders it', async () => {
    const registry = loadRegistry({ ...environmentRegistry, qa });
    const env = registry.get('qa')!;
    expect(env.postgres.backupRetentionDays).toBe(7);
    const paths = (await renderEnvironment(env, { environments: registry })).map((file) => file.path);
    expect(paths).toContain('terraform/qa-network/cdk.tf.json');
    expect(paths).toContain('argocd/root.yaml');
    // CI plans and deploys it too: the per-environment workflows are rendered from the registry.
    const workflows = repositoryFiles([...registry.values()]);
    expect(workflows['.github/workflows/plan.yml']).toContain('environment: qa');
    expect(workflows['.github/workflows/deploy.yml']).toMatch(/\n {2}qa:\n {4}needs: staging\n/);
  });

  it('keeps environment files to their differences: prod restates none of the defaults it shares', () => {
    const stated = Object.keys(environmentRegistry.prod).sort();
    expect(stated).toEqual(
      [
        'aws',
        'ci',
        'cluster',
        'edge',
        'gitops',
        'name',
        'network',
        'opensearch',
        'postgres',
        'registry',
        'releases',
        'storage',
        'tier',
      ].sort(),
    );
  });
});
