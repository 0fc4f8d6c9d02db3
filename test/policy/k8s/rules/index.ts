// Every Kubernetes policy rule, by family. The README lists what each family checks and which scanners it mirrors.
import type { PolicyRule } from '../types';
import { disruptionBudgetRules } from './disruption-budgets';
import { hostAccessRules } from './host-access';
import { imageRules } from './images';
import { jobRules } from './jobs';
import { namespaceRules } from './namespaces';
import { networkPolicyRules } from './network-policies';
import { probeRules } from './probes';
import { rbacRules } from './rbac';
import { resourceRules } from './resources';
import { scalingRules } from './scaling';
import { secretRules } from './secrets';
import { securityContextRules } from './security-context';
import { serviceAccountRules } from './service-accounts';
import { serviceRules } from './services';
import { spreadingRules } from './spreading';
import { workloadShapeRules } from './workload-shape';

export const kubernetesRules: readonly PolicyRule[] = [
  ...securityContextRules,
  ...hostAccessRules,
  ...serviceAccountRules,
  ...resourceRules,
  ...imageRules,
  ...probeRules,
  ...scalingRules,
  ...disruptionBudgetRules,
  ...spreadingRules,
  ...networkPolicyRules,
  ...serviceRules,
  ...jobRules,
  ...rbacRules,
  ...secretRules,
  ...namespaceRules,
  ...workloadShapeRules,
];
