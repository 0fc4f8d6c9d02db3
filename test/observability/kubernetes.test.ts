// The observability objects Argo CD applies: the same rules and dashboards as the plain files (one in-memory source,
// so they cannot drift), blackbox Probes for every public endpoint, all valid against the CRD/core schemas.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appHost, blackboxExporter, NFR_ANNOTATION, publicServices } from '../../constructs/contracts';
import { duration } from '../../observability/promql';
import { ALERTS_FILE, BASELINES_FILE, K8S_DIR, RECORDING_FILE } from '../../observability/render';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { validateManifest } from '../k8s-schema/validate';
import { content, environment, environmentNames, rendered, yamlOf } from './support/rendered';
import { rulesOf, type RuleGroupFile } from './support/rule-files';

interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  readonly spec?: Record<string, unknown>;
  readonly data?: Record<string, string>;
}

/** kubectl/Argo CD client-side apply keep the whole object in an annotation capped at 256 KiB. */
const LAST_APPLIED_LIMIT = 262_144;

describe.each(environmentNames())('%s observability objects', (name) => {
  const env = environment(name);
  const objects = async () => {
    const files = await rendered(name);
    return {
      files,
      objects: files
        .filter((file) => file.path.startsWith(`${K8S_DIR}/`))
        .map((file) => ({ path: file.path, object: parse(file.content) as KubernetesObject })),
    };
  };
  const object = (list: { path: string; object: KubernetesObject }[], kind: string, objectName: string) => {
    const found = list.find(
      (entry) => entry.object.kind === kind && entry.object.metadata.name === objectName,
    );
    if (!found) throw new Error(`no ${kind} ${objectName}`);
    return found.object;
  };

  it('validates every object against its schema, one object per <Kind>.<name>.yaml in the observability namespace', async () => {
    const { objects: list } = await objects();
    expect(list.length).toBeGreaterThan(0);
    for (const { path, object: manifest } of list) {
      expect(validateManifest(manifest), path).toEqual([]);
      expect(path).toBe(`${K8S_DIR}/${manifest.kind}.${manifest.metadata.name}.yaml`);
      expect(manifest.metadata.namespace, path).toBe('observability');
    }
  });

  it('holds exactly the plain rule files in the PrometheusRules, for the shared Prometheus to evaluate', async () => {
    const { files, objects: list } = await objects();
    for (const [ruleName, path] of [
      ['skillforge-alerts', ALERTS_FILE],
      ['skillforge-baselines', BASELINES_FILE],
      ['skillforge-recording-rules', RECORDING_FILE],
    ] as const) {
      const rule = object(list, 'PrometheusRule', ruleName);
      expect(rule.spec?.groups, ruleName).toEqual(yamlOf<RuleGroupFile>(files, path).groups);
      expect(rule.metadata.labels['skillforge.io/rule-evaluator']).toBe('shared-prometheus');
    }
    const alertIds = rulesOf(yamlOf<RuleGroupFile>(files, ALERTS_FILE)).flatMap(
      (rule) => rule.labels?.nfr?.split(',') ?? [],
    );
    expect(
      object(list, 'PrometheusRule', 'skillforge-alerts').metadata.annotations?.[NFR_ANNOTATION]?.split(','),
    ).toEqual([...new Set(alertIds)].sort());
    // The cache hit ratio alert cannot fire without the series recorded in front of its source.
    expect(
      object(list, 'PrometheusRule', 'skillforge-recording-rules').metadata.annotations?.[NFR_ANNOTATION],
    ).toBe('alert-cache-hit-ratio');
  });

  it('holds exactly the dashboard files in the grafana-dashboards ConfigMap the sidecar loads', async () => {
    const { files, objects: list } = await objects();
    const configMap = object(list, 'ConfigMap', 'grafana-dashboards');
    expect(configMap.metadata.labels.grafana_dashboard).toBe('1');
    const dashboardFiles = files.filter((file: RenderedFile) =>
      file.path.startsWith('observability/dashboards/'),
    );
    expect(Object.keys(configMap.data ?? {}).sort()).toEqual(
      dashboardFiles.map((file) => file.path.replace('observability/dashboards/', '')).sort(),
    );
    for (const file of dashboardFiles) {
      const key = file.path.replace('observability/dashboards/', '');
      expect(JSON.parse(configMap.data?.[key] ?? '{}'), key).toEqual(JSON.parse(file.content));
    }
    expect(content(files, `${K8S_DIR}/ConfigMap.grafana-dashboards.yaml`).length).toBeLessThan(
      LAST_APPLIED_LIMIT,
    );
  });

  it('probes every public endpoint through the blackbox exporter, labelled with its service', async () => {
    const { objects: list } = await objects();
    const probes = list
      .filter(({ object: manifest }) => manifest.kind === 'Probe')
      .map(({ object: probe }) => probe);
    expect(probes.map((probe) => probe.metadata.name).sort()).toEqual(
      publicServices(env)
        .map((s) => s.name)
        .sort(),
    );
    for (const service of publicServices(env)) {
      expect(object(list, 'Probe', service.name).spec).toEqual({
        jobName: 'synthetic-uptime',
        interval: duration(env.observability.probeIntervalSeconds),
        module: blackboxExporter.module,
        prober: {
          url: `${blackboxExporter.service}.${blackboxExporter.namespace}.svc:${blackboxExporter.port}`,
        },
        targets: {
          staticConfig: {
            static: [`https://${appHost(env)}${service.ingressPath ?? '/'}`],
            labels: { service: service.name },
          },
        },
      });
    }
  });
});
