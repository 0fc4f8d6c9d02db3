// Everything a procedure needs from the outside world, in one object so tests can replace the clock, the tool
// executor, the cluster client and the HTTP client, and a real run gets the real ones.
import type { EnvConfig } from '../../../environments';
import { deployDir, repoRoot } from '../../cli/paths';
import { connectKube, type KubeActions } from '../kubernetes/client';
import { type Executor, processExecutor } from './exec';
import type { Ticker } from './progress';

export interface OpsDeps {
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** Drives the progress of long waits (default: a real one-second interval). */
  readonly ticker?: Ticker;
  /** Runs aws, helm, argocd and the kubectl argo rollouts plugin. */
  readonly exec: Executor;
  /** Connects to the environment's cluster (loads @kubernetes/client-node on first use). */
  readonly kube: (env: EnvConfig) => Promise<KubeActions>;
  /** Prometheus and Grafana HTTP APIs. */
  readonly fetch: typeof fetch;
  readonly processEnv: NodeJS.ProcessEnv;
  /** The rendered tree (`deploy/`), read for Argo CD applications, autoscalers and dashboards. */
  readonly deployDir: () => string;
  readonly repoRoot: () => string;
  /** The commit the working tree is at (runbook §4.4 annotates dashboards with it). */
  readonly gitHead: () => Promise<string>;
}

export const processDeps: OpsDeps = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  exec: processExecutor,
  kube: connectKube,
  fetch: (input, init) => fetch(input, init),
  processEnv: process.env,
  deployDir,
  repoRoot,
  async gitHead() {
    const result = await processExecutor.run(['git', '-C', repoRoot(), 'rev-parse', 'HEAD']);
    if (result.code !== 0) throw new Error(`git rev-parse HEAD failed: ${result.stderr.trim()}`);
    return result.stdout.trim();
  },
};
