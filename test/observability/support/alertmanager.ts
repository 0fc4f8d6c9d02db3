// A real Alertmanager on a free local port, for inhibition tests: inhibition is computed by Alertmanager itself,
// which amtool cannot show.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ALERTMANAGER, requireTool } from './binaries';

export interface RunningAlertmanager {
  readonly url: string;
  /** Stops the process this helper started and waits for it to exit. */
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export async function startAlertmanager(root: string, config: string): Promise<RunningAlertmanager> {
  requireTool(ALERTMANAGER);
  mkdirSync(join(root, 'data'), { recursive: true });
  writeFileSync(join(root, 'alertmanager.yaml'), config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    ALERTMANAGER.binary,
    [
      `--config.file=${join(root, 'alertmanager.yaml')}`,
      `--storage.path=${join(root, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip: a single instance, nothing listening beyond the web port.
      '--cluster.listen-address=',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Alertmanager did not become ready on ${url} (exit code ${String(child.exitCode)})`);
}

export interface AlertStatus {
  readonly labels: Record<string, string>;
  readonly status: { readonly state: string; readonly inhibitedBy: readonly string[] };
}

export async function postAlerts(url: string, alerts: readonly Record<string, string>[]): Promise<void> {
  const response = await fetch(`${url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(alerts.map((labels) => ({ labels }))),
  });
  if (!response.ok) throw new Error(`POST /api/v2/alerts: ${response.status} ${await response.text()}`);
}

export async function alertStatuses(url: string): Promise<AlertStatus[]> {
  const response = await fetch(`${url}/api/v2/alerts`);
  return (await response.json()) as AlertStatus[];
}
