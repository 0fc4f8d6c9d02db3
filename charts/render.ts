// The `kubernetes` render layer: every object of every chart as deploy/<env>/k8s/<namespace>/<Kind>.<name>.yaml.
// Objects are serialised one by one (ApiObject.toJson) instead of through Chart.toJson, which resolves and
// validates the whole App again for each chart.
import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { EnvConfig } from '../environments';
import { scannerSkipAnnotations } from '../constructs/contracts';
import { kubernetesFileName, type RenderedFile } from '../constructs/contracts/rendered-file';
import { manifestYaml } from './serialize';
import { buildKubernetesApp } from './app';

interface Manifest extends Record<string, unknown> {
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

export function renderKubernetes(env: EnvConfig): RenderedFile[] {
  const { app, charts } = buildKubernetesApp(env);
  const errors = app.node
    .findAll()
    .flatMap((node: IConstruct) => node.node.validate().map((error) => `[${node.node.path}] ${error}`));
  if (errors.length > 0)
    throw new Error(`${env.name}: Kubernetes objects are invalid:\n  ${errors.join('\n  ')}`);
  return charts.flatMap((chart) =>
    chart.node
      .findAll()
      .filter((node): node is ApiObject => node instanceof ApiObject)
      .map((object) => {
        const manifest = object.toJson() as Manifest;
        const folder = folderOf(manifest, chart.node.id);
        const path = `k8s/${folder}/${kubernetesFileName(manifest.kind, manifest.metadata.name)}`;
        return { path, content: manifestYaml(withScannerSkips(env, folder, manifest)) };
      }),
  );
}

/** Every `image` of the object's containers, wherever its pod template sits (Deployment, CronJob, StatefulSet…). */
function containerImages(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(containerImages);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'image' && typeof child === 'string' ? [child] : containerImages(child),
  );
}

/** The model's accepted scanner findings on this object, as the scanners' own skip annotations. */
function withScannerSkips(env: EnvConfig, folder: string, manifest: Manifest): Manifest {
  const skips = scannerSkipAnnotations(env, {
    folder,
    kind: manifest.kind,
    name: manifest.metadata.name,
    images: containerImages(manifest),
  });
  if (Object.keys(skips).length === 0) return manifest;
  const { metadata } = manifest;
  return { ...manifest, metadata: { ...metadata, annotations: { ...metadata.annotations, ...skips } } };
}

/**
 * Namespaced objects go to their namespace; cluster-scoped ones, a chart's own Namespace included, to the chart's
 * folder (istio-system's Namespace, which the platform chart renders, lives in platform/).
 */
function folderOf(manifest: Manifest, chart: string): string {
  return manifest.metadata.namespace ?? chart;
}
