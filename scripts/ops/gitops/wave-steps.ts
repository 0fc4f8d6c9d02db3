// One step per sync wave, shared by bootstrap-cluster and deploy-app: request the wave's syncs (each with the sync
// options and retry its Application declares, see sync.ts), then wait until every Application of the wave is
// synced, healthy and done operating before the next wave starts, as Argo CD's root application would.
import type { EnvConfig } from '../../../environments';
import type { Step, StepContext } from '../runner/procedure';
import { applicationRef } from './auto-sync';
import type { ArgoApplication } from './rendered-tree';
import { type SyncStage, stageName } from './sync-order';
import { applicationState, isReady, syncFailed, syncOperation, syncRequestLine, waitLines } from './sync';

/** A step requesting one application's sync (the root's, before the waves). */
export function syncStep(env: EnvConfig, name: string, app: ArgoApplication): Step {
  return {
    name,
    changes: true,
    lines: [syncRequestLine(env, app)],
    async run(ctx) {
      await (await ctx.kube()).mergePatch(applicationRef(app), syncOperation(app));
      ctx.log('argocd.sync_requested', { application: app.name });
    },
  };
}

/**
 * `requested`: the applications of the stage whose sync this step requests (the others sync themselves); each
 * request is made once the Application exists.
 */
export function waveStep(
  env: EnvConfig,
  stage: SyncStage,
  requested: readonly ArgoApplication[],
  timeoutSeconds: number,
): Step {
  const [created, ...rest] = waitLines(env, stage.applications, timeoutSeconds);
  return {
    name: stageName(stage.wave),
    changes: requested.length > 0,
    lines: [created!, ...requested.map((app) => syncRequestLine(env, app)), ...rest],
    run: (ctx) => watchWave(ctx, stage, requested, timeoutSeconds),
  };
}

async function watchWave(
  ctx: StepContext,
  stage: SyncStage,
  manual: readonly ArgoApplication[],
  timeoutSeconds: number,
): Promise<void> {
  const { wave, applications: apps } = stage;
  const kube = await ctx.kube();
  const requested = new Set<string>();
  let last = '';
  await ctx.waitFor(
    `sync wave ${wave} (${apps.map((app) => app.name).join(', ')}) to be synced and healthy`,
    async () => {
      const states = await Promise.all(
        apps.map(async (app) => ({ app, state: applicationState(await kube.read(applicationRef(app))) })),
      );
      // An application synced before this poll's request still shows its previous result: it counts once the
      // controller has taken the new operation (the next polls).
      const earlier = new Set(requested);
      for (const { app, state } of states) {
        if (state !== undefined && manual.includes(app) && !requested.has(app.name)) {
          await kube.mergePatch(applicationRef(app), syncOperation(app));
          requested.add(app.name);
          ctx.log('argocd.sync_requested', { application: app.name, wave });
        }
      }
      const failed = states.find(({ app, state }) => earlier.has(app.name) && syncFailed(state));
      if (failed !== undefined) {
        throw new Error(
          `sync of ${failed.app.name} ${failed.state?.phase}: ${failed.state?.message ?? 'no message'}`,
        );
      }
      const ready = states.filter(
        ({ app, state }) => isReady(state) && (!manual.includes(app) || earlier.has(app.name)),
      ).length;
      const pending = states
        .filter(({ state }) => !isReady(state))
        .map(
          ({ app, state }) =>
            `${app.name}: ${state === undefined ? 'not created' : `${state.sync}/${state.health}`}`,
        );
      const progress = `wave ${wave}: ${ready}/${apps.length} synced and healthy${pending.length > 0 ? `; waiting for ${pending.join(', ')}` : ''}`;
      // Report changes only: a wave can take many polls.
      if (progress !== last) {
        ctx.log('argocd.wave_progress', { wave, ready, total: apps.length, pending });
        ctx.print(progress);
        last = progress;
      }
      return ready === apps.length ? true : undefined;
    },
    timeoutSeconds * 1000,
    10_000,
  );
}
