// Each workload runs as its own ServiceAccount and gets an API token only when it needs to call the API.
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { findObject } from '../cluster-view';
import { compliantApp, compliantBatch, replacing, serviceAccount, without } from '../fixtures/app';
import { cronJob, deployment } from '../fixtures/workloads';
import { namespaceOf, type Manifest, type PolicyObject } from '../manifest';
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

function apiAccessReason(account: Manifest | undefined): string | undefined {
  const reason = account?.metadata.annotations?.[API_ACCESS_ANNOTATION]?.trim();
  return reason === '' ? undefined : reason;
}

const apiUser = serviceAccount('web', {
  annotations: { [API_ACCESS_ANNOTATION]: 'reads Leases for leader election' },
});

export const serviceAccountRules: readonly PolicyRule[] = [
  {
    id: 'service-account-token-only-for-api-access',
    checkIds: ['polaris:automountServiceAccountToken', 'CKV_K8S_38', 'KSV036'],
    kinds,
    description:
      `Pods mount a service account token only when their ServiceAccount carries the ${API_ACCESS_ANNOTATION} ` +
      'annotation; otherwise the pod (or its ServiceAccount) sets automountServiceAccountToken: false.',
    check: (object, ctx) => {
      const account = podServiceAccount(ctx, object);
      const pod = podSpecOf(object.manifest);
      const accountSetting =
        account !== undefined && ServiceAccount.is(account.manifest)
          ? account.manifest.automountServiceAccountToken
          : undefined;
      // The pod's field wins over the ServiceAccount's; the API default is to mount.
      const mounted = pod?.automountServiceAccountToken ?? accountSetting ?? true;
      if (!mounted || apiAccessReason(account?.manifest) !== undefined) return [];
      return [
        `pod mounts a service account token but ServiceAccount "${serviceAccountNameOf(object) ?? 'default'}" has no ` +
          `${API_ACCESS_ANNOTATION} annotation: set automountServiceAccountToken: false or annotate why it calls the API`,
      ];
    },
    good: [
      { name: 'token not mounted', objects: compliantApp() },
      {
        name: 'annotated API user mounts its token',
        objects: replacing(
          compliantApp(),
          apiUser,
          deployment({ pod: { automountServiceAccountToken: true } }),
        ),
      },
    ],
    bad: [
      {
        name: 'pod mounts a token',
        objects: replacing(compliantApp(), deployment({ pod: { automountServiceAccountToken: true } })),
      },
      {
        name: 'left to the API default',
        objects: replacing(
          compliantApp(),
          serviceAccount('web', {}),
          deployment({ pod: { automountServiceAccountToken: undefined } }),
        ),
      },
      {
        name: 'empty reason',
        objects: replacing(
          compliantApp(),
          serviceAccount('web', { annotations: { [API_ACCESS_ANNOTATION]: ' ' } }),
          deployment({ pod: { automountServiceAccountToken: true } }),
        ),
      },
    ],
  },
  {
    id: 'service-account-automount-disabled',
    checkIds: ['CKV_K8S_41'],
    kinds: ['ServiceAccount'],
    // Defence in depth: a pod added later on this account does not get a token by default either.
    description: `ServiceAccounts without the ${API_ACCESS_ANNOTATION} annotation set automountServiceAccountToken: false.`,
    check: ({ manifest }) =>
      ServiceAccount.is(manifest) &&
      manifest.automountServiceAccountToken !== false &&
      apiAccessReason(manifest) === undefined
        ? [
            'ServiceAccount does not set automountServiceAccountToken: false and is not annotated as an API user',
          ]
        : [],
    good: [
      { name: 'automount off', objects: [serviceAccount()] },
      { name: 'annotated API user', objects: [apiUser] },
    ],
    bad: [
      { name: 'automount left to the API default', objects: [serviceAccount('web', {})] },
      { name: 'automount on', objects: [serviceAccount('web', { automount: true })] },
    ],
  },
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
