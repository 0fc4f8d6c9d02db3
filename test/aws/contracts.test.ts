// Pure contracts the Kubernetes side imports: how each store authenticates, which secrets exist, the SOPS rules.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import {
  irsaBindings,
  managedSecrets,
  postgresReadHost,
  sopsConfig,
  storeAuth,
} from '../../constructs/contracts';
import { env } from './synthesized';

describe('data-store authentication', () => {
  it('uses IAM for managed Redis, OpenSearch and MSK, a rotated password for PostgreSQL', () => {
    const prod = env('prod');
    expect(['postgres', 'redis', 'opensearch', 'kafka'].map((s) => storeAuth(prod, s as never))).toEqual([
      'password-secret',
      'iam',
      'iam',
      'iam',
    ]);
    const dev = env('dev');
    expect(['postgres', 'redis', 'opensearch', 'kafka'].map((s) => storeAuth(dev, s as never))).toEqual([
      'password-secret',
      'in-cluster',
      'in-cluster',
      'iam',
    ]);
  });

  it('creates the PostgreSQL application secret and the PagerDuty keys, nothing for IAM stores', () => {
    expect(managedSecrets(env('prod'))).toEqual([
      { path: 'postgres/app', rotation: 'postgres-alternating-users' },
      { path: 'pagerduty/p1-routing-key', rotation: 'external-issuer' },
      { path: 'pagerduty/p2-routing-key', rotation: 'external-issuer' },
    ]);
  });

  it('grants each workload exactly the IAM stores it depends on', () => {
    const grants = (envName: string, purpose: string) =>
      irsaBindings(env(envName)).find((b) => b.purpose === purpose)?.grants;
    // In the order the service declares them (dependsOn: opensearch, redis).
    expect(grants('prod', 'workload-search-api')).toEqual([
      { kind: 'data-store', store: 'opensearch' },
      { kind: 'data-store', store: 'redis' },
    ]);
    expect(grants('dev', 'workload-analytics-event-router')).toEqual([
      { kind: 'workload', access: 's3-analytics-exports' },
      { kind: 'data-store', store: 'kafka' },
    ]);
    expect(grants('dev', 'workload-search-api')).toBeUndefined();
  });

  it('names the read endpoint in the private zone', () => {
    expect(postgresReadHost(env('staging'))).toBe('postgres-read.internal.staging.skillforge.example');
  });
});

describe('sopsConfig', () => {
  it('points each environment’s encrypted files at that environment’s SOPS key alias', () => {
    expect(sopsConfig([...loadRegistry().values()])).toEqual({
      creation_rules: [
        {
          path_regex: '^environments/secrets/dev/.*\\.sops\\.yaml$',
          kms: 'arn:aws:kms:eu-west-1:111111111111:alias/skillforge-dev-sops',
        },
        {
          path_regex: '^environments/secrets/prod/.*\\.sops\\.yaml$',
          kms: 'arn:aws:kms:eu-west-1:333333333333:alias/skillforge-prod-sops',
        },
        {
          path_regex: '^environments/secrets/staging/.*\\.sops\\.yaml$',
          kms: 'arn:aws:kms:eu-west-1:222222222222:alias/skillforge-staging-sops',
        },
      ],
    });
  });

  it('matches only files of its own environment', () => {
    const [dev] = sopsConfig([env('dev')]).creation_rules;
    const pattern = new RegExp(dev!.path_regex);
    expect(pattern.test('environments/secrets/dev/api.sops.yaml')).toBe(true);
    expect(pattern.test('environments/secrets/prod/api.sops.yaml')).toBe(false);
    expect(pattern.test('environments/secrets/dev/api.yaml')).toBe(false);
  });
});
