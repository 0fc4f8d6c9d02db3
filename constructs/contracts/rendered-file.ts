// The unit every renderer produces: a file path inside deploy/<env>/ and its exact content. It lives with the
// shared contracts because every renderer (stacks/, charts/, observability/) produces it and scripts/render/ only
// collects it: no renderer imports from the pipeline above it.
import { toJson, toYaml } from './serialize';

export interface RenderedFile {
  /** Relative to deploy/<env>/, with forward slashes, e.g. k8s/api/Deployment.search-api.yaml. */
  readonly path: string;
  readonly content: string;
}

export const yamlFile = (path: string, value: unknown): RenderedFile => ({ path, content: toYaml(value) });
export const jsonFile = (path: string, value: unknown): RenderedFile => ({ path, content: toJson(value) });
export const textFile = (path: string, content: string): RenderedFile => ({
  path,
  content: content.endsWith('\n') ? content : `${content}\n`,
});

/** File name of one Kubernetes object: <Kind>.<name>.yaml. */
export const kubernetesFileName = (kind: string, name: string): string => `${kind}.${name}.yaml`;

export function assertUniquePaths(env: string, files: readonly RenderedFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`render of ${env} produced ${file.path} twice`);
    seen.add(file.path);
  }
}
