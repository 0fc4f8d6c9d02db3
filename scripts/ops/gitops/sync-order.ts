// The one ordering source the operations commands and the bootstrap simulation share: the root application first,
// then the rendered Applications wave by wave, as Argo CD's root application creates and syncs them (sync waves,
// ties by kind and then name: https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/). The waves
// themselves come from charts/argocd/waves.ts through the rendered argocd.argoproj.io/sync-wave annotations.
import type { ArgoApplication, RenderedApplications } from './rendered-tree';

export interface SyncStage {
  readonly wave: number;
  /** By name, the order Argo CD applies objects of one kind within a wave. */
  readonly applications: readonly ArgoApplication[];
}

export function syncStages(apps: RenderedApplications): SyncStage[] {
  const waves = [...new Set(apps.children.map((app) => app.wave))].sort((a, b) => a - b);
  return waves.map((wave) => ({
    wave,
    applications: apps.children
      .filter((app) => app.wave === wave)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  }));
}

/** Every Application in sync order: the root, then each stage's. */
export function syncOrder(apps: RenderedApplications): ArgoApplication[] {
  return [apps.root, ...syncStages(apps).flatMap((stage) => stage.applications)];
}

export const stageName = (wave: number): string => (wave < 0 ? `wave-minus-${-wave}` : `wave-${wave}`);
