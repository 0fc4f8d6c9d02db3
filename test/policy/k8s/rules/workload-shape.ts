// Workloads select their own pods and StatefulSets have the headless Service that gives pods stable names.
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { Service } from 'kubernetes-models/v1/Service';
import { findObject } from '../cluster-view';
import { compliantApp, replacing, service } from '../fixtures/app';
import { deployment, rollout, statefulSet } from '../fixtures/workloads';
import { namespaceOf, type Manifest } from '../manifest';
import { isEmptySelector, labelSelectorMatches, mapSelectorMatches, type LabelSelector } from '../selectors';
import type { PolicyRule } from '../types';
import { podLabelsOf } from '../workloads';

function workloadSelector(manifest: Manifest): LabelSelector | undefined {
  if (Deployment.is(manifest) || StatefulSet.is(manifest) || DaemonSet.is(manifest))
    return manifest.spec?.selector;
  if (Rollout.is(manifest)) return manifest.spec.selector;
  return undefined;
}

const headless = service('web-headless', {
  clusterIP: 'None',
  ports: [{ name: 'http', port: 8080, targetPort: 'http' }],
});

export const workloadShapeRules: readonly PolicyRule[] = [
  {
    id: 'selector-matches-pod-labels',
    checkIds: [
      'kube-score:deployment-pod-selector-labels-match-template-metadata-labels',
      'kube-score:statefulset-pod-selector-labels-match-template-metadata-labels',
      'kube-linter:mismatching-selector',
    ],
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout'],
    // The API server rejects a mismatch, but only at sync time; an empty selector would adopt foreign pods.
    description: "A workload's selector is not empty and matches its own pod template labels.",
    check: ({ manifest }) => {
      const selector = workloadSelector(manifest);
      if (selector === undefined || isEmptySelector(selector)) return ['has no pod selector'];
      return labelSelectorMatches(selector, podLabelsOf(manifest))
        ? []
        : ['selector does not match its pod template labels'];
    },
    good: [
      { name: 'Deployment', objects: compliantApp() },
      { name: 'Rollout', objects: compliantApp(rollout()) },
    ],
    bad: [
      {
        name: 'labels drifted from the selector',
        objects: replacing(compliantApp(), deployment({ selector: { matchLabels: { app: 'api' } } })),
      },
      {
        name: 'empty selector',
        objects: replacing(compliantApp(), deployment({ selector: { matchLabels: {} } })),
      },
    ],
  },
  {
    id: 'statefulset-headless-service',
    checkIds: ['kube-score:statefulset-has-servicename'],
    kinds: ['StatefulSet'],
    description:
      'A StatefulSet names, in serviceName, a rendered headless Service (clusterIP: None) that selects its pods.',
    check: (object, ctx) => {
      const manifest = object.manifest;
      if (!StatefulSet.is(manifest)) return [];
      const name = manifest.spec?.serviceName;
      if (name === undefined || name === '') return ['does not set serviceName'];
      const target = findObject(ctx, 'Service', namespaceOf(object), name);
      if (target === undefined || !Service.is(target.manifest))
        return [`serviceName "${name}" is not a rendered Service`];
      if (target.manifest.spec?.clusterIP !== 'None')
        return [`Service "${name}" is not headless (clusterIP: None)`];
      return mapSelectorMatches(target.manifest.spec.selector, podLabelsOf(manifest))
        ? []
        : [`Service "${name}" does not select the StatefulSet's pods`];
    },
    good: [{ name: 'headless Service', objects: [...compliantApp(statefulSet()), headless] }],
    bad: [
      { name: 'Service missing', objects: compliantApp(statefulSet()) },
      { name: 'Service not headless', objects: [...compliantApp(statefulSet()), service('web-headless')] },
    ],
  },
];
