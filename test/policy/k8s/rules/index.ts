// Every Kubernetes policy rule, by family. The README lists what each family checks and which scanners it mirrors.
import type { PolicyRule } from '../types';
import { disruptionBudgetRules } from './disruption-budgets';
import { jobRules } from './jobs';
import { namespaceRules } from './namespaces';
import { networkPolicyRules } from './network-policies';
import { probeRules } from './probes';
import { rbacRules } from './rbac';
import { resourceRules } from './resources';
import { scalingRules } from './scaling';
import { secretRules } from './secrets';
import { serviceAccountRules } from './service-accounts';
import { serviceRules } from './services';

export const kubernetesRules: readonly PolicyRule[] = [
  ...serviceAccountRules,
  ...resourceRules,
  ...probeRules,
  ...scalingRules,
  ...disruptionBudgetRules,
  ...networkPolicyRules,
  ...serviceRules,
  ...jobRules,
  ...rbacRules,
  ...secretRules,
  ...namespaceRules,
];
