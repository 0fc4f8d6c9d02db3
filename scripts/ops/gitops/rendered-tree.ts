// Reads what the operations commands need from the committed, rendered tree (deploy/<env>/): the Argo CD
// applications and their sync waves, the autoscaler that owns a service's replica floor, the Grafana dashboards.
// The tree is what Argo CD applies, so reading it (not guessing names) keeps the commands in step with it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { EnvConfig } from '../../../environments';

export interface ArgoApplication {
  readonly name: string;
  /** Namespace of the Application object itself (where Argo CD runs). */
  readonly namespace: string;
  readonly file: string;
  /** argocd.argoproj.io/sync-wave, 0 when absent (Argo CD's default). */
  readonly wave: number;
  readonly destinationNamespace: string | undefined;
  /** spec.source.path (or each of spec.sources[].path). */
  readonly sourcePaths: readonly string[];
  readonly automated: { readonly prune: boolean; readonly selfHeal: boolean } | undefined;
  /** spec.syncPolicy.syncOptions: what automated syncs and `argocd app sync` put into the sync operation. */
  readonly syncOptions: readonly string[];
  /** spec.syncPolicy.retry, copied into the operation the same way. */
  readonly retry: Readonly<Record<string, unknown>> | undefined;
}

export interface RenderedApplications {
  /** The Application in root.yaml that installs all the others. */
  readonly root: ArgoApplication;
  /** Every other Application, by wave then name: the order Argo CD syncs them in. */
  readonly children: readonly ArgoApplication[];
  readonly rootFile: string;
}

const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

export function argocdDir(deployDir: string, env: EnvConfig): string {
  return path.join(deployDir, env.name, 'argocd');
}

export function readApplications(deployDir: string, env: EnvConfig): RenderedApplications {
  const dir = argocdDir(deployDir, env);
  const rootFile = path.join(dir, 'root.yaml');
  if (!existsSync(rootFile)) {
    throw new Error(`${rootFile} does not exist; render it with: npm run synth -- --env ${env.name}`);
  }
  const all = yamlFiles(dir).flatMap((file) =>
    documents(file)
      .filter((doc) => doc.kind === 'Application')
      .map((doc) => toApplication(doc, file)),
  );
  const root = all.find((app) => app.file === rootFile);
  if (root === undefined) throw new Error(`${rootFile} holds no Argo CD Application`);
  const children = all
    .filter((app) => app !== root)
    .sort((a, b) => a.wave - b.wave || a.name.localeCompare(b.name));
  return { root, children, rootFile };
}

/** The Application that deploys deploy/<env>/k8s/<namespace>. */
export function applicationForNamespace(
  apps: RenderedApplications,
  env: EnvConfig,
  namespace: string,
): ArgoApplication {
  const suffix = `${env.name}/k8s/${namespace}`;
  const found = apps.children.find((app) =>
    app.sourcePaths.some((source) => source.replace(/\/+$/, '').endsWith(suffix)),
  );
  if (found === undefined) {
    throw new Error(`no Argo CD Application in ${path.dirname(apps.rootFile)} deploys ${suffix}`);
  }
  return found;
}

export type AutoscalerKind = 'ScaledObject' | 'HorizontalPodAutoscaler';

export interface RenderedAutoscaler {
  readonly kind: AutoscalerKind;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly name: string;
  /** The field holding the replica floor: spec.minReplicaCount (KEDA) or spec.minReplicas (HPA). */
  readonly floorField: 'minReplicaCount' | 'minReplicas';
}

/**
 * The autoscaler whose target is the Deployment `workload`, if the rendered namespace folder has one. KEDA owns
 * the HPA it creates, so a ScaledObject is what has to change, never its generated HPA.
 */
export function autoscalerFor(
  deployDir: string,
  env: EnvConfig,
  namespace: string,
  workload: string,
): RenderedAutoscaler | undefined {
  const dir = path.join(deployDir, env.name, 'k8s', namespace);
  if (!existsSync(dir)) {
    throw new Error(`${dir} does not exist; render it with: npm run synth -- --env ${env.name}`);
  }
  for (const file of yamlFiles(dir)) {
    for (const doc of documents(file)) {
      if (doc.kind !== 'ScaledObject' && doc.kind !== 'HorizontalPodAutoscaler') continue;
      const target = record(record(doc.spec).scaleTargetRef);
      if (target.name !== workload || (target.kind ?? 'Deployment') !== 'Deployment') continue;
      return {
        kind: doc.kind,
        apiVersion: String(doc.apiVersion),
        namespace,
        name: String(record(doc.metadata).name),
        floorField: doc.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas',
      };
    }
  }
  return undefined;
}

/** The uid of the rendered Grafana dashboard with this title (deploy/<env>/observability/dashboards/<uid>.json). */
export function dashboardUid(deployDir: string, env: EnvConfig, title: string): string {
  const dir = path.join(deployDir, env.name, 'observability', 'dashboards');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  for (const name of files.sort()) {
    const dashboard = record(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
    if (dashboard.title === title && typeof dashboard.uid === 'string') return dashboard.uid;
  }
  throw new Error(
    `no dashboard titled "${title}" in ${dir}; render it with: npm run synth -- --env ${env.name}`,
  );
}

function toApplication(doc: Record<string, unknown>, file: string): ArgoApplication {
  const metadata = record(doc.metadata);
  const spec = record(doc.spec);
  const annotations = record(metadata.annotations);
  const sources = [spec.source, ...(Array.isArray(spec.sources) ? spec.sources : [])].map(record);
  const syncPolicy = record(spec.syncPolicy);
  const automated = spec.syncPolicy === undefined ? undefined : syncPolicy.automated;
  const wave = annotations[SYNC_WAVE] === undefined ? 0 : Number(annotations[SYNC_WAVE]);
  if (!Number.isInteger(wave)) throw new Error(`${file}: ${SYNC_WAVE} is not a whole number`);
  return {
    name: String(metadata.name),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : 'argocd',
    file,
    wave,
    destinationNamespace: optionalString(record(spec.destination).namespace),
    sourcePaths: sources.map((source) => source.path).filter((p): p is string => typeof p === 'string'),
    automated:
      automated === undefined || automated === null
        ? undefined
        : { prune: record(automated).prune === true, selfHeal: record(automated).selfHeal === true },
    syncOptions: Array.isArray(syncPolicy.syncOptions) ? syncPolicy.syncOptions.map(String) : [],
    retry: syncPolicy.retry === undefined ? undefined : record(syncPolicy.retry),
  };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function documents(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => record(doc.toJS()))
    .filter((doc) => typeof doc.kind === 'string');
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
