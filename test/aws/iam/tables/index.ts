// Every principal table of the IAM proof, in the order the report lists them.
import { deployRole, githubTrust, planRole } from './ci-roles';
import {
  certManager,
  ebsCsiDriver,
  externalDns,
  externalSecrets,
  loadBalancerController,
} from './controllers';
import type { PrincipalTable } from './table';

export const principalTables: readonly PrincipalTable[] = [
  deployRole,
  planRole,
  githubTrust,
  loadBalancerController,
  certManager,
  externalDns,
  externalSecrets,
  ebsCsiDriver,
];
