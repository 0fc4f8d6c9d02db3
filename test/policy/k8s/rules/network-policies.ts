// Every pod is isolated in both directions, and every policy and peer selector hits real pods.
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';
import { podTemplatesIn } from '../cluster-view';
import { allowWebSpec, compliantApp, networkPolicy, replacing } from '../fixtures/app';
import { namespaceOf, type PolicyObject } from '../manifest';
import { labelSelectorMatches, type LabelSelector } from '../selectors';
import type { PolicyRule, RuleContext } from '../types';

function specOf(object: PolicyObject): INetworkPolicySpec | undefined {
  return NetworkPolicy.is(object.manifest) ? object.manifest.spec : undefined;
}

function selectsAnyPod(ctx: RuleContext, namespace: string, selector: LabelSelector): boolean {
  return podTemplatesIn(ctx, namespace).some((template) => labelSelectorMatches(selector, template.labels));
}

export const networkPolicyRules: readonly PolicyRule[] = [
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
