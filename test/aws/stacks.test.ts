// The stack list of every environment, its deploy order, and what every stack shares: state, locking, provider.
import { describe, expect, it } from 'vitest';
import { stackIds, terraformLayers } from '../../constructs/contracts';
import { env, environments, resourceCount, resources, stack, stacksOf } from './synthesized';

describe('stacks', () => {
  it.each(environments)('%s renders the bootstrap stack and the five layers, in dependency order', (name) => {
    expect(stacksOf(name).map((s) => s.stack)).toEqual([
      `${name}-bootstrap`,
      `${name}-network`,
      `${name}-ci`,
      `${name}-cluster`,
      `${name}-data`,
      `${name}-edge`,
    ]);
    expect(stackIds(env(name))).toEqual(terraformLayers.map((layer) => `${name}-${layer}`));
  });

  it('chains the layers so cdktf never deploys two of them in parallel; bootstrap stands alone', () => {
    expect(Object.fromEntries(stacksOf('prod').map((s) => [s.stack, s.dependsOn]))).toEqual({
      'prod-bootstrap': [],
      'prod-network': [],
      'prod-ci': ['prod-network'],
      'prod-cluster': ['prod-ci', 'prod-network'],
      'prod-data': ['prod-cluster', 'prod-network'],
      'prod-edge': ['prod-data'],
    });
  });

  it.each(environments)(
    '%s keeps every layer in its own S3 state encrypted with the state key, with lock files; bootstrap stays local',
    (name) => {
      for (const layer of terraformLayers) {
        const terraform = stack(name, layer).config['terraform'] as Record<string, unknown>;
        expect(terraform['backend'], layer).toEqual({
          s3: {
            bucket: `skillforge-${name}-tfstate-${env(name).aws.accountId}`,
            key: `${name}-${layer}/terraform.tfstate`,
            region: 'eu-west-1',
            encrypt: true,
            // B3: without it Terraform writes state with SSE-S3 whatever the bucket default says.
            kms_key_id: `arn:aws:kms:eu-west-1:${env(name).aws.accountId}:key/${env(name).aws.stateKeyId}`,
            use_lockfile: true,
          },
        });
        // B15: use_lockfile is generally available from Terraform 1.11 (versions.tf next to cdk.tf.json).
        expect(stack(name, layer).versionsTf, layer).toContain('required_version = ">= 1.11"');
      }
      const bootstrap = stack(name, 'bootstrap').config['terraform'] as { backend: Record<string, unknown> };
      expect(bootstrap.backend).toEqual({
        local: { path: `../../../.terraform-bootstrap/${name}-bootstrap.tfstate` },
      });
    },
  );

  it('pins every provider to the environment account', () => {
    for (const name of environments) {
      for (const synthesized of stacksOf(name)) {
        const providers = (synthesized.config['provider'] as { aws: { allowed_account_ids: string[] }[] })
          .aws;
        for (const provider of providers)
          expect(provider.allowed_account_ids).toEqual([env(name).aws.accountId]);
      }
    }
  });

  it('creates the state bucket versioned, KMS-encrypted, private and TLS-only', () => {
    expect(resources('prod', 'bootstrap', 'aws_s3_bucket')).toEqual({
      state_bucket: expect.objectContaining({
        bucket: 'skillforge-prod-tfstate-333333333333',
        force_destroy: false,
        lifecycle: { prevent_destroy: true },
      }),
    });
    expect(Object.values(resources('prod', 'bootstrap', 'aws_s3_bucket_versioning'))[0]).toMatchObject({
      versioning_configuration: { status: 'Enabled' },
    });
    expect(
      Object.values(resources('prod', 'bootstrap', 'aws_s3_bucket_public_access_block'))[0],
    ).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('gives every environment a non-trivial estate, prod the largest', () => {
    const counts = Object.fromEntries(
      environments.map((name) => [name, terraformLayers.map((layer) => resourceCount(name, layer))]),
    );
    expect(counts['prod']!.reduce((a, b) => a + b)).toBeGreaterThan(counts['dev']!.reduce((a, b) => a + b));
    for (const name of environments) for (const count of counts[name]!) expect(count).toBeGreaterThan(5);
  });
});

describe('network', () => {
  it('gives prod one NAT gateway per zone and dev a single one', () => {
    expect(Object.keys(resources('prod', 'network', 'aws_nat_gateway')).sort()).toEqual([
      'network_nat-a',
      'network_nat-b',
      'network_nat-c',
    ]);
    expect(Object.keys(resources('dev', 'network', 'aws_nat_gateway'))).toEqual(['network_nat-a']);
  });
});
