// Namespaces are explicit, rendered, and enforce a Pod Security Standards level.
import { compliantApp, namespace, replacing, without } from '../fixtures/app';
import { deployment } from '../fixtures/workloads';
import { nameOf, namespaceOf } from '../manifest';
import type { PolicyRule } from '../types';

export const PSS_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
const PSS_LEVELS = ['restricted', 'baseline', 'privileged'];

/** Kinds the tree renders that live in a namespace (cluster-scoped ones are left out on purpose). */
export const NAMESPACED_KINDS = [
  'ResourceQuota',
  'LimitRange',
  'ConfigMap',
  'Secret',
  'Service',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'Ingress',
  'Role',
  'RoleBinding',
  'Rollout',
  'AnalysisTemplate',
  'ScaledObject',
  'TriggerAuthentication',
  'ExternalSecret',
  'SecretStore',
  'ServiceMonitor',
  'PodMonitor',
  'PrometheusRule',
  'Probe',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'DestinationRule',
  'VirtualService',
  'ServiceEntry',
  'Issuer',
  'Certificate',
];

export const namespaceRules: readonly PolicyRule[] = [
  {
    id: 'namespace-pod-security-enforce',
    checkIds: [],
    kinds: ['Namespace'],
    // The admission controller then rejects pods weaker than the level, whatever a chart renders later.
    description: `Every Namespace carries the ${PSS_ENFORCE_LABEL} label with a Pod Security Standards level.`,
    check: ({ manifest }) => {
      const level = manifest.metadata.labels?.[PSS_ENFORCE_LABEL];
      if (level === undefined) return [`has no ${PSS_ENFORCE_LABEL} label`];
      return PSS_LEVELS.includes(level)
        ? []
        : [`${PSS_ENFORCE_LABEL} is "${level}": expected one of ${PSS_LEVELS.join(', ')}`];
    },
    good: [
      { name: 'restricted', objects: [namespace()] },
      { name: 'baseline for the ingress controller', objects: [namespace('platform', 'baseline')] },
    ],
    bad: [
      { name: 'no label', objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'api' } }] },
      { name: 'misspelled level', objects: [namespace('api', 'restriced')] },
    ],
  },
  {
    id: 'namespace-is-rendered',
    checkIds: [],
    kinds: NAMESPACED_KINDS,
    description: "Every namespaced object's namespace is rendered as a Namespace in the same environment.",
    check: (object, ctx) => {
      const target = namespaceOf(object);
      const rendered = ctx.objects.some(
        (candidate) => candidate.manifest.kind === 'Namespace' && nameOf(candidate) === target,
      );
      return rendered ? [] : [`namespace ${target} is not rendered`];
    },
    good: [{ name: 'api namespace rendered', objects: compliantApp() }],
    bad: [
      { name: 'namespace missing', objects: without(compliantApp(), 'Namespace') },
      { name: 'namespace misspelled', objects: replacing(compliantApp(), deployment({ namespace: 'apis' })) },
    ],
  },
];
