// The `kubernetes` render layer: every object of every chart as deploy/<env>/k8s/<namespace>/<Kind>.<name>.yaml.
// Objects are serialised one by one (ApiObject.toJson) instead of through Chart.toJson, which resolves and
// validates the whole App again for each chart.
import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { EnvConfig } from '../environments';
import { kubernetesFileName, type RenderedFile } from '../constructs/contracts/rendered-file';
import { manifestYaml } from './serialize';
import { buildKubernetesApp } from './app';

interface Manifest {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
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
        const manifest = object.toJson() as Manifest & Record<string, unknown>;
        const path = `k8s/${folderOf(manifest, chart.node.id)}/${kubernetesFileName(manifest.kind, manifest.metadata.name)}`;
        return { path, content: manifestYaml(manifest) };
      }),
  );
}

/**
 * Namespaced objects go to their namespace; cluster-scoped ones, a chart's own Namespace included, to the chart's
 * folder (istio-system's Namespace, which the platform chart renders, lives in platform/).
 */
function folderOf(manifest: Manifest, chart: string): string {
  return manifest.metadata.namespace ?? chart;
}
