// The Secrets Manager rotation function of the PostgreSQL application secret (runbook §3.2), deployed by Terraform
// as an AWS Lambda function (postgres-rotation.ts bundles this file with `pg`). It implements Secrets Manager's
// four-step rotation protocol with alternating users ("Rotation by Lambda function", steps createSecret, setSecret,
// testSecret, finishSecret: https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html;
// "alternating users strategy": https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotation-strategy.html):
// the pending version names the other of two users (<name> / <name>_clone), the RDS-managed master secret changes
// that user's password, so connections of the current user are never broken by a rotation.
import { randomBytes } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/** The application secret's value (what External Secrets delivers to the workloads). */
export interface AppSecretValue {
  readonly engine?: string;
  readonly host: string;
  readonly port: number;
  readonly dbname: string;
  readonly username: string;
  readonly password: string;
  /** ARN of the RDS-managed master secret ({username, password}) used to change the inactive user. */
  readonly masterarn: string;
}

/** The Secrets Manager calls the function makes (AWS SDK v3 shapes, trimmed to what is read). */
export interface SecretsApi {
  describeSecret(
    id: string,
  ): Promise<{ RotationEnabled?: boolean; VersionIdsToStages?: Record<string, string[]> }>;
  getSecretValue(id: string, stage?: string, versionId?: string): Promise<{ SecretString?: string }>;
  putSecretValue(id: string, token: string, value: string, stages: string[]): Promise<void>;
  updateSecretVersionStage(id: string, stage: string, moveTo: string, removeFrom?: string): Promise<void>;
}

export interface RotationEvent {
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
}

export interface RotationDeps {
  readonly secrets: SecretsApi;
  /** TLS settings for PostgreSQL connections (RDS enforces TLS: rds.force_ssl = 1). */
  readonly ssl: ClientConfig['ssl'];
  /** Default: 32 random URL-safe characters. */
  readonly newPassword?: () => string;
}

const CLONE_SUFFIX = '_clone';

export async function rotate(event: RotationEvent, deps: RotationDeps): Promise<void> {
  const { SecretId: id, ClientRequestToken: token } = event;
  const described = await deps.secrets.describeSecret(id);
  if (!described.RotationEnabled) throw new Error(`secret ${id} is not enabled for rotation`);
  const stages = described.VersionIdsToStages?.[token];
  if (!stages) throw new Error(`secret version ${token} has no stage for rotation of ${id}`);
  if (stages.includes('AWSCURRENT')) return;
  if (!stages.includes('AWSPENDING')) throw new Error(`secret version ${token} is not AWSPENDING for ${id}`);
  switch (event.Step) {
    case 'createSecret':
      return createSecret(id, token, deps);
    case 'setSecret':
      return setSecret(id, token, deps);
    case 'testSecret':
      return testSecret(id, token, deps);
    case 'finishSecret':
      return finishSecret(id, token, deps, described.VersionIdsToStages ?? {});
  }
}

const parse = (text: string | undefined, what: string): AppSecretValue => {
  if (!text) throw new Error(`${what} has no value`);
  return JSON.parse(text) as AppSecretValue;
};

/** The other of the two alternating users. */
export const alternateUser = (username: string): string =>
  username.endsWith(CLONE_SUFFIX) ? username.slice(0, -CLONE_SUFFIX.length) : `${username}${CLONE_SUFFIX}`;

const defaultPassword = (): string => randomBytes(24).toString('base64url');

async function createSecret(id: string, token: string, deps: RotationDeps): Promise<void> {
  const current = parse((await deps.secrets.getSecretValue(id, 'AWSCURRENT')).SecretString, 'AWSCURRENT');
  try {
    await deps.secrets.getSecretValue(id, 'AWSPENDING', token);
    return;
  } catch {
    // No pending value yet: create it.
  }
  const pending: AppSecretValue = {
    ...current,
    username: alternateUser(current.username),
    password: (deps.newPassword ?? defaultPassword)(),
  };
  await deps.secrets.putSecretValue(id, token, JSON.stringify(pending), ['AWSPENDING']);
}

async function setSecret(id: string, token: string, deps: RotationDeps): Promise<void> {
  const current = parse((await deps.secrets.getSecretValue(id, 'AWSCURRENT')).SecretString, 'AWSCURRENT');
  const pending = parse(
    (await deps.secrets.getSecretValue(id, 'AWSPENDING', token)).SecretString,
    'AWSPENDING',
  );
  const master = JSON.parse((await deps.secrets.getSecretValue(pending.masterarn)).SecretString ?? '{}') as {
    username: string;
    password: string;
  };
  const client = new Client({
    ...connection(pending, deps),
    user: master.username,
    password: master.password,
  });
  await client.connect();
  try {
    const user = quoteIdent(pending.username);
    const password = quoteLiteral(pending.password);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [pending.username]);
    if (exists.rowCount === 0) {
      // The clone inherits what the current user may do by membership, so grants are kept in one place.
      await client.query(`CREATE ROLE ${user} WITH LOGIN PASSWORD ${password}`);
      await client.query(`GRANT ${quoteIdent(current.username)} TO ${user}`);
    } else {
      await client.query(`ALTER ROLE ${user} WITH LOGIN PASSWORD ${password}`);
    }
  } finally {
    await client.end();
  }
}

async function testSecret(id: string, token: string, deps: RotationDeps): Promise<void> {
  const pending = parse(
    (await deps.secrets.getSecretValue(id, 'AWSPENDING', token)).SecretString,
    'AWSPENDING',
  );
  const client = new Client({
    ...connection(pending, deps),
    user: pending.username,
    password: pending.password,
  });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

async function finishSecret(
  id: string,
  token: string,
  deps: RotationDeps,
  versions: Record<string, string[]>,
): Promise<void> {
  const current = Object.entries(versions).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
  if (current === token) return;
  await deps.secrets.updateSecretVersionStage(id, 'AWSCURRENT', token, current);
}

function connection(secret: AppSecretValue, deps: RotationDeps): ClientConfig {
  return {
    host: secret.host,
    port: secret.port,
    database: secret.dbname,
    ssl: deps.ssl,
    connectionTimeoutMillis: 5000,
  };
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;
