// RBAC grants name what they allow, and nothing binds the cluster's superuser role.
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IRoleRef } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleRef';
import type { ISubject } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Subject';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { type IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding, type IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { findObject } from '../cluster-view';
import { NAMESPACE } from '../fixtures/workloads';
import { serviceAccount } from '../fixtures/app';
import { namespaceOf, type Manifest } from '../manifest';
import type { PolicyRule } from '../types';

const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];
const API_GROUP = 'rbac.authorization.k8s.io';

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

function binding(roleRef: IRoleRef, subjects: ISubject[]): IRoleBinding & Manifest {
  const metadata = { name: 'web-reader', namespace: NAMESPACE };
  return { apiVersion: `${API_GROUP}/v1`, kind: 'RoleBinding', metadata, roleRef, subjects };
}

const readConfigMaps: IPolicyRule = {
  apiGroups: [''],
  resources: ['configmaps'],
  verbs: ['get', 'list', 'watch'],
};
const webSubject: ISubject = { kind: 'ServiceAccount', name: 'web', namespace: NAMESPACE };
const readerRef: IRoleRef = { apiGroup: API_GROUP, kind: 'Role', name: 'reader' };
const rbacWorld = [serviceAccount(), role([readConfigMaps]), binding(readerRef, [webSubject])];

export const rbacRules: readonly PolicyRule[] = [
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
