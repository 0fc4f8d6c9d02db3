// Kubernetes operations through @kubernetes/client-node, always against the environment's own context from the
// model (never whatever context happens to be current). The package is ESM-only and large, so it is imported
// inside connectKube: commands that never touch a cluster never load it.
import type { EnvConfig } from '../../../environments';
import { clusterName, kubeContext } from '../../../constructs/contracts';

export type JsonObject = Record<string, unknown>;

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface KubeActions {
  /** The scale subresource, as `kubectl scale` uses it. */
  scaleDeployment(namespace: string, name: string, replicas: number): Promise<void>;
  /** A Job from the CronJob's template, owned by the CronJob, as `kubectl create job --from=cronjob/…` does. */
  createJobFromCronJob(namespace: string, cronJob: string, jobName: string): Promise<void>;
  /** JSON merge patch (RFC 7386); `null` removes a field. */
  mergePatch(ref: ObjectRef, patch: JsonObject): Promise<void>;
  /** Server-side apply with this tool's field manager, as `kubectl apply --server-side`. */
  applyServerSide(object: JsonObject): Promise<void>;
  /** The object, or undefined when it does not exist (yet). */
  read(ref: ObjectRef): Promise<JsonObject | undefined>;
}

/** Field manager recorded on every change this tool makes, so `kubectl get -o yaml --show-managed-fields` says who. */
export const FIELD_MANAGER = 'skillforge-ops';

export async function connectKube(env: EnvConfig): Promise<KubeActions> {
  const k8s = await import('@kubernetes/client-node');
  const config = new k8s.KubeConfig();
  config.loadFromDefault();
  const context = kubeContext(env);
  if (!config.getContexts().some((candidate) => candidate.name === context)) {
    throw new Error(
      `kubeconfig has no context ${context}; create it with: aws eks update-kubeconfig --name ${clusterName(env)} ` +
        `--region ${env.aws.region}`,
    );
  }
  config.setCurrentContext(context);
  const objects = k8s.KubernetesObjectApi.makeApiClient(config);
  const apps = config.makeApiClient(k8s.AppsV1Api);
  const batch = config.makeApiClient(k8s.BatchV1Api);
  const mergeHeader = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
  const header = (ref: ObjectRef) => ({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) },
  });

  return {
    async scaleDeployment(namespace, name, replicas) {
      await apps.patchNamespacedDeploymentScale(
        { name, namespace, body: { spec: { replicas } } },
        mergeHeader,
      );
    },
    async createJobFromCronJob(namespace, cronJob, jobName) {
      const source = await batch.readNamespacedCronJob({ name: cronJob, namespace });
      const template = source.spec?.jobTemplate;
      if (template?.spec === undefined || source.metadata?.uid === undefined) {
        throw new Error(`cronjob/${cronJob} in ${namespace} has no job template`);
      }
      await batch.createNamespacedJob({
        namespace,
        body: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: {
            name: jobName,
            namespace,
            labels: template.metadata?.labels,
            annotations: { ...template.metadata?.annotations, 'cronjob.kubernetes.io/instantiate': 'manual' },
            ownerReferences: [
              {
                apiVersion: 'batch/v1',
                kind: 'CronJob',
                name: cronJob,
                uid: source.metadata.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          spec: template.spec,
        },
      });
    },
    async mergePatch(ref, patch) {
      // The object API finds the URL from apiVersion/kind/metadata.name, so the patch's own metadata (annotations)
      // is merged into the header's instead of replacing it.
      const target = header(ref);
      const metadata = { ...(patch.metadata as JsonObject | undefined), ...target.metadata };
      await objects.patch(
        { ...patch, ...target, metadata },
        undefined,
        undefined,
        FIELD_MANAGER,
        undefined,
        k8s.PatchStrategy.MergePatch,
      );
    },
    async applyServerSide(object) {
      const ref = object as { apiVersion: string; kind: string; metadata: { name: string } };
      await objects.patch(ref, undefined, undefined, FIELD_MANAGER, false, k8s.PatchStrategy.ServerSideApply);
    },
    async read(ref) {
      try {
        return (await objects.read(header(ref))) as unknown as JsonObject;
      } catch (error) {
        if (error instanceof k8s.ApiException && error.code === 404) return undefined;
        throw error;
      }
    },
  };
}
