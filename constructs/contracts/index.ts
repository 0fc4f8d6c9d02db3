// Shared contracts: pure functions of the model that the AWS, Kubernetes and observability sides all import.
export * from './naming';
export * from './network-plan';
export * from './postgres-replicas';
export * from './endpoints';
export * from './workloads';
export * from './identities';
export * from './metrics';
export * from './nfr';
export * from './data-store-auth';
export * from './sops';
export * from './capacity';
export * from './scanner-exceptions';
export * from './karpenter';
export * from './kubernetes-support';
