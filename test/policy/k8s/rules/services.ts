// Services reach real pods on declared ports, stay inside the cluster, and Ingresses serve TLS to real Services.
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IIngressBackend } from 'kubernetes-models/networking.k8s.io/v1/IngressBackend';
import { Service } from 'kubernetes-models/v1/Service';
import type { IServicePort } from 'kubernetes-models/v1/ServicePort';
import { findObject, podTemplatesIn, type PodTemplateRef } from '../cluster-view';
import { compliantApp, ingress, replacing, service, without } from '../fixtures/app';
import { namespaceOf, type PolicyObject } from '../manifest';
import { mapSelectorMatches } from '../selectors';
import type { PolicyRule, RuleContext } from '../types';
import { containersOf } from '../workloads';

function selectedPods(ctx: RuleContext, object: PolicyObject): PodTemplateRef[] {
  if (!Service.is(object.manifest)) return [];
  const selector = object.manifest.spec?.selector;
  return podTemplatesIn(ctx, namespaceOf(object)).filter((pod) => mapSelectorMatches(selector, pod.labels));
}

function podDeclares(pod: PodTemplateRef, port: number | string): boolean {
  return containersOf(pod.spec).some(({ container }) =>
    (container.ports ?? []).some((declared) =>
      typeof port === 'number' ? declared.containerPort === port : declared.name === port,
    ),
  );
}

/** A wildcard certificate ("*.example.com") covers exactly one extra label, as in TLS. */
function hostCovered(host: string, tlsHosts: readonly string[]): boolean {
  return tlsHosts.some((tlsHost) => {
    if (!tlsHost.startsWith('*.')) return tlsHost === host;
    const suffix = tlsHost.slice(1);
    const label = host.slice(0, -suffix.length);
    return host.endsWith(suffix) && label !== '' && !label.includes('.');
  });
}

