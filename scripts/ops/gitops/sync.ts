// Triggering and watching Argo CD applications through the Kubernetes API. Before the ingress exists (bootstrap)
// the Argo CD API server is not reachable, but the Application objects are: a sync is requested by setting
// `operation` on the object (what `argocd app sync --core` does) and progress is read from its status.
import type { EnvConfig } from '../../../environments';
import type { JsonObject } from '../kubernetes/client';
import { kubectl, mergePatchLine, resourceOf } from '../kubernetes/kubectl';
import type { CommandLine } from '../runner/shell';
import { applicationRef } from './auto-sync';
import type { ArgoApplication } from './rendered-tree';

export const SYNC_OPERATION: JsonObject = {
  operation: { initiatedBy: { username: 'skillforge-ops' }, sync: { syncStrategy: { hook: {} } } },
};

export const syncRequestLine = (env: EnvConfig, app: ArgoApplication): CommandLine =>
  mergePatchLine(env, applicationRef(app), SYNC_OPERATION);

export interface ApplicationState {
  readonly sync: string;
  readonly health: string;
  /** An operation (sync) is still queued or running. */
  readonly operating: boolean;
}

export function applicationState(object: JsonObject | undefined): ApplicationState | undefined {
  if (object === undefined) return undefined;
  const status = (object.status ?? {}) as {
    sync?: { status?: string };
    health?: { status?: string };
    operationState?: { phase?: string };
  };
  const phase = status.operationState?.phase;
  return {
    sync: status.sync?.status ?? 'Unknown',
    health: status.health?.status ?? 'Unknown',
    operating: object.operation !== undefined || phase === 'Running' || phase === 'Terminating',
  };
}

export const isReady = (state: ApplicationState | undefined): boolean =>
  state !== undefined && !state.operating && state.sync === 'Synced' && state.health === 'Healthy';

/** kubectl wait lines for a group of applications: created, then Synced, then Healthy. */
export function waitLines(
  env: EnvConfig,
  apps: readonly ArgoApplication[],
  timeoutSeconds: number,
): CommandLine[] {
  const namespace = apps[0]?.namespace;
  const refs = apps.map((app) => `${resourceOf('Application')}/${app.name}`);
  return [
    '--for=create',
    '--for=jsonpath={.status.sync.status}=Synced',
    '--for=jsonpath={.status.health.status}=Healthy',
  ].map((condition) => kubectl(env, namespace, 'wait', condition, `--timeout=${timeoutSeconds}s`, ...refs));
}
