// Runbook §1.2: "read replicas sized for ≥ 3x read capacity". Read capacity is taken as proportional to vCPUs
// (same engine, same storage): the replicas together must offer readCapacityFactor × the primary's vCPUs, the
// primary's own reads not counted because it also carries every write.
import type { EnvConfig } from '../../environments';

/** vCPUs of the RDS classes the model may use (AWS "DB instance classes" table). */
const VCPUS: Readonly<Record<string, number>> = {
  'db.t4g.medium': 2,
  'db.t4g.large': 2,
  'db.m6g.large': 2,
  'db.m6g.xlarge': 4,
  'db.m6g.2xlarge': 8,
  'db.r6g.large': 2,
  'db.r6g.xlarge': 4,
  'db.r6g.2xlarge': 8,
  'db.r6g.4xlarge': 16,
  'db.r7g.large': 2,
  'db.r7g.xlarge': 4,
  'db.r7g.2xlarge': 8,
};

export function vcpusOf(instanceClass: string): number {
  const vcpus = VCPUS[instanceClass];
  if (vcpus === undefined) {
    throw new Error(`unknown RDS instance class ${instanceClass}; known: ${Object.keys(VCPUS).join(', ')}`);
  }
  return vcpus;
}

/** ceil(factor × primary vCPUs / replica vCPUs): e.g. factor 3, same class → 3 replicas. */
export function postgresReplicaCount(env: EnvConfig): number {
  const { readCapacityFactor, instanceClass, replicaInstanceClass } = env.postgres;
  return Math.ceil((readCapacityFactor * vcpusOf(instanceClass)) / vcpusOf(replicaInstanceClass));
}