function backendsOf(object: PolicyObject): IIngressBackend[] {
  if (!Ingress.is(object.manifest)) return [];
  const spec = object.manifest.spec;
  const paths = (spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
  return [
    ...(spec?.defaultBackend === undefined ? [] : [spec.defaultBackend]),
    ...paths.map((path) => path.backend),
  ];
}

function servicePorts(ctx: RuleContext, namespace: string, name: string): IServicePort[] | undefined {
  const target = findObject(ctx, 'Service', namespace, name);
  return target !== undefined && Service.is(target.manifest)
    ? (target.manifest.spec?.ports ?? [])
    : undefined;
}

export const serviceRules: readonly PolicyRule[] = [
  {
    id: 'service-selects-pods',
    checkIds: ['kube-score:service-targets-pod', 'kube-linter:dangling-service'],
    kinds: ['Service'],
    // A Service without a selector is deliberate (ExternalName, hand-managed endpoints) and is left alone.
    description: 'A Service with a selector selects the pods of at least one rendered workload.',
    check: (object, ctx) => {
      const selector = Service.is(object.manifest) ? object.manifest.spec?.selector : undefined;
      if (selector === undefined || selectedPods(ctx, object).length > 0) return [];
      return [`selector ${JSON.stringify(selector)} matches no pod in namespace ${namespaceOf(object)}`];
    },
    good: [
      { name: 'selects web', objects: compliantApp() },
      {
        name: 'ExternalName without selector',
        objects: [
          service('db', {
            type: 'ExternalName',
            externalName: 'db.internal',
            selector: undefined,
            ports: [],
          }),
        ],
      },
    ],
    bad: [
      {
        name: 'label typo',
        objects: replacing(compliantApp(), service('web', { selector: { app: 'wbe' } })),
      },
    ],
  },
  {
    id: 'service-targets-declared-ports',
    checkIds: [],
    kinds: ['Service'],
    description: 'Every Service port forwards to a port (number or name) the selected pods declare.',
    check: (object, ctx) => {
      const pods = selectedPods(ctx, object);
      if (!Service.is(object.manifest) || pods.length === 0) return [];
      return (object.manifest.spec?.ports ?? [])
        .filter((port) => !pods.some((pod) => podDeclares(pod, port.targetPort ?? port.port)))
        .map(
          (port) =>
            `port ${port.name ?? port.port} targets ${port.targetPort ?? port.port}, which the selected pods do not declare`,
        );
    },
    good: [
      { name: 'named target port', objects: compliantApp() },
      {
        name: 'numbered target port',
        objects: replacing(
          compliantApp(),
          service('web', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
        ),
      },
    ],
    bad: [
      {
        name: 'target port name typo',
        objects: replacing(
          compliantApp(),
          service('web', { ports: [{ name: 'http', port: 80, targetPort: 'htpp' }] }),
        ),
      },
      {
        name: 'defaults to port 80, pods listen on 8080',
        objects: replacing(compliantApp(), service('web', { ports: [{ name: 'http', port: 80 }] })),
      },
    ],
  },
  {
    id: 'service-type-not-node-port',
    checkIds: ['kube-score:service-type'],
    kinds: ['Service'],
    description: 'No Service is of type NodePort: traffic enters through the ingress controller.',
    check: ({ manifest }) =>
      Service.is(manifest) && manifest.spec?.type === 'NodePort' ? ['is of type NodePort'] : [],
    good: [{ name: 'ClusterIP', objects: compliantApp() }],
    bad: [{ name: 'NodePort', objects: replacing(compliantApp(), service('web', { type: 'NodePort' })) }],
  },
  {
    id: 'ingress-tls',
    checkIds: ['polaris:tlsSettingsMissing'],
    kinds: ['Ingress'],
    description: 'An Ingress terminates TLS for every host it routes (spec.tls lists each rule host).',
    check: ({ manifest }) => {
      if (!Ingress.is(manifest)) return [];
      const tlsHosts = (manifest.spec?.tls ?? []).flatMap((tls) => tls.hosts ?? []);
      if (tlsHosts.length === 0) return ['has no spec.tls: every host must be served over HTTPS'];
      return (manifest.spec?.rules ?? [])
        .map((rule) => rule.host ?? '')
        .filter((host) => !hostCovered(host, tlsHosts))
        .map((host) => `routes host "${host || '*'}" without a TLS entry for it`);
    },
    good: [
      { name: 'host covered', objects: [ingress()] },
      {
        name: 'wildcard certificate',
        objects: [ingress({ tls: [{ hosts: ['*.skillforge.example'], secretName: 'wildcard-tls' }] })],
      },
    ],
    bad: [
      { name: 'no tls', objects: [ingress({ tls: undefined })] },
      {
        name: 'tls for another host',
        objects: [ingress({ tls: [{ hosts: ['api.skillforge.example'], secretName: 'api-tls' }] })],
      },
      {
        name: 'wildcard does not cover two labels',
        objects: [ingress({ tls: [{ hosts: ['*.example'], secretName: 'tls' }] })],
      },
    ],
  },
  {
    id: 'ingress-targets-service',
    checkIds: ['kube-score:ingress-targets-service', 'kube-linter:dangling-ingress'],
    kinds: ['Ingress'],
    description: 'Every Ingress backend names a rendered Service in the same namespace and one of its ports.',
    check: (object, ctx) =>
      backendsOf(object).flatMap(({ service: backend }) => {
        if (backend === undefined) return [];
        const ports = servicePorts(ctx, namespaceOf(object), backend.name);
        if (ports === undefined)
          return [`backend Service "${backend.name}" is not rendered in namespace ${namespaceOf(object)}`];
        const { name, number } = backend.port ?? {};
        const found = ports.some((port) => (name !== undefined ? port.name === name : port.port === number));
        return found ? [] : [`backend Service "${backend.name}" has no port ${name ?? number ?? '(unset)'}`];
      }),
    good: [{ name: 'named port of a rendered Service', objects: compliantApp() }],
    bad: [
      { name: 'Service missing', objects: without(compliantApp(), 'Service') },
      {
        name: 'port missing',
        objects: replacing(
          compliantApp(),
          service('web', { ports: [{ name: 'metrics', port: 9090, targetPort: 'http' }] }),
        ),
      },
    ],
  },
];
