// The throwaway PostgreSQL harness (test/support/postgres.ts) that the seed tests, and later others, rely on.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locatePostgresBinaries, startPostgres } from '../../support/postgres';

describe('locatePostgresBinaries', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pg-bin-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function fakeBinDir(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const name of ['initdb', 'postgres']) {
      await writeFile(path.join(dir, name), '#!/bin/sh\n');
      await chmod(path.join(dir, name), 0o755);
    }
  }

  it('fails with the package to install when no folder holds initdb and postgres', () => {
    expect(() => locatePostgresBinaries({ PATH: path.join(root, 'empty') }, path.join(root, 'lib'))).toThrow(
      `PostgreSQL server binaries (initdb, postgres) not found in PG_BIN_DIR, PATH or ${root}/lib/<version>/bin; ` +
        'install them with `apt-get install postgresql` (Debian/Ubuntu), or set PG_BIN_DIR to the folder that holds initdb',
    );
  });

  it("picks the newest of Debian's versioned folders when PATH has none", async () => {
    await fakeBinDir(path.join(root, 'lib', '13', 'bin'));
    await fakeBinDir(path.join(root, 'lib', '15', 'bin'));

    expect(locatePostgresBinaries({ PATH: '' }, path.join(root, 'lib'))).toBe(
      path.join(root, 'lib', '15', 'bin'),
    );
  });

  it('prefers PG_BIN_DIR, then PATH', async () => {
    await fakeBinDir(path.join(root, 'on-path'));
    await fakeBinDir(path.join(root, 'lib', '15', 'bin'));

    expect(locatePostgresBinaries({ PATH: path.join(root, 'on-path') }, path.join(root, 'lib'))).toBe(
      path.join(root, 'on-path'),
    );
    expect(locatePostgresBinaries({ PG_BIN_DIR: '/opt/pg/bin', PATH: path.join(root, 'on-path') })).toBe(
      '/opt/pg/bin',
    );
  });
});

describe('startPostgres', () => {
  it('fails fast when the given folder has no server binaries', async () => {
    await expect(startPostgres({ binDir: '/nonexistent/bin' })).rejects.toThrow(
      'no executable initdb and postgres in /nonexistent/bin; install them with `apt-get install postgresql` ' +
        '(Debian/Ubuntu), or fix PG_BIN_DIR',
    );
  });

  it('serves loopback TCP and a socket in its own folder, creates databases, and removes everything on stop', async () => {
    const server = await startPostgres();
    const serverFolder = path.dirname(server.socketDir);
    try {
      const viaSocket = `postgresql://postgres@/postgres?host=${server.socketDir}&port=${server.port}`;
      for (const connectionString of [server.connectionString, viaSocket]) {
        const client = new Client({ connectionString });
        await client.connect();
        const result = await client.query<{ answer: number }>('SELECT 42 AS answer');
        await client.end();
        expect(result.rows).toEqual([{ answer: 42 }]);
      }
      const databaseUrl = await server.createDatabase('harness_check');
      expect(databaseUrl).toBe(`postgresql://postgres@127.0.0.1:${server.port}/harness_check`);
      expect(existsSync(serverFolder)).toBe(true);
    } finally {
      await server.stop();
    }

    expect(existsSync(serverFolder)).toBe(false);
    const afterStop = new Client({ connectionString: server.connectionString });
    afterStop.on('error', () => undefined);
    await expect(afterStop.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
