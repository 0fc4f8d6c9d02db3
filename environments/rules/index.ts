// Every cross-field rule the loader applies after the schema, in the order errors are reported.
import { catalogueRules } from './catalogue';
import { dataStoreRules } from './data-stores';
import { exposureRules } from './exposure';
import { gitopsRules } from './gitops';
import { imageRules } from './images';
import { kubernetesRules } from './kubernetes';
import { observabilityRules } from './observability';
import { playbookRules } from './playbooks';
import { productionRules } from './production';
import { recoveryRules } from './recovery';
import { registryRules } from './registry';
import { tlsRules } from './tls';
import { topologyRules } from './topology';
import type { EnvironmentRule, RegistryRule } from './types';
import { versionRules } from './versions';
import { workloadRules } from './workloads';

export const environmentRules: readonly EnvironmentRule[] = [
  ...catalogueRules,
  ...topologyRules,
  ...exposureRules,
  ...versionRules,
  ...workloadRules,
  ...imageRules,
  ...dataStoreRules,
  ...productionRules,
  ...playbookRules,
  ...observabilityRules,
  ...tlsRules,
  ...recoveryRules,
  ...gitopsRules,
  ...kubernetesRules,
];

export { registryRules };
export type { EnvironmentRule, RegistryRule, RuleContext, RuleViolation } from './types';
export const allRules: readonly (EnvironmentRule | RegistryRule)[] = [...environmentRules, ...registryRules];
