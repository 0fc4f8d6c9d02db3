// Runbook §1.2: "read replicas sized for ≥ 3x read capacity". Read capacity is taken as proportional to vCPUs
// (same engine, same storage): the replicas together must offer readCapacityFactor × the primary's vCPUs, the
// primary's own reads not counted because it also carries every write.
import type { EnvConfig } from '../../environments';
import { rdsInstanceClassVcpus } from '../../environments/catalogue';

/** vCPUs of an RDS class from the catalogue; validation has already refused classes missing from it. */
export function vcpusOf(instanceClass: string): number {
  const vcpus = rdsInstanceClassVcpus.get(instanceClass);
  if (vcpus === undefined) throw new Error(`unknown RDS instance class ${instanceClass}`);
  return vcpus;
}

/** ceil(factor × primary vCPUs / replica vCPUs): e.g. factor 3, same class → 3 replicas. */
export function postgresReplicaCount(env: EnvConfig): number {
  const { readCapacityFactor, instanceClass, replicaInstanceClass } = env.postgres;
  return Math.ceil((readCapacityFactor * vcpusOf(instanceClass)) / vcpusOf(replicaInstanceClass));
}
