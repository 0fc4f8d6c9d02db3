// Each workload runs as its own ServiceAccount and gets an API token only when it needs to call the API.
import { findObject } from '../cluster-view';
import { compliantApp, compliantBatch, replacing, without } from '../fixtures/app';
import { cronJob, deployment } from '../fixtures/workloads';
import { namespaceOf, type PolicyObject } from '../manifest';
import type { PolicyRule, RuleContext } from '../types';
import { podSpecOf, POD_CONTROLLER_KINDS } from '../workloads';

/**
 * The one way to say a workload talks to the Kubernetes API (leader election, operators): annotate its
 * ServiceAccount with the reason. Only then may its pods mount a token. Example:
 *   metadata.annotations["skillforge.io/kubernetes-api-access"]: "reads Leases for leader election"
 */
export const API_ACCESS_ANNOTATION = 'skillforge.io/kubernetes-api-access';

const kinds = POD_CONTROLLER_KINDS;

function serviceAccountNameOf(object: PolicyObject): string | undefined {
  const pod = podSpecOf(object.manifest);
  // `serviceAccount` is the deprecated alias the API server still honours.
  return pod?.serviceAccountName ?? pod?.serviceAccount;
}

function podServiceAccount(ctx: RuleContext, object: PolicyObject): PolicyObject | undefined {
  const name = serviceAccountNameOf(object) ?? 'default';
  return findObject(ctx, 'ServiceAccount', namespaceOf(object), name);
}

export const serviceAccountRules: readonly PolicyRule[] = [
  {
    id: 'dedicated-service-account',
    checkIds: ['kube-linter:default-service-account'],
    kinds,
    description:
      'Pods name their own ServiceAccount (IRSA and RBAC are granted per workload), never "default".',
    check: (object) => {
      const name = serviceAccountNameOf(object);
      if (name === undefined) return ['pod does not set serviceAccountName and runs as "default"'];
      return name === 'default' ? ['pod runs as the "default" ServiceAccount'] : [];
    },
    good: [{ name: 'own account', objects: compliantApp() }],
    bad: [
      {
        name: 'no serviceAccountName',
        objects: replacing(compliantBatch(), cronJob({ pod: { serviceAccountName: undefined } })),
      },
      {
        name: 'explicit default',
        objects: replacing(compliantApp(), deployment({ pod: { serviceAccountName: 'default' } })),
      },
    ],
  },
  {
    id: 'service-account-exists',
    checkIds: ['kube-linter:non-existent-service-account'],
    kinds,
    description: 'The ServiceAccount a pod runs as is rendered in the same namespace.',
    check: (object, ctx) => {
      const name = serviceAccountNameOf(object);
      if (name === undefined || podServiceAccount(ctx, object) !== undefined) return [];
      return [`ServiceAccount "${name}" is not rendered in namespace ${namespaceOf(object)}`];
    },
    good: [{ name: 'account rendered', objects: compliantApp() }],
    bad: [
      { name: 'account missing', objects: without(compliantApp(), 'ServiceAccount') },
      {
        name: 'account misspelled',
        objects: replacing(compliantApp(), deployment({ pod: { serviceAccountName: 'wbe' } })),
      },
    ],
  },
];
