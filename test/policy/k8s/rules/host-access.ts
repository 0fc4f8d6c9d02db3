// Pods stay inside their own namespaces: no host network, process or IPC namespace, host ports or host paths.
import { compliantApp, compliantDaemon, replacing } from '../fixtures/app';
import { daemonSet, deployment, servingContainer } from '../fixtures/workloads';
import type { PolicyRule } from '../types';
import { containerProblems, podSpecOf, POD_CONTROLLER_KINDS } from '../workloads';

const kinds = POD_CONTROLLER_KINDS;
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostAccessRules: readonly PolicyRule[] = [
  {
    id: 'no-host-namespaces',
    checkIds: [
      'kube-linter:host-network',
      'kube-linter:host-pid',
      'kube-linter:host-ipc',
      'polaris:hostNetworkSet',
      'polaris:hostPIDSet',
      'polaris:hostIPCSet',
      'CKV_K8S_17',
      'CKV_K8S_18',
      'CKV_K8S_19',
      'KSV008',
      'KSV009',
      'KSV010',
    ],
    kinds,
    description: 'Pods do not share the node network, PID or IPC namespace.',
    check: ({ manifest }) => {
      const pod = podSpecOf(manifest);
      return HOST_NAMESPACES.filter((field) => pod?.[field] === true).map(
        (field) => `pod sets ${field}: true`,
      );
    },
    good: [{ name: 'own namespaces', objects: compliantApp() }],
    bad: [
      { name: 'hostNetwork', objects: replacing(compliantApp(), deployment({ pod: { hostNetwork: true } })) },
      {
        name: 'DaemonSet with hostPID',
        objects: replacing(compliantDaemon(), daemonSet({ pod: { hostPID: true } })),
      },
      { name: 'hostIPC', objects: replacing(compliantApp(), deployment({ pod: { hostIPC: true } })) },
    ],
  },
  {
    id: 'no-host-ports',
    checkIds: ['polaris:hostPortSet', 'CKV_K8S_26', 'KSV024'],
    kinds,
    description: 'No container binds a port on the node (hostPort); traffic goes through Services.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const bound = (container.ports ?? []).filter((port) => (port.hostPort ?? 0) !== 0);
        return bound.length === 0
          ? undefined
          : `${label} binds host ports ${bound.map((port) => port.hostPort).join(', ')}`;
      }),
    good: [{ name: 'container ports only', objects: compliantApp() }],
    bad: [
      {
        name: 'hostPort 8080',
        objects: replacing(
          compliantApp(),
          deployment({ container: { ports: [{ name: 'http', containerPort: 8080, hostPort: 8080 }] } }),
        ),
      },
      {
        name: 'init container hostPort',
        objects: replacing(
          compliantApp(),
          deployment({
            pod: {
              initContainers: [
                servingContainer('warm', { ports: [{ containerPort: 9000, hostPort: 9000 }] }),
              ],
            },
          }),
        ),
      },
    ],
  },
  {
    id: 'no-host-path-volumes',
    checkIds: [
      'kube-linter:sensitive-host-mounts',
      'kube-linter:docker-sock',
      'polaris:hostPathSet',
      'CKV_K8S_27',
      'KSV023',
    ],
    kinds,
    description: 'Pods mount no hostPath volume.',
    check: ({ manifest }) =>
      (podSpecOf(manifest)?.volumes ?? [])
        .filter((volume) => volume.hostPath !== undefined)
        .map((volume) => `volume "${volume.name}" mounts host path ${volume.hostPath?.path ?? ''}`),
    good: [
      {
        name: 'emptyDir scratch space',
        objects: replacing(
          compliantApp(),
          deployment({ pod: { volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }] } }),
        ),
      },
    ],
    bad: [
      {
        name: 'DaemonSet mounting /proc',
        objects: replacing(
          compliantDaemon(),
          daemonSet({ pod: { volumes: [{ name: 'proc', hostPath: { path: '/proc' } }] } }),
        ),
      },
    ],
  },
];
