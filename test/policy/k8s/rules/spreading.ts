// Replicas of one workload land in different zones and on different nodes, so one failure takes out one replica.
import { minimumReplicas } from '../cluster-view';
import { compliantApp, replacing, without } from '../fixtures/app';
import { deployment, HOSTNAME_KEY, rollout, statefulSet, ZONE_KEY } from '../fixtures/workloads';
import type { PolicyObject } from '../manifest';
import { labelSelectorMatches, type LabelSelector } from '../selectors';
import type { PolicyRule, RuleContext } from '../types';
import { podLabelsOf, podSpecOf, REPLICATED_KINDS } from '../workloads';

/** A term only spreads this workload if its selector matches the workload's own pods. */
function selectsOwnPods(object: PolicyObject, selector: LabelSelector | undefined): boolean {
  return selector !== undefined && labelSelectorMatches(selector, podLabelsOf(object.manifest));
}

function isMultiReplica(ctx: RuleContext, object: PolicyObject): boolean {
  return minimumReplicas(ctx, object) >= 2;
}

const otherSelector = { matchLabels: { app: 'other' } };

export const spreadingRules: readonly PolicyRule[] = [
  {
    id: 'zone-topology-spread',
    checkIds: ['kube-score:pod-topology-spread-constraints', 'polaris:topologySpreadConstraint'],
    kinds: REPLICATED_KINDS,
    description: `A multi-replica workload spreads its own pods across ${ZONE_KEY} with a topologySpreadConstraint.`,
    check: (object, ctx) => {
      if (!isMultiReplica(ctx, object)) return [];
      const constraints = podSpecOf(object.manifest)?.topologySpreadConstraints ?? [];
      const spreads = constraints.some(
        (constraint) =>
          constraint.topologyKey === ZONE_KEY && selectsOwnPods(object, constraint.labelSelector),
      );
      return spreads ? [] : [`has no topologySpreadConstraint on ${ZONE_KEY} selecting its own pods`];
    },
    good: [
      { name: 'zone spread', objects: compliantApp() },
      {
        name: 'single replica needs no spreading',
        objects: without(
          replacing(compliantApp(), deployment({ pod: { topologySpreadConstraints: [] } })),
          'HorizontalPodAutoscaler',
        ),
      },
    ],
    bad: [
      {
        name: 'no constraint',
        objects: replacing(compliantApp(), deployment({ pod: { topologySpreadConstraints: [] } })),
      },
      {
        name: 'hostname only',
        objects: compliantApp(
          rollout({
            pod: {
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: HOSTNAME_KEY,
                  whenUnsatisfiable: 'ScheduleAnyway',
                  labelSelector: { matchLabels: { app: 'web' } },
                },
              ],
            },
          }),
        ),
      },
      {
        name: 'selector matches other pods',
        objects: replacing(
          compliantApp(),
          deployment({
            pod: {
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: ZONE_KEY,
                  whenUnsatisfiable: 'DoNotSchedule',
                  labelSelector: otherSelector,
                },
              ],
            },
          }),
        ),
      },
    ],
  },
  {
    id: 'hostname-anti-affinity',
    checkIds: [
      'kube-score:deployment-has-host-podantiaffinity',
      'kube-score:statefulset-has-host-podantiaffinity',
      'kube-linter:no-anti-affinity',
    ],
    kinds: REPLICATED_KINDS,
    description: `A multi-replica workload has pod anti-affinity on ${HOSTNAME_KEY} against its own pods (required or preferred).`,
    check: (object, ctx) => {
      if (!isMultiReplica(ctx, object)) return [];
      const antiAffinity = podSpecOf(object.manifest)?.affinity?.podAntiAffinity;
      const terms = [
        ...(antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
          (weighted) => weighted.podAffinityTerm,
        ),
      ];
      const spreads = terms.some(
        (term) => term.topologyKey === HOSTNAME_KEY && selectsOwnPods(object, term.labelSelector),
      );
      return spreads ? [] : [`has no pod anti-affinity on ${HOSTNAME_KEY} selecting its own pods`];
    },
    good: [
      { name: 'preferred anti-affinity', objects: compliantApp() },
      {
        name: 'required anti-affinity on a StatefulSet',
        objects: compliantApp(
          statefulSet({
            pod: {
              affinity: {
                podAntiAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: [
                    { topologyKey: HOSTNAME_KEY, labelSelector: { matchLabels: { app: 'web' } } },
                  ],
                },
              },
            },
          }),
        ),
      },
    ],
    bad: [
      {
        name: 'no affinity',
        objects: replacing(compliantApp(), deployment({ pod: { affinity: undefined } })),
      },
      {
        name: 'anti-affinity against other pods',
        objects: replacing(
          compliantApp(),
          deployment({
            pod: {
              affinity: {
                podAntiAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: [
                    { topologyKey: HOSTNAME_KEY, labelSelector: otherSelector },
                  ],
                },
              },
            },
          }),
        ),
      },
      {
        name: 'zone instead of hostname',
        objects: replacing(
          compliantApp(),
          deployment({
            pod: {
              affinity: {
                podAntiAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: [
                    { topologyKey: ZONE_KEY, labelSelector: { matchLabels: { app: 'web' } } },
                  ],
                },
              },
            },
          }),
        ),
      },
    ],
  },
];
