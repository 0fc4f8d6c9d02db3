// Every principal table of the IAM proof, in the order the report lists them.
import { deployRole, githubTrust, planRole } from './ci-roles';
import {
  certManager,
  ebsCsiDriver,
  externalDns,
  externalSecrets,
  loadBalancerController,
} from './controllers';
import { loadRegistry } from '../../../../environments';
import { karpenterController } from './karpenter';
import { accessRoles, backupDrill, cloudwatchLogs, postgresRotation } from './operations';
import type { PrincipalTable } from './table';
import { workloadTables } from './workloads';

export const principalTables: readonly PrincipalTable[] = [
  deployRole,
  planRole,
  githubTrust,
  loadBalancerController,
  certManager,
  externalDns,
  externalSecrets,
  ebsCsiDriver,
  karpenterController,
  backupDrill,
  postgresRotation,
  ...workloadTables([...loadRegistry().values()]),
  cloudwatchLogs,
  ...accessRoles,
];
