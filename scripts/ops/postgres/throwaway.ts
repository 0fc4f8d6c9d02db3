// A throwaway PostgreSQL server: initdb into a temporary folder, listen on a free loopback port (and a Unix
// socket inside that folder), trust authentication, stopped and deleted afterwards. The tests start one per test
// file in `beforeAll` (test/support/postgres.ts re-exports this) and `npm run bench` starts one to time the seed;
// each gets its own database with `createDatabase`, which costs milliseconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runProcess, type ProcessIdentity } from './process';

export interface PostgresServer {
  readonly port: number;
  /** Folder holding the server's Unix socket (`host=<socketDir>` in a connection string). */
  readonly socketDir: string;
  /** Superuser `postgres` on the `postgres` database, over loopback TCP. */
  readonly connectionString: string;
  connectionStringFor(database: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Folder with initdb and postgres. Default: PG_BIN_DIR, else PATH, else the newest /usr/lib/postgresql/N/bin. */
  readonly binDir?: string;
  /** Default 30 s: initdb plus start-up takes about a second on the CI machine. */
  readonly startTimeoutMs?: number;
}

const SUPERUSER = 'postgres';
const DEBIAN_INSTALL_HINT = 'install them with `apt-get install postgresql` (Debian/Ubuntu)';

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const binDir = options.binDir ?? locatePostgresBinaries(process.env);
  assertBinaries(binDir);
  const identity = serverIdentity();
  const rootDir = await mkdtemp(path.join(os.tmpdir(), 'pg-test-'));
  try {
    const dataDir = path.join(rootDir, 'data');
    const socketDir = path.join(rootDir, 'socket');
    await mkdir(socketDir);
    if (identity !== undefined) {
      await chown(rootDir, identity.uid, identity.gid);
      await chown(socketDir, identity.uid, identity.gid);
    }
    // Trust is safe here: the server listens on 127.0.0.1 and a socket in a private folder, and lives for one file.
    await runProcess(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { identity, cwd: rootDir },
    );
    const { child, port } = await startServer(
      binDir,
      dataDir,
      socketDir,
      identity,
      options.startTimeoutMs ?? 30_000,
    );
    return runningServer(child, port, socketDir, rootDir);
  } catch (error) {
    await rm(rootDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Finds the folder holding initdb and postgres, or fails with what to install. Debian keeps them out of PATH, in
 * /usr/lib/postgresql/<major>/bin, so that folder is searched too.
 */
export function locatePostgresBinaries(
  env: NodeJS.ProcessEnv,
  versionedRoot: string = '/usr/lib/postgresql',
): string {
  if (env.PG_BIN_DIR !== undefined && env.PG_BIN_DIR !== '') {
    return env.PG_BIN_DIR;
  }
  const pathDirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const versionedDirs = listMajorVersions(versionedRoot).map((major) =>
    path.join(versionedRoot, major, 'bin'),
  );
  const found = [...pathDirs, ...versionedDirs].find(hasServerBinaries);
  if (found === undefined) {
    throw new Error(
      `PostgreSQL server binaries (initdb, postgres) not found in PG_BIN_DIR, PATH or ${versionedRoot}/<version>/bin; ` +
        `${DEBIAN_INSTALL_HINT}, or set PG_BIN_DIR to the folder that holds initdb`,
    );
  }
  return found;
}

function assertBinaries(binDir: string): void {
  if (!hasServerBinaries(binDir)) {
    throw new Error(
      `no executable initdb and postgres in ${binDir}; ${DEBIAN_INSTALL_HINT}, or fix PG_BIN_DIR`,
    );
  }
}

function hasServerBinaries(dir: string): boolean {
  return ['initdb', 'postgres'].every((name) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function listMajorVersions(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((left, right) => Number(right) - Number(left));
  } catch {
    return [];
  }
}

// initdb and postgres refuse to run as root; as root, run them as the `postgres` user the Debian package creates.
function serverIdentity(): ProcessIdentity | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === SUPERUSER);
  if (entry === undefined) {
    throw new Error(
      `running as root, and initdb refuses root: create the "${SUPERUSER}" user (${DEBIAN_INSTALL_HINT}) or run the tests as another user`,
    );
  }
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

async function startServer(
  binDir: string,
  dataDir: string,
  socketDir: string,
  identity: ProcessIdentity | undefined,
  timeoutMs: number,
): Promise<{ child: ChildProcess; port: number }> {
  // The free port is found then released, so another process can take it first: retry on a new one.
  const attempts = 3;
  for (let attempt = 1; ; attempt += 1) {
    const port = await findFreePort();
    const child = spawn(
      path.join(binDir, 'postgres'),
      [
        ...['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1'],
        // Durability is pointless for a database deleted after the test file; these make it several times faster.
        ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: socketDir, ...(identity ?? {}) },
    );
    const log = captureOutput(child);
    try {
      await waitUntilAccepting(child, port, log, timeoutMs);
      return { child, port };
    } catch (error) {
      await stopChild(child);
      if (attempt >= attempts || !log.text().includes('Address already in use')) {
        throw error;
      }
    }
  }
}

async function waitUntilAccepting(
  child: ChildProcess,
  port: number,
  log: { text(): string },
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`postgres exited during start-up (code ${child.exitCode}):\n${log.text()}`);
    }
    const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(
    `postgres did not accept connections on port ${port} within ${timeoutMs} ms:\n${log.text()}`,
  );
}

function runningServer(
  child: ChildProcess,
  port: number,
  socketDir: string,
  rootDir: string,
): PostgresServer {
  const connectionStringFor = (database: string): string =>
    `postgresql://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  // If the test process exits without teardown (a crash, a killed worker), take the server and its files along.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
    rmSync(rootDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  let stopped: Promise<void> | undefined;
  return {
    port,
    socketDir,
    connectionString: connectionStringFor('postgres'),
    connectionStringFor,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
        throw new Error(`database name "${name}" must be lowercase letters, digits and underscores`);
      }
      const admin = new Client({ connectionString: connectionStringFor('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return connectionStringFor(name);
    },
    stop(): Promise<void> {
      stopped ??= (async () => {
        process.removeListener('exit', killOnExit);
        await stopChild(child);
        await rm(rootDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

// SIGINT is PostgreSQL's fast shutdown (disconnect clients, no checkpoint wait); SIGKILL if it hangs.
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function captureOutput(child: ChildProcess): { text(): string } {
  let output = '';
  const append = (chunk: Buffer): void => {
    // Keep the tail: the lines that explain a failed start are the last ones.
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { text: () => output };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
