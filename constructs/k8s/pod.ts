// Hardened pod and container specs: what every workload gets by writing nothing (non-root with a high UID,
// read-only root filesystem with an emptyDir /tmp, no privilege escalation, ALL capabilities dropped, seccomp
// RuntimeDefault, no service-account token, requests and limits on cpu, memory and ephemeral storage).
import {
  type Container,
  type EnvVar,
  IntOrString,
  type PodSpec,
  type Probe,
  type Volume,
  type VolumeMount,
} from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { mebibytes, millicores } from './quantities';

export const TMP_VOLUME = 'tmp';
const ZONE_KEY = 'topology.kubernetes.io/zone';
const HOST_KEY = 'kubernetes.io/hostname';

export interface ComputeResources {
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  readonly cpuLimitMillicores: number;
  readonly memoryLimitMiB: number;
  readonly ephemeralStorageMiB: number;
  readonly ephemeralStorageLimitMiB: number;
}

/** Liveness, readiness and startup probes over HTTP on one named container port. */
export interface HttpProbes {
  readonly port: string;
  readonly livenessPath: string;
  readonly readinessPath: string;
  readonly periodSeconds: number;
  readonly livenessFailureThreshold: number;
  /** The startup probe allows this long before liveness takes over. */
  readonly startupSeconds: number;
}

/** Probes spelled out, for images whose health is not an HTTP endpoint (data stores). */
export interface ExplicitProbes {
  readonly liveness: Probe;
  readonly readiness: Probe;
  readonly startup: Probe;
}

export interface ContainerProps {
  readonly name: string;
  /** A pinned reference (tag and digest); see imageReference in constructs/contracts. */
  readonly image: string;
  readonly resources: ComputeResources;
  /** Default: none (batch containers serve nothing). */
  readonly ports?: readonly { readonly name: string; readonly containerPort: number }[];
  /** Default: none; every served container passes them. */
  readonly probes?: HttpProbes | ExplicitProbes;
  /** Default: the image's entrypoint and arguments. */
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  /** ConfigMap whose keys become environment variables. Default: none. */
  readonly envFromConfigMap?: string;
  readonly env?: readonly EnvVar[];
  /** Mounted in addition to /tmp. Default: none. */
  readonly mounts?: readonly VolumeMount[];
}

export function hardenedContainer(props: ContainerProps): Container {
  const { resources: r } = props;
  return {
    name: props.name,
    image: props.image,
    // Tags can be re-pushed; the digest in the reference cannot, and Always makes the kubelet check it.
    imagePullPolicy: 'Always',
    ...(props.command ? { command: [...props.command] } : {}),
    ...(props.args ? { args: [...props.args] } : {}),
    ...(props.ports ? { ports: props.ports.map((port) => ({ ...port, protocol: 'TCP' })) } : {}),
    ...(props.envFromConfigMap ? { envFrom: [{ configMapRef: { name: props.envFromConfigMap } }] } : {}),
    ...(props.env ? { env: [...props.env] } : {}),
    ...(props.probes ? probesOf(props.probes) : {}),
    resources: {
      requests: {
        cpu: millicores(r.cpuMillicores),
        memory: mebibytes(r.memoryMiB),
        'ephemeral-storage': mebibytes(r.ephemeralStorageMiB),
      },
      limits: {
        cpu: millicores(r.cpuLimitMillicores),
        memory: mebibytes(r.memoryLimitMiB),
        'ephemeral-storage': mebibytes(r.ephemeralStorageLimitMiB),
      },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [{ name: TMP_VOLUME, mountPath: '/tmp' }, ...(props.mounts ?? [])],
  };
}

function probesOf(
  p: HttpProbes | ExplicitProbes,
): Pick<Container, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> {
  if ('liveness' in p)
    return { livenessProbe: p.liveness, readinessProbe: p.readiness, startupProbe: p.startup };
  const get = (path: string): Probe['httpGet'] => ({ path, port: IntOrString.fromString(p.port) });
  return {
    startupProbe: {
      httpGet: get(p.livenessPath),
      periodSeconds: p.periodSeconds,
      failureThreshold: Math.ceil(p.startupSeconds / p.periodSeconds),
    },
    livenessProbe: {
      httpGet: get(p.livenessPath),
      periodSeconds: p.periodSeconds,
      failureThreshold: p.livenessFailureThreshold,
    },
    readinessProbe: { httpGet: get(p.readinessPath), periodSeconds: p.periodSeconds },
  };
}

export interface PodProps {
  readonly serviceAccountName: string;
  /** UID and GID of every container (runAsUserOf in constructs/contracts: ≥ 10001). */
  readonly runAsUser: number;
  readonly containers: readonly Container[];
  /** Default: none. */
  readonly initContainers?: readonly Container[];
  /** Added to the /tmp emptyDir. Default: none. */
  readonly volumes?: readonly Volume[];
  /** Size limit of the /tmp emptyDir (counted against the container's ephemeral-storage limit). */
  readonly tmpSizeMiB: number;
  readonly terminationGracePeriodSeconds: number;
  /** Spread pods with these labels across zones and hosts. Default: not spread (batch pods run once). */
  readonly spread?: Labels;
  /** Default: Always (the only value Deployments accept); batch pods pass Never. */
  readonly restartPolicy?: 'Never' | 'OnFailure';
}

export function hardenedPodSpec(props: PodProps): PodSpec {
  return {
    serviceAccountName: props.serviceAccountName,
    // No workload here calls the Kubernetes API; IRSA uses its own projected token, unaffected by this.
    automountServiceAccountToken: false,
    // Service discovery goes through DNS; injected *_SERVICE_HOST variables only leak the namespace's layout.
    enableServiceLinks: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: props.runAsUser,
      runAsGroup: props.runAsUser,
      fsGroup: props.runAsUser,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    terminationGracePeriodSeconds: props.terminationGracePeriodSeconds,
    ...(props.restartPolicy ? { restartPolicy: props.restartPolicy } : {}),
    ...(props.initContainers ? { initContainers: [...props.initContainers] } : {}),
    containers: [...props.containers],
    volumes: [
      { name: TMP_VOLUME, emptyDir: { sizeLimit: mebibytes(props.tmpSizeMiB) } },
      ...(props.volumes ?? []),
    ],
    ...(props.spread ? spreadingOf(props.spread) : {}),
  };
}

function spreadingOf(labels: Labels): Pick<PodSpec, 'topologySpreadConstraints' | 'affinity'> {
  const labelSelector = { matchLabels: { ...labels } };
  return {
    // ScheduleAnyway: while a zone is down, replacements must still start in the surviving zones.
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: ZONE_KEY, whenUnsatisfiable: 'ScheduleAnyway', labelSelector },
    ],
    // Preferred, not required: the autoscaler may run more replicas than there are nodes.
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { topologyKey: HOST_KEY, labelSelector } },
        ],
      },
    },
  };
}
