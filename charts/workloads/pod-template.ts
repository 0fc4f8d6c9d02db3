// The pod template of any model workload: its pinned image, its ServiceAccount, its ConfigMap as environment,
// its data-store credentials as read-only files, and the hardened defaults of constructs/k8s/pod.
import type { PodTemplateSpec, Volume, VolumeMount } from 'cdk8s-plus-27/lib/imports/k8s';
import type { EnvConfig } from '../../environments';
import { imageReference, runAsUserOf } from '../../constructs/contracts';
import { CONFIG_HASH_ANNOTATION } from '../../constructs/k8s/config-map';
import { type Labels, selectorFor } from '../../constructs/k8s/labels';
import { type ContainerProps, hardenedContainer, hardenedPodSpec } from '../../constructs/k8s/pod';
import { computeOf, credentialsDir, passwordStoresOf, type Workload } from '../plan/workloads';

/** Owner-and-group read only: the process reads its credentials, nothing else in the pod can. */
const SECRET_FILE_MODE = 0o440;

export interface PodTemplateProps {
  readonly env: EnvConfig;
  readonly workload: Workload;
  readonly labels: Labels;
  readonly annotations?: Labels;
  readonly configMap: { readonly name: string; readonly hash: string };
  /** Secret name for each credential, by store. Default: `<store>-credentials` (the namespace's shared one). */
  readonly secretNameOf?: (store: string) => string;
  /** Container settings beyond the workload's own (ports, probes, args, extra mounts). */
  readonly container?: Partial<Pick<ContainerProps, 'ports' | 'probes' | 'args' | 'command' | 'mounts'>>;
  readonly volumes?: readonly Volume[];
  /** Spread replicas across zones and hosts (long-running workloads). Default: false. */
  readonly spread?: boolean;
  readonly restartPolicy?: 'Never';
}

export const sharedSecretName = (store: string): string => `${store}-credentials`;

export function workloadPodTemplate(props: PodTemplateProps): PodTemplateSpec {
  const { env, workload } = props;
  const secretNameOf = props.secretNameOf ?? sharedSecretName;
  const credentials = passwordStoresOf(env, workload);
  const secretVolumes: Volume[] = credentials.map((store) => ({
    name: `${store}-credentials`,
    secret: { secretName: secretNameOf(store), defaultMode: SECRET_FILE_MODE },
  }));
  const secretMounts: VolumeMount[] = credentials.map((store) => ({
    name: `${store}-credentials`,
    mountPath: credentialsDir(store),
    readOnly: true,
  }));
  const compute = computeOf(env, workload);
  const container = hardenedContainer({
    name: workload.name,
    image: imageReference(env, workload.image),
    resources: compute,
    envFromConfigMap: props.configMap.name,
    ...props.container,
    mounts: [...secretMounts, ...(props.container?.mounts ?? [])],
  });
  return {
    metadata: {
      labels: { ...props.labels },
      annotations: { ...props.annotations, [CONFIG_HASH_ANNOTATION]: props.configMap.hash },
    },
    spec: hardenedPodSpec({
      serviceAccountName: workload.name,
      runAsUser: runAsUserOf(env, workload.image),
      containers: [container],
      volumes: [...secretVolumes, ...(props.volumes ?? [])],
      tmpSizeMiB: compute.ephemeralStorageLimitMiB,
      terminationGracePeriodSeconds: env.workloadDefaults.terminationGraceSeconds,
      ...(props.spread ? { spread: selectorFor(workload.name) } : {}),
      ...(props.restartPolicy ? { restartPolicy: props.restartPolicy } : {}),
    }),
  };
}
