// Probes tell Kubernetes when a pod may get traffic (readiness) and when it must be restarted (liveness).
import { isDeepStrictEqual } from 'node:util';
import { Service } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { objectsOfKind } from '../cluster-view';
import { compliantApp, replacing, without } from '../fixtures/app';
import { batchContainer, deployment, servingContainer } from '../fixtures/workloads';
import { namespaceOf, type PolicyObject } from '../manifest';
import { mapSelectorMatches } from '../selectors';
import type { PolicyRule, RuleContext } from '../types';
import { containerProblems, LONG_RUNNING_KINDS, podLabelsOf, POD_CONTROLLER_KINDS } from '../workloads';

function isServed(ctx: RuleContext, workload: PolicyObject): boolean {
  const labels = podLabelsOf(workload.manifest);
  return objectsOfKind(ctx, 'Service', namespaceOf(workload)).some(
    ({ manifest }) => Service.is(manifest) && mapSelectorMatches(manifest.spec?.selector, labels),
  );
}

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
    id: 'readiness-probe-when-served',
    checkIds: [
      'kube-score:pod-probes',
      'kube-linter:no-readiness-probe',
      'polaris:readinessProbeMissing',
      'CKV_K8S_9',
    ],
    kinds: POD_CONTROLLER_KINDS,
    description: 'Every container of a pod that a Service selects has a readiness probe.',
    check: (object, ctx) =>
      isServed(ctx, object)
        ? containerProblems(object.manifest, ({ container, init, label }) =>
            init || container.readinessProbe !== undefined
              ? undefined
              : `${label} has no readinessProbe but a Service sends it traffic`,
          )
        : [],
    good: [
      { name: 'served and probed', objects: compliantApp() },
      {
        name: 'not served, no probe needed',
        objects: without(
          replacing(compliantApp(), deployment({ container: { readinessProbe: undefined } })),
          'Service',
        ),
      },
    ],
    bad: [
      {
        name: 'served without readiness',
        objects: replacing(compliantApp(), deployment({ container: { readinessProbe: undefined } })),
      },
      {
        name: 'sidecar without readiness',
        objects: replacing(
          compliantApp(),
          deployment({ pod: { containers: [servingContainer(), batchContainer('proxy')] } }),
        ),
      },
    ],
  },
  {
    id: 'liveness-probe',
    checkIds: ['kube-linter:no-liveness-probe', 'polaris:livenessProbeMissing', 'CKV_K8S_8'],
    kinds: LONG_RUNNING_KINDS,
    description: 'Every container of a long-running workload has a liveness probe.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, init, label }) =>
        init || container.livenessProbe !== undefined ? undefined : `${label} has no livenessProbe`,
      ),
    good: [{ name: 'liveness set', objects: compliantApp() }],
    bad: [
      {
        name: 'no liveness',
        objects: replacing(compliantApp(), deployment({ container: { livenessProbe: undefined } })),
      },
      {
        name: 'unserved workload without liveness',
        objects: without(
          replacing(compliantApp(), deployment({ container: { livenessProbe: undefined } })),
          'Service',
        ),
      },
    ],
  },
  {
    id: 'liveness-differs-from-readiness',
    checkIds: ['kube-score:pod-probes-identical'],
    kinds: LONG_RUNNING_KINDS,
    // Identical probes fail together: a slow dependency then restarts every pod instead of draining it.
    description:
      'A container whose liveness and readiness probes are both set does not use identical probes.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) =>
        container.livenessProbe !== undefined &&
        isDeepStrictEqual(container.livenessProbe, container.readinessProbe)
          ? `${label} has identical liveness and readiness probes`
          : undefined,
      ),
    good: [{ name: 'different paths and thresholds', objects: compliantApp() }],
    bad: [
      {
        name: 'same probe twice',
        objects: replacing(
          compliantApp(),
          deployment({
            container: { livenessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 } },
          }),
        ),
      },
    ],
  },
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
