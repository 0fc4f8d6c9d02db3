// The stateful resources the destructive-change gate protects, and the attributes whose change replaces them.
// Each Terraform entry was checked against the provider's resource schema (`ForceNew: true`, or a `CustomizeDiff`
// that forces replacement) in the hashicorp/aws 6.x source; the citation is the 6.25.0 documentation page, the
// version @cdktf/provider-aws 21.22.1 bundles. `note` records what the check could not settle.
import { compareVersions, type TriggerAttribute } from './replacement-triggers';

export const AWS_PROVIDER_VERSION = '6.25.0';

export function providerDocsUrl(type: string): string {
  return `https://registry.terraform.io/providers/hashicorp/aws/${AWS_PROVIDER_VERSION}/docs/resources/${type.replace(/^aws_/, '')}`;
}

export interface ReplacementAttribute extends TriggerAttribute {
  /** What happens to the resource; default "forces replacement". */
  readonly effect?: string;
  readonly note?: string;
}

export interface StatefulTerraformType {
  readonly type: string;
  readonly attributes: readonly ReplacementAttribute[];
}

const IN_PLACE_RDS_RENAME: Pick<ReplacementAttribute, 'effect' | 'note'> = {
  effect: 'renames the DB instance in place; its endpoint hostname changes and every client must follow',
  note: 'not ForceNew since provider 5.0.0 (hashicorp/terraform-provider-aws#31232); gated because the endpoint, the contract every client holds, changes',
};

const isAurora = (body: Record<string, unknown>): boolean =>
  typeof body.engine === 'string' && body.engine.startsWith('aurora');

