// Probes tell Kubernetes when a pod may get traffic (readiness) and when it must be restarted (liveness).
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { compliantApp, replacing } from '../fixtures/app';
import { deployment } from '../fixtures/workloads';
import type { PolicyRule } from '../types';
import { containerProblems, POD_CONTROLLER_KINDS } from '../workloads';

function probePort(probe: IProbe): number | string | undefined {
  return probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
}

function declaresPort(container: IContainer, port: number | string): boolean {
  return (container.ports ?? []).some((declared) =>
    typeof port === 'number' ? declared.containerPort === port : declared.name === port,
  );
}

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;

export const probeRules: readonly PolicyRule[] = [
  {
    id: 'probe-ports-declared',
    checkIds: ['kube-linter:readiness-port', 'kube-linter:liveness-port', 'kube-linter:startup-port'],
    kinds: POD_CONTROLLER_KINDS,
    description:
      'Every httpGet, tcpSocket or grpc probe targets a port the container declares (by number or name).',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const wrong = PROBES.flatMap((field) => {
          const probe = container[field];
          const port = probe === undefined ? undefined : probePort(probe);
          return port === undefined || declaresPort(container, port) ? [] : [`${field} port ${port}`];
        });
        return wrong.length === 0 ? undefined : `${label} probes undeclared ports: ${wrong.join(', ')}`;
      }),
    good: [
      { name: 'named port', objects: compliantApp() },
      {
        name: 'numbered port',
        objects: replacing(
          compliantApp(),
          deployment({ container: { startupProbe: { tcpSocket: { port: 8080 } } } }),
        ),
      },
    ],
    bad: [
      {
        name: 'misspelled port name',
        objects: replacing(
          compliantApp(),
          deployment({ container: { livenessProbe: { httpGet: { path: '/healthz', port: 'htpp' } } } }),
        ),
      },
      {
        name: 'port number not declared',
        objects: replacing(
          compliantApp(),
          deployment({ container: { readinessProbe: { tcpSocket: { port: 9090 } } } }),
        ),
      },
    ],
  },
];
