// Every pod is isolated in both directions, and every policy and peer selector hits real pods.
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';
import { objectsOfKind, podTemplatesIn } from '../cluster-view';
import {
  allowWebSpec,
  compliantApp,
  compliantBatch,
  defaultDeny,
  networkPolicy,
  replacing,
  without,
} from '../fixtures/app';
import { namespaceOf, type PolicyObject } from '../manifest';
import { isEmptySelector, labelSelectorMatches, type LabelSelector } from '../selectors';
import type { PolicyRule, RuleContext } from '../types';
import { podLabelsOf, POD_CONTROLLER_KINDS } from '../workloads';

function specOf(object: PolicyObject): INetworkPolicySpec | undefined {
  return NetworkPolicy.is(object.manifest) ? object.manifest.spec : undefined;
}

/** policyTypes as the API server defaults them: Ingress always, Egress when egress rules are present. */
function policyTypesOf(spec: INetworkPolicySpec): string[] {
  return spec.policyTypes ?? ['Ingress', ...(spec.egress === undefined ? [] : ['Egress'])];
}

/** An absent podSelector behaves like {} (every pod in the namespace). */
function podSelectorOf(spec: INetworkPolicySpec): LabelSelector {
  return spec.podSelector ?? {};
}

function selectsAnyPod(ctx: RuleContext, namespace: string, selector: LabelSelector): boolean {
  return podTemplatesIn(ctx, namespace).some((template) => labelSelectorMatches(selector, template.labels));
}

const ingressOnlyDefault = networkPolicy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] });

export const networkPolicyRules: readonly PolicyRule[] = [
  {
    id: 'pod-isolated-both-directions',
    checkIds: [
      'kube-score:pod-networkpolicy',
      'kube-linter:non-isolated-pod',
      'polaris:missingNetworkPolicy',
      'KSV038',
    ],
    kinds: POD_CONTROLLER_KINDS,
    description: 'Every pod is selected by NetworkPolicies that together cover both Ingress and Egress.',
    check: (object, ctx) => {
      const labels = podLabelsOf(object.manifest);
      const covered = new Set(
        objectsOfKind(ctx, 'NetworkPolicy', namespaceOf(object))
          .flatMap((policy) => specOf(policy) ?? [])
          .filter((spec) => labelSelectorMatches(podSelectorOf(spec), labels))
          .flatMap(policyTypesOf),
      );
      const missing = ['Ingress', 'Egress'].filter((type) => !covered.has(type));
      return missing.length === 0
        ? []
        : [`pods are not isolated for ${missing.join(' and ')}: no NetworkPolicy selecting them covers it`];
    },
    good: [
      { name: 'namespace default deny', objects: compliantBatch() },
      { name: 'default deny plus allow rules', objects: compliantApp() },
    ],
    bad: [
      { name: 'no policy', objects: without(compliantApp(), 'NetworkPolicy') },
      {
        name: 'ingress only',
        objects: without(replacing(compliantApp(), ingressOnlyDefault), 'NetworkPolicy', 'web'),
      },
      {
        name: 'policy selects other pods',
        objects: [
          ...without(compliantBatch(), 'NetworkPolicy'),
          networkPolicy('other', {
            podSelector: { matchLabels: { app: 'other' } },
            policyTypes: ['Ingress', 'Egress'],
          }),
        ],
      },
    ],
  },
  {
    id: 'network-policy-selects-pods',
    checkIds: ['kube-score:networkpolicy-targets-pod', 'kube-linter:dangling-networkpolicy'],
    kinds: ['NetworkPolicy'],
    // An empty podSelector selects every pod the namespace will ever run, including pods that Helm charts
    // install through Argo CD and that are not rendered here; it has no label to mistype, so it always counts.
    description:
      'Every NetworkPolicy selects at least one rendered pod in its namespace (a namespace-wide {} selector counts).',
    check: (object, ctx) => {
      const spec = specOf(object);
      if (spec === undefined || isEmptySelector(podSelectorOf(spec))) return [];
      if (selectsAnyPod(ctx, namespaceOf(object), podSelectorOf(spec))) return [];
      return [
        `podSelector ${JSON.stringify(podSelectorOf(spec))} selects no pod in namespace ${namespaceOf(object)}`,
      ];
    },
    good: [
      { name: 'selects web pods', objects: compliantApp() },
      { name: 'namespace-wide default deny without rendered pods', objects: [defaultDeny] },
    ],
    bad: [
      {
        name: 'label typo',
        objects: replacing(
          compliantApp(),
          networkPolicy('web', { ...allowWebSpec, podSelector: { matchLabels: { app: 'wbe' } } }),
        ),
      },
      {
        name: 'expression matching no pod',
        objects: replacing(
          compliantApp(),
          networkPolicy('web', {
            ...allowWebSpec,
            podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] },
          }),
        ),
      },
    ],
  },
  {
    id: 'network-policy-peers-select-pods',
    checkIds: ['kube-linter:dangling-networkpolicypeer-podselector'],
    kinds: ['NetworkPolicy'],
    // A peer with only a podSelector means "pods of this namespace"; if it matches none the rule allows nothing.
    description:
      'A same-namespace peer (podSelector without namespaceSelector) in a NetworkPolicy rule matches pods.',
    check: (object, ctx) => {
      const spec = specOf(object);
      const peers = [
        ...(spec?.ingress ?? []).flatMap((rule) => rule.from ?? []),
        ...(spec?.egress ?? []).flatMap((rule) => rule.to ?? []),
      ];
      return peers
        .filter((peer) => peer.namespaceSelector === undefined && peer.podSelector !== undefined)
        .filter((peer) => !selectsAnyPod(ctx, namespaceOf(object), peer.podSelector ?? {}))
        .map(
          (peer) =>
            `peer podSelector ${JSON.stringify(peer.podSelector)} matches no pod in namespace ${namespaceOf(object)}`,
        );
    },
    good: [
      { name: 'namespace peers only', objects: compliantApp() },
      {
        name: 'same-namespace peer that exists',
        objects: replacing(
          compliantApp(),
          networkPolicy('web', {
            ...allowWebSpec,
            egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
          }),
        ),
      },
    ],
    bad: [
      {
        name: 'egress to a pod label nobody has',
        objects: replacing(
          compliantApp(),
          networkPolicy('web', {
            ...allowWebSpec,
            egress: [{ to: [{ podSelector: { matchLabels: { app: 'redis' } } }] }],
          }),
        ),
      },
    ],
  },
];
