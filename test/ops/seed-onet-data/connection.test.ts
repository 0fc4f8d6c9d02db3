// resolveConnection: --database-url > PG* variables (field by field) > the environment model's endpoint.
import { describe, expect, it } from 'vitest';
import { resolveConnection, type DatabaseEndpoint } from '../../../scripts/ops/seed-onet-data';

const modelEndpoint: DatabaseEndpoint = {
  host: 'skillforge-staging.cluster-abc.eu-west-1.rds.amazonaws.com',
  port: 5432,
  database: 'skillforge',
  user: 'seed_onet_data',
};

const allPgVariables = {
  PGHOST: 'localhost',
  PGPORT: '15432',
  PGDATABASE: 'forwarded',
  PGUSER: 'operator',
  PGPASSWORD: 'from-env',
};

describe('resolveConnection', () => {
  it('uses the model endpoint when neither a URL nor PG* variables are given', () => {
    expect(resolveConnection({ env: { HOME: '/root' }, modelEndpoint })).toEqual({
      source: 'environment-model',
      clientConfig: {
        host: 'skillforge-staging.cluster-abc.eu-west-1.rds.amazonaws.com',
        port: 5432,
        database: 'skillforge',
        user: 'seed_onet_data',
      },
      target: 'seed_onet_data@skillforge-staging.cluster-abc.eu-west-1.rds.amazonaws.com:5432/skillforge',
      endpoint: 'skillforge-staging.cluster-abc.eu-west-1.rds.amazonaws.com:5432',
      connectTimeoutMs: 10_000,
    });
  });

  it('lets every PG* variable override the model', () => {
    expect(resolveConnection({ env: allPgVariables, modelEndpoint })).toEqual({
      source: 'pg-environment',
      clientConfig: {
        host: 'localhost',
        port: 15432,
        database: 'forwarded',
        user: 'operator',
        password: 'from-env',
      },
      target: 'operator@localhost:15432/forwarded',
      endpoint: 'localhost:15432',
      connectTimeoutMs: 10_000,
    });
  });

  it('applies PG* variables field by field, keeping the model for the fields they leave out', () => {
    const resolved = resolveConnection({ env: { PGHOST: 'localhost', PGPORT: '' }, modelEndpoint });

    expect(resolved.source).toBe('pg-environment');
    expect(resolved.clientConfig).toEqual({
      host: 'localhost',
      port: 5432,
      database: 'skillforge',
      user: 'seed_onet_data',
    });
  });

  it('prefers --database-url over PG* variables and the model', () => {
    const resolved = resolveConnection({
      databaseUrl: 'postgresql://admin:s3cret@db.internal:6543/other',
      env: allPgVariables,
      modelEndpoint,
    });

    expect(resolved).toEqual({
      source: 'database-url',
      clientConfig: { connectionString: 'postgresql://admin:s3cret@db.internal:6543/other' },
      target: 'admin@db.internal:6543/other',
      endpoint: 'db.internal:6543',
      connectTimeoutMs: 10_000,
    });
  });

  it('never puts the password in the loggable target', () => {
    const fromUrl = resolveConnection({ databaseUrl: 'postgres://u:hunter2@h/d', env: {}, modelEndpoint });
    const fromEnv = resolveConnection({ env: { PGPASSWORD: 'hunter2' }, modelEndpoint });

    expect(fromUrl.target).toBe('u@h:5432/d');
    expect(fromEnv.target).not.toContain('hunter2');
    expect(fromEnv.source).toBe('pg-environment');
  });

  it('describes a Unix-socket URL by its socket folder', () => {
    const resolved = resolveConnection({
      databaseUrl: 'postgresql://postgres@/skillforge?host=/var/run/postgresql',
      env: {},
      modelEndpoint,
    });

    expect(resolved.target).toBe('postgres@/var/run/postgresql:5432/skillforge');
  });

  it('gives up connecting after PGCONNECT_TIMEOUT seconds, as libpq does', () => {
    const resolved = resolveConnection({ env: { PGCONNECT_TIMEOUT: '3' }, modelEndpoint });
    expect(resolved.connectTimeoutMs).toBe(3_000);
    expect(() => resolveConnection({ env: { PGCONNECT_TIMEOUT: '0.5' }, modelEndpoint })).toThrow(
      'PGCONNECT_TIMEOUT is "0.5"; expected a whole number of seconds, at least 1',
    );
  });

  it('fails when PGPORT is not a port number', () => {
    expect(() => resolveConnection({ env: { PGPORT: '54x2' }, modelEndpoint })).toThrow(
      'PGPORT is "54x2"; expected a port number from 1 to 65535',
    );
    expect(() => resolveConnection({ env: { PGPORT: '70000' }, modelEndpoint })).toThrow(
      'PGPORT is "70000"; expected a port number from 1 to 65535',
    );
  });

  it('fails when --database-url is not a PostgreSQL URL, without echoing it', () => {
    expect(() => resolveConnection({ databaseUrl: 'mysql://u:p@h/d', env: {}, modelEndpoint })).toThrow(
      '--database-url has scheme "mysql:"; expected postgresql://user[:password]@host[:port]/database',
    );
    expect(() => resolveConnection({ databaseUrl: 'not a url p4ss', env: {}, modelEndpoint })).toThrow(
      '--database-url is not a URL (value hidden: it may hold a password); ' +
        'expected postgresql://user[:password]@host[:port]/database',
    );
  });
});
