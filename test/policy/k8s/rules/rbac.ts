// RBAC grants name what they allow, and nothing binds the cluster's superuser role.
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IRoleRef } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleRef';
import type { ISubject } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Subject';
import { ClusterRole, type IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import {
  ClusterRoleBinding,
  type IClusterRoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role, type IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding, type IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { findObject } from '../cluster-view';
import { NAMESPACE } from '../fixtures/workloads';
import { serviceAccount } from '../fixtures/app';
import { namespaceOf, type Manifest } from '../manifest';
import type { PolicyRule } from '../types';

const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];
const API_GROUP = 'rbac.authorization.k8s.io';

function rulesOf(manifest: Manifest): IPolicyRule[] {
  return Role.is(manifest) || ClusterRole.is(manifest) ? (manifest.rules ?? []) : [];
}

function bindingOf(manifest: Manifest): { roleRef: IRoleRef; subjects: ISubject[] } | undefined {
  if (RoleBinding.is(manifest) || ClusterRoleBinding.is(manifest))
    return { roleRef: manifest.roleRef, subjects: manifest.subjects ?? [] };
  return undefined;
}

function role(rules: IPolicyRule[]): IRole & Manifest {
  return {
    apiVersion: `${API_GROUP}/v1`,
    kind: 'Role',
    metadata: { name: 'reader', namespace: NAMESPACE },
    rules,
  };
}

function clusterRole(rules: IPolicyRule[]): IClusterRole & Manifest {
  return { apiVersion: `${API_GROUP}/v1`, kind: 'ClusterRole', metadata: { name: 'reader' }, rules };
}

function binding(roleRef: IRoleRef, subjects: ISubject[]): IRoleBinding & Manifest {
  const metadata = { name: 'web-reader', namespace: NAMESPACE };
  return { apiVersion: `${API_GROUP}/v1`, kind: 'RoleBinding', metadata, roleRef, subjects };
}

function clusterBinding(roleRef: IRoleRef, subjects: ISubject[]): IClusterRoleBinding & Manifest {
  return {
    apiVersion: `${API_GROUP}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'web-reader' },
    roleRef,
    subjects,
  };
}

const readConfigMaps: IPolicyRule = {
  apiGroups: [''],
  resources: ['configmaps'],
  verbs: ['get', 'list', 'watch'],
};
const webSubject: ISubject = { kind: 'ServiceAccount', name: 'web', namespace: NAMESPACE };
const readerRef: IRoleRef = { apiGroup: API_GROUP, kind: 'Role', name: 'reader' };
const clusterAdmin: IRoleRef = { apiGroup: API_GROUP, kind: 'ClusterRole', name: 'cluster-admin' };
const rbacWorld = [serviceAccount(), role([readConfigMaps]), binding(readerRef, [webSubject])];

export const rbacRules: readonly PolicyRule[] = [
  {
    id: 'no-cluster-admin-binding',
    checkIds: ['kube-linter:cluster-admin-role-binding', 'KSV111'],
    kinds: BINDING_KINDS,
    description: 'No RoleBinding or ClusterRoleBinding grants the cluster-admin ClusterRole.',
    check: ({ manifest }) =>
      bindingOf(manifest)?.roleRef.name === 'cluster-admin'
        ? ['binds cluster-admin: grant a role scoped to the need']
        : [],
    good: [{ name: 'namespaced reader', objects: rbacWorld }],
    bad: [
      { name: 'ClusterRoleBinding to cluster-admin', objects: [clusterBinding(clusterAdmin, [webSubject])] },
      { name: 'RoleBinding to cluster-admin', objects: [binding(clusterAdmin, [webSubject])] },
    ],
  },
  {
    id: 'no-wildcard-rbac',
    checkIds: ['kube-linter:wildcard-in-rules', 'CKV_K8S_49', 'KSV044', 'KSV045', 'KSV046'],
    kinds: ['Role', 'ClusterRole'],
    description: 'Roles and ClusterRoles list their verbs and resources; no "*".',
    check: ({ manifest }) =>
      rulesOf(manifest).flatMap((rule, index) => [
        ...(rule.verbs.includes('*') ? [`rule ${index} allows every verb ("*")`] : []),
        ...((rule.resources ?? []).includes('*') ? [`rule ${index} covers every resource ("*")`] : []),
      ]),
    good: [{ name: 'read configmaps', objects: [role([readConfigMaps])] }],
    bad: [
      { name: 'any verb', objects: [role([{ ...readConfigMaps, verbs: ['*'] }])] },
      {
        name: 'any resource in a ClusterRole',
        objects: [clusterRole([{ ...readConfigMaps, resources: ['*'] }])],
      },
    ],
  },
  {
    id: 'rbac-references-exist',
    checkIds: [],
    kinds: BINDING_KINDS,
    // Built-in ClusterRoles (view, edit) are not rendered, so only references to Roles are checked.
    description: 'A binding refers to a rendered Role, and its ServiceAccount subjects are rendered.',
    check: (object, ctx) => {
      const binding = bindingOf(object.manifest);
      if (binding === undefined) return [];
      const problems: string[] = [];
      const { roleRef, subjects } = binding;
      if (
        roleRef.kind === 'Role' &&
        findObject(ctx, 'Role', namespaceOf(object), roleRef.name) === undefined
      ) {
        problems.push(`Role "${roleRef.name}" is not rendered in namespace ${namespaceOf(object)}`);
      }
      for (const subject of subjects.filter((candidate) => candidate.kind === 'ServiceAccount')) {
        const namespace = subject.namespace ?? namespaceOf(object);
        if (findObject(ctx, 'ServiceAccount', namespace, subject.name) === undefined) {
          problems.push(`ServiceAccount "${subject.name}" is not rendered in namespace ${namespace}`);
        }
      }
      return problems;
    },
    good: [{ name: 'role and account rendered', objects: rbacWorld }],
    bad: [
      { name: 'Role missing', objects: rbacWorld.filter((object) => object.kind !== 'Role') },
      {
        name: 'subject misspelled',
        objects: [...rbacWorld.slice(0, 2), binding(readerRef, [{ ...webSubject, name: 'wbe' }])],
      },
    ],
  },
];
