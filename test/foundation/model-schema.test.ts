// Schema validation at the edge: unknown keys, wrong types and bad formats name the environment, the field,
// the value and what is allowed.
import { describe, expect, it } from 'vitest';
import {
  type EnvironmentLayer,
  environmentRegistry,
  loadEnvironment,
  loadRegistry,
} from '../../environments';
import { loadErrorOf, registryWith } from './support';

describe('environment schema', () => {
  it('loads dev, staging and prod', () => {
    expect([...loadRegistry().keys()]).toEqual(['dev', 'staging', 'prod']);
  });

  it('freezes the loaded model so no renderer can change it for the next one', () => {
    const prod = loadEnvironment('prod');
    expect(Object.isFrozen(prod.services['search-api']!.replicas)).toBe(true);
  });

  it('fails when an environment file has an unknown key, listing the allowed keys', () => {
    const registry = registryWith('prod', {
      postgres: { backupRetentionDay: 14 },
    } as unknown as EnvironmentLayer);
    expect(loadErrorOf(registry)).toMatch(
      /^environment "prod": postgres\.backupRetentionDay: got 14; expected no such key; allowed keys: engineVersion, instanceClass, .*backupRetentionDays/,
    );
  });

  it('fails when a value has the wrong type', () => {
    const registry = registryWith('dev', {
      postgres: { allocatedStorageGb: '20' },
    } as unknown as EnvironmentLayer);
    expect(loadErrorOf(registry)).toBe(
      'environment "dev": postgres.allocatedStorageGb: got "20"; expected number, received string',
    );
  });

  it('fails when an enum value is not one of the choices', () => {
    const registry = registryWith('dev', { redis: { mode: 'serverless' } } as unknown as EnvironmentLayer);
    expect(loadErrorOf(registry)).toBe(
      'environment "dev": redis.mode: got "serverless"; expected one of "managed"|"in-cluster"',
    );
  });

  it('fails when a cron schedule does not parse', () => {
    const registry = registryWith('staging', { jobs: { 'onet-refresh': { schedule: '0 25 * * *' } } });
    expect(loadErrorOf(registry)).toBe(
      'environment "staging": jobs.onet-refresh.schedule: got "0 25 * * *"; expected a 5-field cron expression: hour "25" is outside 0-23',
    );
  });

  it('fails when an image is pinned to latest', () => {
    const registry = registryWith('dev', { releases: { web: { tag: 'latest' } } });
    expect(loadErrorOf(registry)).toBe(
      'environment "dev": releases.web.tag: got "latest"; the tag "latest" is not allowed: pin a version',
    );
  });

  it('fails when a required per-environment value is missing', () => {
    const { releases: _omitted, ...withoutReleases } = environmentRegistry.dev;
    expect(loadErrorOf({ ...environmentRegistry, dev: withoutReleases })).toBe(
      'environment "dev": releases: got nothing; expected record, received undefined',
    );
  });

  it('fails when an environment file names another environment than its registry key', () => {
    expect(loadErrorOf({ ...environmentRegistry, qa: environmentRegistry.dev })).toBe(
      'environment "qa": name: got "dev"; expected "qa" (the registry key)',
    );
  });

  it('fails when asked for an environment that is not registered', () => {
    expect(() => loadEnvironment('qa')).toThrow(
      'environment "qa": (root): got "qa"; expected one of: dev, staging, prod',
    );
  });
});
