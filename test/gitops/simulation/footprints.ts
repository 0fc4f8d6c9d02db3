// What each pinned chart (and the Gateway API's CRD bundle) renders with our values, reduced to what Argo CD's
// checks need: the namespaces it writes to, its cluster-scoped kinds, the CRDs it brings, the custom resources it
// creates, and the fields its controllers rewrite afterwards. One row per chart version, each citing the templates
// it was read from (the repository's own path at that version). A chart pinned at a version without a row fails
// the simulation: read that version's templates and add one.
import type { Footprint, Values } from './footprint-helpers';
import { OBSERVABILITY_ROWS } from './footprints-observability';
import { PLATFORM_ROWS } from './footprints-platform';

const ROWS = { ...PLATFORM_ROWS, ...OBSERVABILITY_ROWS };

export const FOOTPRINT_ROWS = Object.keys(ROWS).length;

/** The chart's footprint with our values, or an error naming the missing row. */
export function chartFootprint(chart: string, version: string, values: Values, namespace: string): Footprint {
  const row = ROWS[`${chart}@${version}`];
  if (row === undefined) {
    throw new Error(
      `no footprint for ${chart} ${version}: read that version's templates and add a row to test/gitops/simulation/footprints-platform.ts or footprints-observability.ts`,
    );
  }
  return row(values, namespace);
}
