// The cluster's default StorageClass: encrypted gp3 volumes from the EBS CSI driver (the aws-ebs-csi-driver EKS
// add-on). Prometheus's and Loki's volumes claim it; EKS marks no class as default on new clusters
// (https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html), so without it their claims would stay Pending.
import type { Construct } from 'constructs';
import { Manifest } from '../../constructs/k8s/manifest';
import { plainMeta } from '../../constructs/k8s/metadata';

export const STORAGE_CLASS = 'gp3';
const EBS_CSI_PROVISIONER = 'ebs.csi.aws.com';

export function renderStorageClass(scope: Construct): void {
  new Manifest(scope, 'StorageClass', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      ...plainMeta({ name: STORAGE_CLASS }),
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: EBS_CSI_PROVISIONER,
    // Parameters of the EBS CSI driver (kubernetes-sigs/aws-ebs-csi-driver docs/parameters.md).
    parameters: { type: 'gp3', encrypted: 'true', 'csi.storage.k8s.io/fstype': 'ext4' },
    // A volume is created in the zone of the node its pod is scheduled to, never in a zone the pod cannot reach.
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    reclaimPolicy: 'Delete',
  });
}
