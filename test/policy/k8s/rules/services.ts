// Services reach real pods on declared ports, stay inside the cluster, and Ingresses serve TLS to real Services.
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Service } from 'kubernetes-models/v1/Service';
import { podTemplatesIn, type PodTemplateRef } from '../cluster-view';
import { compliantApp, ingress, replacing, service } from '../fixtures/app';
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

export const serviceRules: readonly PolicyRule[] = [
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
];
