// In-cluster Redis and OpenSearch for environments whose model selects mode in-cluster (dev): StatefulSets with
// a volume per pod, reachable only from the workloads that declare the store in dependsOn. No passwords: the
// network policy is the boundary, and nothing outside the cluster can reach them (decision in docs/decisions).
import type { Construct } from 'constructs';
import { IntOrString } from 'cdk8s-plus-27/lib/imports/k8s';
import type { DataStore, EnvConfig } from '../../environments';
import type { NfrId } from '../../constructs/contracts';
import {
  consumersOf,
  imageReference,
  inClusterStoreNamespace,
  runAsUserOf,
  storeEndpoint,
  storePlacement,
} from '../../constructs/contracts';
import { selectorFor, workloadLabels } from '../../constructs/k8s/labels';
import { NetworkPolicy } from '../../constructs/k8s/network-policy';
import {
  type ContainerProps,
  type ExplicitProbes,
  hardenedContainer,
  hardenedPodSpec,
} from '../../constructs/k8s/pod';
import { mebibytes } from '../../constructs/k8s/quantities';
import { WorkloadServiceAccount } from '../../constructs/k8s/service-account';
import { DATA_VOLUME, StatefulStore } from '../../constructs/k8s/stateful-store';
import { peerOf, components, hasComponent } from '../plan/components';
import { storeIngress } from '../plan/flows';

const OPENSEARCH_TRANSPORT_PORT = 9300;
const OPENSEARCH_HOME = '/usr/share/opensearch';

export function renderInClusterStores(scope: Construct, env: EnvConfig): void {
  if (storePlacement(env, 'redis') === 'in-cluster') redis(scope, env);
  if (storePlacement(env, 'opensearch') === 'in-cluster') opensearch(scope, env);
}

type StoreContainer = Omit<ContainerProps, 'image'>;

interface StoreSpec {
  readonly store: DataStore;
  /** The model's image (env.images) every container of the pod runs. */
  readonly image: string;
  readonly replicas: number;
  readonly storageGiB: number;
  readonly container: StoreContainer;
  readonly initContainers?: readonly StoreContainer[];
  readonly extraVolumes?: { readonly name: string; readonly sizeMiB: number }[];
  readonly peerPorts?: readonly number[];
  readonly nfr?: readonly NfrId[];
}

function renderStore(scope: Construct, env: EnvConfig, spec: StoreSpec): void {
  const { store } = spec;
  const namespace = inClusterStoreNamespace;
  const labels = workloadLabels(store, 'data-store');
  const selector = selectorFor(store);
  const port = storeEndpoint(env, store).port;
  const image = imageReference(env, spec.image);
  new WorkloadServiceAccount(scope, `${store}-account`, { name: store, namespace, labels });
  const scratch = env.namespaces[namespace].containerDefaults.ephemeralStorageLimitMiB;
  new StatefulStore(scope, store, {
    name: store,
    namespace,
    labels,
    selector,
    replicas: spec.replicas,
    storageGiB: spec.storageGiB,
    nfr: spec.nfr,
    ports: [{ name: `tcp-${store}`, port, targetPort: store, appProtocol: 'tcp' }],
    template: {
      metadata: { labels: { ...labels } },
      spec: hardenedPodSpec({
        serviceAccountName: store,
        runAsUser: runAsUserOf(env, spec.image),
        initContainers: (spec.initContainers ?? []).map((init) => hardenedContainer({ ...init, image })),
        containers: [hardenedContainer({ ...spec.container, image })],
        volumes: (spec.extraVolumes ?? []).map((volume) => ({
          name: volume.name,
          emptyDir: { sizeLimit: mebibytes(volume.sizeMiB) },
        })),
        tmpSizeMiB: scratch,
        terminationGracePeriodSeconds: env.workloadDefaults.terminationGraceSeconds,
        spread: selector,
      }),
    },
  });
  const peers = (spec.peerPorts ?? []).map((peerPort) => ({
    peers: [{ namespace, pods: selector }],
    ports: [{ port: peerPort }],
    why: `${store} cluster members`,
  }));
  const exporter = store === 'redis' && hasComponent(env, components.redisExporter);
  new NetworkPolicy(scope, `${store}-policy`, {
    name: store,
    namespace,
    podLabels: selector,
    ingress: [
      ...storeIngress(env, store, consumersOf(env, store)),
      ...(exporter
        ? [
            {
              peers: [peerOf(env, components.redisExporter)],
              ports: [{ port }],
              why: 'cache metrics (redis exporter)',
            },
          ]
        : []),
      ...peers,
    ],
    egress: peers,
  });
}

