// The bootstrap simulation's chart footprints are evidence, not guesses: every object names the repository, path and
// commit of the template it was read from and whether that commit is the pinned version; and every row belongs to
// a version some environment pins, so an upgrade replaces rows instead of piling them up.
import { describe, expect, it } from 'vitest';
import { loadEnvironment, loadRegistry } from '../../environments';
import { platformHelmSources } from '../../charts/platform/helm-sources';
import { CITATION, pluralOf } from './simulation/footprint-helpers';
import { FOOTPRINTS } from './simulation/footprints';

const envs = [...loadRegistry().values()];
const pinned = new Map<string, Readonly<Record<string, unknown>>>(
  envs.flatMap((env) => [
    ...platformHelmSources(env).map((source) => [`${source.name}@${source.version}`, source.values] as const),
    ...Object.entries(env.platformManifests).map(
      ([name, bundle]) => [`${name}@${bundle.version}`, {}] as const,
    ),
  ]),
);

describe('chart footprint rows', () => {
  it.each(Object.keys(FOOTPRINTS))(
    '%s cites repository, path, commit and version for every object',
    (key) => {
      const { objects } = FOOTPRINTS[key]!(pinned.get(key) ?? {}, 'observability');
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) expect(object.source, `${object.name}`).toMatch(CITATION);
    },
  );

  it('has a row for exactly the versions the environments pin', () => {
    expect(Object.keys(FOOTPRINTS).sort()).toEqual([...pinned.keys()].sort());
    // redis-exporter runs in dev only (next to the in-cluster Redis): its row is still a pinned one.
    expect(
      pinned.has(`redis-exporter@${loadEnvironment('dev').platformCharts['redis-exporter']?.version}`),
    ).toBe(true);
  });

  it('names CRDs by their plurals', () => {
    expect(
      ['Prometheus', 'BackendTLSPolicy', 'GatewayClass', 'ServiceEntry', 'Telemetry', 'Probe'].map(pluralOf),
    ).toEqual([
      'prometheuses',
      'backendtlspolicies',
      'gatewayclasses',
      'serviceentries',
      'telemetries',
      'probes',
    ]);
    expect(pluralOf({ kind: 'PodLogs', plural: 'podlogs' })).toBe('podlogs');
  });
});
