// Decides where the seed connects. Pure: the CLI passes in the flag, the process environment and the endpoint the
// environment model declares, so the precedence can be tested without a database.
import type { ClientConfig } from 'pg';

/** The database endpoint an environment declares in the model (no password: that never lives in the model). */
export interface DatabaseEndpoint {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

export type ConnectionSource = 'database-url' | 'pg-environment' | 'environment-model';

export interface ResolvedConnection {
  /** Which input decided the connection; `pg-environment` when any PG* variable was used. */
  readonly source: ConnectionSource;
  /** Handed to `new pg.Client(...)`. Carries the password, so never log it. */
  readonly clientConfig: Readonly<ClientConfig>;
  /** `user@host:port/database`, safe to log and to show in a report. */
  readonly target: string;
  /** `host:port`, named when the server cannot be reached. */
  readonly endpoint: string;
  /** How long connecting may take before it is given up (PGCONNECT_TIMEOUT seconds, as libpq reads it; default 10). */
  readonly connectTimeoutMs: number;
}

/** An unreachable host should fail in seconds, not after the operating system's TCP timeout. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

export interface ResolveConnectionInput {
  /** `--database-url`; wins over everything else. */
  readonly databaseUrl?: string;
  /** Usually `process.env`; only PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD are read. */
  readonly env: NodeJS.ProcessEnv;
  readonly modelEndpoint: DatabaseEndpoint;
}

/**
 * Precedence: `--database-url` > PG* variables > the environment's endpoint from the model. PG* variables apply
 * field by field, the way libpq reads them, so `PGHOST=localhost` alone redirects a port-forwarded run while the
 * model still supplies the database and user.
 */
export function resolveConnection(input: ResolveConnectionInput): ResolvedConnection {
  const connectTimeoutMs = connectTimeout(input.env) * 1000;
  if (input.databaseUrl !== undefined) {
    return { ...fromDatabaseUrl(input.databaseUrl), connectTimeoutMs };
  }
  const env = input.env;
  const model = input.modelEndpoint;
  const host = nonEmpty(env.PGHOST) ?? model.host;
  const port = env.PGPORT === undefined || env.PGPORT === '' ? model.port : parsePort('PGPORT', env.PGPORT);
  const database = nonEmpty(env.PGDATABASE) ?? model.database;
  const user = nonEmpty(env.PGUSER) ?? model.user;
  const password = nonEmpty(env.PGPASSWORD);
  const usedPgVariable = ['PGHOST', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGPASSWORD'].some(
    (name) => nonEmpty(env[name]) !== undefined,
  );
  return {
    source: usedPgVariable ? 'pg-environment' : 'environment-model',
    clientConfig: { host, port, database, user, ...(password === undefined ? {} : { password }) },
    target: `${user}@${host}:${port}/${database}`,
    endpoint: `${host}:${port}`,
    connectTimeoutMs,
  };
}

function connectTimeout(env: NodeJS.ProcessEnv): number {
  const given = nonEmpty(env.PGCONNECT_TIMEOUT);
  if (given === undefined) return DEFAULT_CONNECT_TIMEOUT_SECONDS;
  if (!/^[1-9]\d*$/.test(given)) {
    throw new Error(`PGCONNECT_TIMEOUT is "${given}"; expected a whole number of seconds, at least 1`);
  }
  return Number(given);
}

function fromDatabaseUrl(databaseUrl: string): Omit<ResolvedConnection, 'connectTimeoutMs'> {
  const url = parseUrl(databaseUrl);
  if (url === undefined) {
    throw new Error(
      '--database-url is not a URL (value hidden: it may hold a password); ' +
        'expected postgresql://user[:password]@host[:port]/database',
    );
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(
      `--database-url has scheme "${url.protocol}"; expected postgresql://user[:password]@host[:port]/database`,
    );
  }
  const { user, host, port, database } = describeUrl(url);
  return {
    source: 'database-url',
    clientConfig: { connectionString: databaseUrl },
    target: `${user}@${host}:${port}/${database}`,
    endpoint: `${host}:${port}`,
  };
}

// Socket URLs such as postgresql://user@/db?host=/run/postgresql have credentials but no host, which the WHATWG
// parser refuses; pg accepts them, so parse them with a placeholder host that describeUrl then ignores.
const SOCKET_HOST_PLACEHOLDER = 'socket-host.invalid';

function parseUrl(databaseUrl: string): URL | undefined {
  for (const candidate of [databaseUrl, databaseUrl.replace('@/', `@${SOCKET_HOST_PLACEHOLDER}/`)]) {
    try {
      return new URL(candidate);
    } catch {
      // try the next form
    }
  }
  return undefined;
}

// The URL is passed to pg untouched (it understands sslmode, socket hosts, …); only the log-safe description is
// derived here, reading the same query parameters pg lets override the URL's parts.
function describeUrl(url: URL): { user: string; host: string; port: string; database: string } {
  const query = url.searchParams;
  const hostname = url.hostname === SOCKET_HOST_PLACEHOLDER ? '' : decodeURIComponent(url.hostname);
  return {
    user: query.get('user') ?? (decodeURIComponent(url.username) || '(default user)'),
    host: query.get('host') ?? (hostname || '(default host)'),
    port: query.get('port') ?? (url.port || '5432'),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)',
  };
}

function parsePort(variable: string, value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${variable} is "${value}"; expected a port number from 1 to 65535`);
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
