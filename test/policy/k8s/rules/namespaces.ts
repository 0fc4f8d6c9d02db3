// Namespaces are explicit, rendered, and enforce a Pod Security Standards level.
import { compliantApp, namespace, replacing, without } from '../fixtures/app';
import { deployment } from '../fixtures/workloads';
import { nameOf, namespaceOf, type PolicyObject } from '../manifest';
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

function declaredNamespace(object: PolicyObject): string | undefined {
  return object.manifest.metadata.namespace;
}

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
    id: 'explicit-namespace',
    checkIds: ['kube-linter:use-namespace', 'CKV_K8S_21'],
    kinds: NAMESPACED_KINDS,
    // Argo CD would otherwise apply the object into whatever namespace its Application defaults to.
    description:
      'Every namespaced object sets metadata.namespace, never "default", matching the folder it is rendered in.',
    check: (object) => {
      const declared = declaredNamespace(object);
      if (declared === undefined) return ['does not set metadata.namespace'];
      if (declared === 'default') return ['lives in the "default" namespace'];
      return declared === object.folder
        ? []
        : [`declares namespace ${declared} but is rendered in folder ${object.folder}/`];
    },
    good: [{ name: 'namespace set', objects: compliantApp() }],
    bad: [
      {
        name: 'no namespace',
        objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } }],
      },
      { name: 'default namespace', objects: [deployment({ namespace: 'default' })] },
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
