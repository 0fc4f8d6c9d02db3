// Plan documents as `terraform show -json <planfile>` writes them, built from Terraform's documented JSON output
// format (https://developer.hashicorp.com/terraform/internals/json-format): "Plan Representation" for the
// top-level keys, "Change Representation" for `change` (actions, before, after, after_unknown, replace_paths),
// "Resource change" for `action_reason`, and "Configuration Representation" / "Expression Representation" for
// `configuration.provider_config.aws.expressions` (a constant_value per argument, nested blocks as lists).

export interface ProviderSettings {
  readonly region: string;
  readonly accountId: string;
  readonly tags: Readonly<Record<string, string>>;
}

export function awsProvider(env: string, layer: string): ProviderSettings {
  return {
    region: 'eu-west-1',
    accountId: env === 'prod' ? '333333333333' : '111111111111',
    tags: { 'skillforge:environment': env, 'skillforge:layer': layer },
  };
}

/** The provider block a rendered stack holds for these settings (CDKTF writes providers and blocks as lists). */
export function renderedProvider(settings: ProviderSettings): object {
  return {
    aws: [
      {
        allowed_account_ids: [settings.accountId],
        default_tags: [{ tags: settings.tags }],
        region: settings.region,
      },
    ],
  };
}

export interface PlannedResource {
  readonly address: string;
  readonly actions: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly replacePaths?: readonly (readonly (string | number)[])[];
  readonly actionReason?: string;
}

export function planDocument(settings: ProviderSettings, resources: readonly PlannedResource[]): object {
  return {
    format_version: '1.2',
    terraform_version: '1.10.5',
    planned_values: { root_module: { resources: [] } },
    resource_changes: resources.map((resource) => {
      const [resourceType, resourceName] = resource.address.split('.');
      return {
        address: resource.address,
        mode: 'managed',
        type: resourceType,
        name: resourceName,
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: resource.actions,
          before: resource.before ?? null,
          after: resource.after ?? null,
          after_unknown: {},
          before_sensitive: {},
          after_sensitive: {},
          ...(resource.replacePaths ? { replace_paths: resource.replacePaths } : {}),
        },
        ...(resource.actionReason ? { action_reason: resource.actionReason } : {}),
      };
    }),
    configuration: {
      provider_config: {
        aws: {
          name: 'aws',
          full_name: 'registry.terraform.io/hashicorp/aws',
          version_constraint: '6.25.0',
          expressions: {
            allowed_account_ids: { constant_value: [settings.accountId] },
            default_tags: [{ tags: { constant_value: settings.tags } }],
            region: { constant_value: settings.region },
          },
        },
      },
      root_module: { resources: [] },
    },
    timestamp: '2026-01-15T10:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}
