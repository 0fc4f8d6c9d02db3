// Namespace RBAC for the identity-provider groups of the model (runbook §1.3 SOC 2): people read, Argo CD writes.
// A narrowly scoped extra Role covers each runbook step that must act by hand.
import { Construct } from 'constructs';
import { KubeRole, KubeRoleBinding, type PolicyRule } from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

/** Everything a responder reads while diagnosing, Secrets excluded (their values stay in Secrets Manager). */
export const READ_ONLY_RULES: readonly PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/log',
      'services',
      'endpoints',
      'configmaps',
      'events',
      'serviceaccounts',
      'persistentvolumeclaims',
      'resourcequotas',
      'limitranges',
    ],
    verbs: ['get', 'list', 'watch'],
  },
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'replicasets', 'statefulsets'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ['get', 'list', 'watch'] },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'networkpolicies'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: ['argoproj.io'], resources: ['rollouts', 'analysisruns'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['keda.sh'], resources: ['scaledobjects'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['external-secrets.io'], resources: ['externalsecrets'], verbs: ['get', 'list', 'watch'] },
  {
    apiGroups: ['monitoring.coreos.com'],
    resources: ['servicemonitors', 'prometheusrules'],
    verbs: ['get', 'list', 'watch'],
  },
];

/** Added to READ_ONLY_RULES where the namespace runs in the mesh. */
export const MESH_READ_ONLY_RULE: PolicyRule = {
  apiGroups: ['networking.istio.io', 'security.istio.io'],
  resources: ['virtualservices', 'destinationrules', 'peerauthentications'],
  verbs: ['get', 'list', 'watch'],
};

export interface GroupRoleProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly rules: readonly PolicyRule[];
  /** Identity-provider groups bound to the Role. */
  readonly groups: readonly string[];
  /** Why the Role exists beyond read-only, shown to reviewers. Default: none. */
  readonly reason?: string;
}

/** A Role and the RoleBinding granting it to groups, both named `name`. */
export class GroupRole extends Construct {
  constructor(scope: Construct, id: string, props: GroupRoleProps) {
    super(scope, id);
    const metadata = objectMeta({
      name: props.name,
      namespace: props.namespace,
      labels: props.labels,
      annotations: props.reason ? { 'skillforge.io/reason': props.reason } : undefined,
    });
    new Manifest(
      this,
      'Role',
      KubeRole.manifest({ metadata, rules: props.rules.map((rule) => ({ ...rule })) }),
    );
    new Manifest(
      this,
      'Binding',
      KubeRoleBinding.manifest({
        metadata,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: props.name },
        subjects: [...new Set(props.groups)].map((group) => ({
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Group',
          name: group,
        })),
      }),
    );
  }
}
