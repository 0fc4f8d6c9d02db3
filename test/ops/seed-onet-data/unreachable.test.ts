// A database that cannot be reached: the seed says which host and port, never claims a rollback it did not need,
// and gives up on a server that never answers after PGCONNECT_TIMEOUT seconds instead of hanging.
import { spawnSync } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConnection, seedOnetData } from '../../../scripts/ops/seed-onet-data';
import { REPOSITORY_ROOT } from '../support/ops-harness';
import { RecordingLogger } from './fixtures';

/** Accepts TCP connections and never says a word: what a hung server or a wrong port behind a proxy looks like. */
let silent: Server;
let silentPort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await new Promise((resolve) => silent.close(resolve));
});

const modelEndpoint = { host: 'unused.invalid', port: 5432, database: 'unused', user: 'unused' };

describe('seedOnetData against an unreachable database', () => {
  it('fails when the server never answers, after PGCONNECT_TIMEOUT, naming host and port', async () => {
    const logger = new RecordingLogger();
    const connection = resolveConnection({
      databaseUrl: `postgresql://seed@127.0.0.1:${silentPort}/skillforge`,
      env: { PGCONNECT_TIMEOUT: '1' },
      modelEndpoint,
    });
    const started = Date.now();
    await expect(seedOnetData({ connection, logger })).rejects.toThrow(
      `no answer from 127.0.0.1:${silentPort} within 1 s (PGCONNECT_TIMEOUT): check the host, the port and that the network path is open`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logger.events.find((logged) => logged.event === 'seed.failed')?.fields).toMatchObject({
      outcome: 'never connected: nothing was changed',
    });
  });

  it('fails when the connection is refused, without claiming a rollback', async () => {
    const logger = new RecordingLogger();
    // Port 1 (tcpmux) has no listener on a loopback test machine, so the connection is refused at once.
    const connection = resolveConnection({
      databaseUrl: 'postgresql://seed@127.0.0.1:1/skillforge',
      env: {},
      modelEndpoint,
    });
    await expect(seedOnetData({ connection, logger })).rejects.toThrow(
      'cannot connect to 127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1',
    );
    const failed = logger.events.filter((logged) => logged.event === 'seed.failed');
    expect(failed.map((logged) => logged.fields.outcome)).toEqual(['never connected: nothing was changed']);
  });

  it('says the same through the CLI, where the step fails with one line', () => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
    const result = spawnSync(
      process.execPath,
      [
        path.join(REPOSITORY_ROOT, 'scripts/bin/skillforge.cjs'),
        'seed-onet-data',
        '--env',
        'dev',
        '--database-url',
        `postgresql://seed@127.0.0.1:${silentPort}/skillforge`,
      ],
      { cwd: REPOSITORY_ROOT, env: { ...clean, PGCONNECT_TIMEOUT: '1' }, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `seed-onet-data: step seed failed: no answer from 127.0.0.1:${silentPort} within 1 s (PGCONNECT_TIMEOUT): check the host, the port and that the network path is open\n`,
    );
    expect(result.stderr).not.toContain('rolled back');
  });
});