function redis(scope: Construct, env: EnvConfig): void {
  const config = env.redis.inCluster;
  const port = storeEndpoint(env, 'redis').port;
  const tcp = { tcpSocket: { port: IntOrString.fromString('redis') } };
  const probes: ExplicitProbes = {
    startup: { ...tcp, periodSeconds: env.workloadDefaults.probes.periodSeconds },
    liveness: { ...tcp, failureThreshold: env.workloadDefaults.probes.livenessFailureThreshold },
    readiness: { exec: { command: ['redis-cli', '-p', String(port), 'ping'] } },
  };
  renderStore(scope, env, {
    store: 'redis',
    image: 'redis',
    replicas: 1,
    nfr: ['redis-snapshot-interval', 'rpo'],
    storageGiB: config.storageGiB,
    container: {
      name: 'redis',
      resources: withScratch(env, config.resources),
      args: [
        'redis-server',
        '--port',
        String(port),
        '--dir',
        '/data',
        // Runbook §1.2/§1.3: a snapshot at least every RPO (15 minutes) whenever something changed.
        '--save',
        `${env.slo.rpoMinutes * 60} 1`,
        // Reachable without a password only through the network policy above.
        '--protected-mode',
        'no',
      ],
      ports: [{ name: 'redis', containerPort: port }],
      probes,
      mounts: [{ name: DATA_VOLUME, mountPath: '/data' }],
    },
  });
}

function opensearch(scope: Construct, env: EnvConfig): void {
  const config = env.opensearch.inCluster;
  const port = storeEndpoint(env, 'opensearch').port;
  const members = Array.from({ length: config.replicas }, (_, index) => `opensearch-${index}`);
  const heapMiB = Math.floor(config.resources.memoryLimitMiB / 2);
  const env_ = (name: string, value: string) => ({ name, value });
  const cluster =
    config.replicas === 1
      ? [env_('discovery.type', 'single-node')]
      : [
          env_('discovery.seed_hosts', 'opensearch-headless'),
          env_('cluster.initial_cluster_manager_nodes', members.join(',')),
        ];
  const http = (path: string) => ({ httpGet: { path, port: IntOrString.fromString('opensearch') } });
  renderStore(scope, env, {
    store: 'opensearch',
    image: 'opensearch',
    replicas: config.replicas,
    storageGiB: config.storageGiB,
    peerPorts: [OPENSEARCH_TRANSPORT_PORT],
    // The image writes its keystore into config/ at start: a copy of the shipped config on a writable volume.
    initContainers: [
      {
        name: 'copy-config',
        resources: withScratch(env, config.resources),
        command: ['sh', '-c', `cp -R ${OPENSEARCH_HOME}/config/. /writable-config/`],
        mounts: [{ name: 'config', mountPath: '/writable-config' }],
      },
    ],
    extraVolumes: [
      { name: 'config', sizeMiB: env.namespaces.platform.containerDefaults.ephemeralStorageMiB },
      { name: 'logs', sizeMiB: env.namespaces.platform.containerDefaults.ephemeralStorageMiB },
    ],
    container: {
      name: 'opensearch',
      resources: withScratch(env, config.resources),
      env: [
        env_('cluster.name', `skillforge-${env.name}`),
        { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        env_('network.host', '0.0.0.0'),
        ...cluster,
        // Half the memory limit for the heap, the rest for the file-system cache (OpenSearch's sizing guidance).
        env_('OPENSEARCH_JAVA_OPTS', `-Xms${heapMiB}m -Xmx${heapMiB}m`),
        // No mmap: the node's vm.max_map_count cannot be raised without a privileged init container.
        env_('node.store.allow_mmap', 'false'),
        // Development index behind a network policy: no demo certificates, no security plugin.
        env_('DISABLE_INSTALL_DEMO_CONFIG', 'true'),
        env_('DISABLE_SECURITY_PLUGIN', 'true'),
      ],
      ports: [
        { name: 'opensearch', containerPort: port },
        { name: 'transport', containerPort: OPENSEARCH_TRANSPORT_PORT },
      ],
      probes: {
        startup: {
          ...http('/_cluster/health?local=true'),
          periodSeconds: env.workloadDefaults.probes.periodSeconds,
          failureThreshold: Math.ceil(
            env.workloadDefaults.probes.startupSeconds / env.workloadDefaults.probes.periodSeconds,
          ),
        },
        liveness: { tcpSocket: { port: IntOrString.fromString('opensearch') } },
        readiness: http('/_cluster/health?local=true'),
      },
      mounts: [
        { name: DATA_VOLUME, mountPath: `${OPENSEARCH_HOME}/data` },
        { name: 'config', mountPath: `${OPENSEARCH_HOME}/config` },
        { name: 'logs', mountPath: `${OPENSEARCH_HOME}/logs` },
      ],
    },
  });
}

function withScratch(env: EnvConfig, resources: EnvConfig['redis']['inCluster']['resources']) {
  const scratch = env.namespaces[inClusterStoreNamespace].containerDefaults;
  return {
    ...resources,
    ephemeralStorageMiB: scratch.ephemeralStorageMiB,
    ephemeralStorageLimitMiB: scratch.ephemeralStorageLimitMiB,
  };
}
