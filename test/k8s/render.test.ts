// The layer's output: one object per file at k8s/<namespace>/<Kind>.<name>.yaml, explicit names (no cdk8s
// hashes), YAML byte-identical to the shared serialiser, and deterministic.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEnvironment } from '../../environments';
import { renderKubernetes } from '../../charts/render';
import { manifestYaml } from '../../charts/serialize';
import { toYaml } from '../../constructs/contracts/serialize';
import { objectsOf } from './support';

const envs = ['dev', 'staging', 'prod'].map((name) => loadEnvironment(name));
const CLUSTER_SCOPED = [
  'Namespace',
  'ClusterIssuer',
  'ClusterSecretStore',
  'StorageClass',
  'NodePool',
  'EC2NodeClass',
];

describe.each(envs.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  const files = renderKubernetes(env);

  it('writes each object to k8s/<its namespace>/<Kind>.<name>.yaml', () => {
    for (const file of files) {
      const object = parse(file.content) as { kind: string; metadata: { name: string; namespace?: string } };
      // Cluster-scoped objects live with the chart that renders them: a namespace's own Namespace in its folder,
      // everything else (istio-system's Namespace included) in platform/.
      const folder = CLUSTER_SCOPED.includes(object.kind)
        ? object.kind === 'Namespace' && object.metadata.name in env.namespaces
          ? object.metadata.name
          : 'platform'
        : object.metadata.namespace;
      expect(file.path).toBe(`k8s/${folder}/${object.kind}.${object.metadata.name}.yaml`);
    }
    expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
  });

  it('names every object explicitly (no cdk8s hash suffix)', () => {
    const hashed = objectsOf(env).filter((object) =>
      /-c8[0-9a-f]{6}$|-[0-9a-f]{8}$/.test(object.metadata.name),
    );
    expect(hashed.map((object) => object.metadata.name)).toEqual([]);
  });

  it('serialises exactly as the shared toYaml would', () => {
    for (const object of objectsOf(env)) expect(manifestYaml(object)).toBe(toYaml(object));
  });

  it('is deterministic', () => {
    expect(renderKubernetes(env)).toEqual(files);
  });
});

describe('manifestYaml', () => {
  it('quotes what YAML would read as another type and hands multi-line documents to the library', () => {
    const value = {
      kind: 'ConfigMap',
      data: { a: 'true', b: '0 1 * * *', c: '', d: '1.5', e: 'x: y', f: 'line one\nline two\n', g: 8013 },
      list: [{ k: [1, 2] }, [3, 4], {}, []],
    };
    expect(manifestYaml(value)).toBe(toYaml(value));
    expect(manifestYaml({ a: 'true', n: null, b: false })).toBe('a: "true"\nb: false\n"n": null\n');
    // YAML 1.1 readers (Kubernetes, Helm, Prometheus) take these for booleans, timestamps and base-60 numbers.
    const oneOne = { args: ['--protected-mode', 'no', 'on', 'Y'], from: '2024-01-01', at: '1:30' };
    expect(manifestYaml(oneOne)).toBe(toYaml(oneOne));
    expect(manifestYaml(oneOne)).toBe(
      'args:\n  - --protected-mode\n  - "no"\n  - "on"\n  - "Y"\nat: "1:30"\nfrom: "2024-01-01"\n',
    );
  });
});
