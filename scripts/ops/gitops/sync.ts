// Triggering and watching Argo CD applications through the Kubernetes API. The Argo CD API server is never exposed
// (nothing renders a route to it), but the Application objects are reachable wherever kubectl is: a sync is
// requested by setting `operation` on the object (what `argocd app sync --core` does) and progress is read from
// its status.
//
// The sync options and retry that take effect are the operation's, not spec.syncPolicy's: Argo CD's controller
// reads `syncOp.SyncOptions` (controller/sync.go, SyncAppState: `if syncOp.SyncOptions.HasOption(
// "CreateNamespace=true")`, WithServerSideApply(syncOp.SyncOptions.HasOption(...))) and retries per
// `operation.retry` (controller/appcontroller.go, processRequestedAppOperation). Automated syncs and
// `argocd app sync` copy spec.syncPolicy.syncOptions and .retry into the operation they create
// (appcontroller.go autoSync; server/application/application.go Sync), so a hand-written operation must too.
import type { EnvConfig } from '../../../environments';
import type { JsonObject } from '../kubernetes/client';
import { kubectl, mergePatchLine, resourceOf } from '../kubernetes/kubectl';
import type { CommandLine } from '../runner/shell';
import { applicationRef } from './auto-sync';
import type { ArgoApplication } from './rendered-tree';

export const OPERATOR = 'skillforge-ops';

/** The sync operation `argocd app sync` would start for the application: its own sync options and retry. */
export function syncOperation(app: ArgoApplication): JsonObject {
  return {
    operation: {
      initiatedBy: { username: OPERATOR },
      sync: {
        syncStrategy: { hook: {} },
        ...(app.syncOptions.length > 0 ? { syncOptions: [...app.syncOptions] } : {}),
      },
      ...(app.retry === undefined ? {} : { retry: { ...app.retry } }),
    },
  };
}

export const syncRequestLine = (env: EnvConfig, app: ArgoApplication): CommandLine =>
  mergePatchLine(env, applicationRef(app), syncOperation(app));

export interface ApplicationState {
  readonly sync: string;
  readonly health: string;
  /** An operation (sync) is still queued or running. */
  readonly operating: boolean;
  /** The last operation's phase (Succeeded, Failed, Error…) and message, once it finished. */
  readonly phase: string | undefined;
  readonly message: string | undefined;
}

export function applicationState(object: JsonObject | undefined): ApplicationState | undefined {
  if (object === undefined) return undefined;
  const status = (object.status ?? {}) as {
    sync?: { status?: string };
    health?: { status?: string };
    operationState?: { phase?: string; message?: string };
  };
  const phase = status.operationState?.phase;
  return {
    sync: status.sync?.status ?? 'Unknown',
    health: status.health?.status ?? 'Unknown',
    operating: object.operation !== undefined || phase === 'Running' || phase === 'Terminating',
    phase,
    message: status.operationState?.message,
  };
}

/** The requested sync finished without success (after its retries): waiting longer cannot help. */
export const syncFailed = (state: ApplicationState | undefined): boolean =>
  state !== undefined && !state.operating && (state.phase === 'Failed' || state.phase === 'Error');

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
