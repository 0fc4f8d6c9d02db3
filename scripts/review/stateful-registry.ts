// The Kubernetes kinds the destructive-change gate protects. (The Terraform side is the replacement table,
// replacement-registry.ts.)

export interface StatefulKubernetesKind {
  readonly kind: string;
  readonly docs: string;
  /** Where in the cited source the rule lives. */
  readonly docsNote?: string;
  /**
   * Spec paths the API server lets an update change; any other spec change is rejected, so Argo CD can only
   * apply it by deleting and re-creating the object. Undefined: the kind is protected against removal only.
   */
  readonly mutableSpecPaths?: readonly string[];
}

export const STATEFUL_KUBERNETES_KINDS: readonly StatefulKubernetesKind[] = [
  {
    kind: 'StatefulSet',
    docs: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/validation/validation.go',
    docsNote: 'ValidateStatefulSetUpdate',
    mutableSpecPaths: [
      'spec.replicas',
      'spec.ordinals',
      'spec.template',
      'spec.updateStrategy',
      'spec.revisionHistoryLimit',
      'spec.persistentVolumeClaimRetentionPolicy',
      'spec.minReadySeconds',
    ],
  },
  {
    kind: 'PersistentVolumeClaim',
    docs: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
    docsNote: 'ValidatePersistentVolumeClaimUpdate',
    mutableSpecPaths: ['spec.resources.requests', 'spec.volumeAttributesClassName'],
  },
  {
    kind: 'Namespace',
    docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
  },
];

export function statefulKubernetesKind(kind: string): StatefulKubernetesKind | undefined {
  return STATEFUL_KUBERNETES_KINDS.find((entry) => entry.kind === kind);
}
