// What each pinned chart (and the Gateway API's CRD bundle) renders with our values, reduced to what Argo CD's
// checks need: the namespaces it writes to, its cluster-scoped kinds, the CRDs it brings, the custom resources it
// creates, and the fields its controllers rewrite afterwards. One row per chart version. Every object cites the
// template it was read from as `<owner/repo> <path> @<commit> (<version>)`, saying whether that commit is the
// pinned version or another one (footprint-helpers.ts, cite; checked by test/gitops/footprint-citations.test.ts):
// the chart repositories are not reachable from here, and the stored copies are seldom at the pinned tag. A chart
// pinned at a version without a row fails the simulation: read that version's templates and add one.
import type { Footprint, Row, Values } from './footprint-helpers';
import { MESH_ROWS } from './footprints-mesh';
import { OBSERVABILITY_ROWS } from './footprints-observability';
import { PLATFORM_ROWS } from './footprints-platform';

export const FOOTPRINTS: Readonly<Record<string, Row>> = {
  ...PLATFORM_ROWS,
  ...MESH_ROWS,
  ...OBSERVABILITY_ROWS,
};

export const FOOTPRINT_ROWS = Object.keys(FOOTPRINTS).length;

/** The chart's footprint with our values, or an error naming the missing row. */
export function chartFootprint(chart: string, version: string, values: Values, namespace: string): Footprint {
  const row = FOOTPRINTS[`${chart}@${version}`];
  if (row === undefined) {
    throw new Error(
      `no footprint for ${chart} ${version}: read that version's templates and add a row to test/gitops/simulation/footprints-platform.ts, footprints-mesh.ts or footprints-observability.ts`,
    );
  }
  return row(values, namespace);
}
