// Pausing and resuming Argo CD's automated sync around a hand-made change (a playbook's replica floor, a Rollouts
// undo). With self-heal on, Argo CD would put the rendered value back within minutes; and because the root
// application owns every child Application object, a child's sync policy only stays changed while the root does
// not self-heal either. Resuming restores exactly the policy the rendered files declare.
import type { ObjectRef } from '../kubernetes/client';
import type { Patch } from '../kubernetes/steps';
import type { ArgoApplication, RenderedApplications } from './rendered-tree';

export const applicationRef = (app: ArgoApplication): ObjectRef => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  namespace: app.namespace,
  name: app.name,
});

/** Root first (so it stops restoring the child), then the application; empty when neither syncs automatically. */
export function pauseAutoSync(apps: RenderedApplications, app: ArgoApplication): Patch[] {
  return chain(apps, app).map((target) => ({
    ref: applicationRef(target),
    patch: { spec: { syncPolicy: { automated: null } } },
  }));
}

/** The reverse order of pauseAutoSync, with the rendered prune/selfHeal settings. */
export function resumeAutoSync(apps: RenderedApplications, app: ArgoApplication): Patch[] {
  return chain(apps, app)
    .reverse()
    .map((target) => ({
      ref: applicationRef(target),
      patch: { spec: { syncPolicy: { automated: { ...target.automated } } } },
    }));
}

function chain(apps: RenderedApplications, app: ArgoApplication): ArgoApplication[] {
  if (app.automated === undefined) return [];
  return apps.root.automated?.selfHeal === true ? [apps.root, app] : [app];
}