export const STATEFUL_TERRAFORM_TYPES: readonly StatefulTerraformType[] = [
  {
    // Read replicas are aws_db_instance resources with replicate_source_db; the same list applies to them.
    type: 'aws_db_instance',
    attributes: [
      { path: 'identifier', computed: true, ...IN_PLACE_RDS_RENAME },
      { path: 'identifier_prefix', computed: true, ...IN_PLACE_RDS_RENAME },
      { path: 'engine', computed: true },
      { path: 'kms_key_id', computed: true },
      { path: 'storage_encrypted', defaultValue: false },
      { path: 'username', computed: true },
      { path: 'availability_zone', computed: true },
      { path: 'db_name', computed: true },
      { path: 'character_set_name', computed: true },
      { path: 'nchar_character_set_name', computed: true },
      { path: 'timezone', computed: true },
      { path: 'snapshot_identifier', computed: true },
      { path: 'custom_iam_instance_profile' },
      { path: 'backup_target', computed: true },
      { path: 'restore_to_point_in_time' },
      { path: 's3_import' },
    ],
  },
  {
    type: 'aws_rds_cluster',
    attributes: [
      { path: 'cluster_identifier', computed: true },
      { path: 'cluster_identifier_prefix', computed: true },
      { path: 'engine' },
      { path: 'engine_mode', defaultValue: 'provisioned' },
      { path: 'kms_key_id', computed: true },
      { path: 'storage_encrypted', computed: true },
      { path: 'master_username', computed: true },
      { path: 'database_name', computed: true },
      { path: 'availability_zones', computed: true },
      { path: 'db_subnet_group_name', computed: true },
      { path: 'db_system_id', computed: true },
      { path: 'cluster_scalability_type', computed: true },
      { path: 'snapshot_identifier', computed: true, note: 'removing it is suppressed by the provider' },
      { path: 'source_region' },
      { path: 'restore_to_point_in_time' },
      { path: 's3_import' },
      {
        path: 'storage_type',
        computed: true,
        onlyIf: { description: 'only for non-Aurora engines', test: (_before, after) => !isAurora(after) },
      },
    ],
  },
  {
    type: 'aws_elasticache_replication_group',
    attributes: [
      { path: 'replication_group_id' },
      { path: 'at_rest_encryption_enabled', computed: true },
      { path: 'kms_key_id' },
      { path: 'subnet_group_name', computed: true },
      { path: 'port', defaultValue: 6379 },
      { path: 'network_type', computed: true },
      { path: 'data_tiering_enabled', computed: true },
      { path: 'global_replication_group_id', computed: true },
      { path: 'security_group_names', computed: true },
      { path: 'snapshot_arns' },
      { path: 'snapshot_name' },
      { path: 'engine_version', trigger: 'downgraded' },
      {
        path: 'engine',
        onlyIf: {
          description: 'only from valkey back to redis',
          test: (before, after) => before.engine === 'valkey' && after.engine === 'redis',
        },
        note: 'redis → valkey upgrades in place',
      },
      {
        path: 'transit_encryption_enabled',
        computed: true,
        onlyIf: {
          description: 'only while the configured engine_version is below 7.0.5',
          test: (_before, after) =>
            typeof after.engine_version === 'string' && compareVersions(after.engine_version, '7.0.5') < 0,
        },
        note: 'the provider decides on the running engine version, which the rendered tree does not hold',
      },
      {
        path: 'node_group_configuration',
        note: 'the provider replaces only on significant node-group changes (ids, slots, zones); every change is flagged for a human to judge',
      },
    ],
  },
  {
    type: 'aws_opensearch_domain',
    attributes: [
      { path: 'domain_name' },
      { path: 'encrypt_at_rest.kms_key_id', computed: true },
      {
        path: 'encrypt_at_rest.enabled',
        trigger: 'disabled',
        note: 'enabling it also replaces the domain on engine versions without in-place encryption; not evaluated',
      },
      {
        path: 'node_to_node_encryption.enabled',
        trigger: 'disabled',
        note: 'same caveat as encrypt_at_rest',
      },
      { path: 'advanced_security_options.enabled', trigger: 'disabled' },
      { path: 'vpc_options', trigger: 'added-or-removed' },
      {
        path: 'ip_address_type',
        onlyIf: {
          description: 'only away from dualstack',
          test: (before, after) =>
            before.ip_address_type === 'dualstack' && after.ip_address_type !== 'dualstack',
        },
      },
    ],
  },
  {
    type: 'aws_s3_bucket',
    attributes: [
      { path: 'bucket', computed: true },
      { path: 'bucket_prefix', computed: true },
      { path: 'object_lock_enabled', computed: true },
      { path: 'object_lock_configuration.object_lock_enabled' },
    ],
  },
  {
    type: 'aws_kms_key',
    attributes: [
      { path: 'key_usage', defaultValue: 'ENCRYPT_DECRYPT' },
      { path: 'customer_master_key_spec', defaultValue: 'SYMMETRIC_DEFAULT' },
      { path: 'multi_region', computed: true },
      { path: 'custom_key_store_id' },
      { path: 'xks_key_id' },
    ],
  },
  {
    type: 'aws_eks_cluster',
    attributes: [
      { path: 'name' },
      { path: 'role_arn' },
      { path: 'bootstrap_self_managed_addons', defaultValue: true },
      { path: 'access_config.bootstrap_cluster_creator_admin_permissions' },
      { path: 'kubernetes_network_config.service_ipv4_cidr', computed: true },
      { path: 'kubernetes_network_config.ip_family', computed: true },
      {
        path: 'encryption_config',
        trigger: 'removed',
        note: 'adding envelope encryption is in place; it cannot be turned off',
      },
      { path: 'outpost_config.control_plane_instance_type' },
      { path: 'outpost_config.control_plane_placement.group_name' },
    ],
  },
  {
    type: 'aws_msk_cluster',
    attributes: [
      { path: 'cluster_name' },
      { path: 'broker_node_group_info.client_subnets' },
      { path: 'broker_node_group_info.security_groups' },
      { path: 'broker_node_group_info.az_distribution', defaultValue: 'DEFAULT' },
      { path: 'encryption_info', trigger: 'added-or-removed' },
      { path: 'encryption_info.encryption_at_rest_kms_key_arn', computed: true },
      { path: 'encryption_info.encryption_in_transit.in_cluster', defaultValue: true },
      { path: 'kafka_version', trigger: 'downgraded' },
    ],
  },
  {
    type: 'aws_secretsmanager_secret',
    attributes: [
      { path: 'name', computed: true },
      { path: 'name_prefix', computed: true },
    ],
  },
];

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

export function statefulTerraformType(type: string): StatefulTerraformType | undefined {
  return STATEFUL_TERRAFORM_TYPES.find((entry) => entry.type === type);
}

export function statefulKubernetesKind(kind: string): StatefulKubernetesKind | undefined {
  return STATEFUL_KUBERNETES_KINDS.find((entry) => entry.kind === kind);
}
