// The whole environment model. Every number and name the repository renders comes from an object of this shape.
import { z } from 'zod';
import { awsSchema, clusterSchema, edgeSchema, environmentTier, networkSchema } from './platform';
import {
  kafkaSchema,
  opensearchSchema,
  postgresSchema,
  redisSchema,
  registrySchema,
  secretsSchema,
  storageSchema,
} from './data-stores';
import {
  autoscalingSchema,
  deliverySchema,
  featureFlagSchema,
  helmSourceSchema,
  manifestSourceSchema,
  imageSchema,
  jobSchema,
  meshSchema,
  namespaceName,
  namespaceSchema,
  releaseSchema,
  serviceSchema,
  workloadDefaultsSchema,
} from './workloads';
import {
  accessSchema,
  alertsSchema,
  backupsSchema,
  ciSchema,
  gitopsSchema,
  observabilitySchema,
  oncallSchema,
  playbooksSchema,
  sloSchema,
} from './operations';
import { kubernetesName } from './primitives';
import { scannerExceptionsSchema } from './scanners';

export const environmentNamePattern = /^[a-z][a-z0-9-]{1,14}$/;

export const environmentSchema = z.strictObject({
  name: z
    .string()
    .regex(environmentNamePattern, 'expected 2–15 lowercase letters, digits or "-", starting with a letter'),
  tier: environmentTier,
  aws: awsSchema,
  network: networkSchema,
  cluster: clusterSchema,
  edge: edgeSchema,
  postgres: postgresSchema,
  redis: redisSchema,
  opensearch: opensearchSchema,
  kafka: kafkaSchema,
  storage: storageSchema,
  registry: registrySchema,
  secrets: secretsSchema,
  namespaces: z.record(namespaceName, namespaceSchema),
  services: z.record(kubernetesName, serviceSchema),
  jobs: z.record(kubernetesName, jobSchema),
  images: z.record(kubernetesName, imageSchema),
  /** Per-environment image pins of our own images: promotion changes one digest here. */
  releases: z.record(kubernetesName, releaseSchema),
  platformCharts: z.record(kubernetesName, helmSourceSchema),
  /** CRD bundles installed from Git (the Gateway API's). */
  platformManifests: z.record(kubernetesName, manifestSourceSchema),
  mesh: meshSchema,
  autoscaling: autoscalingSchema,
  delivery: deliverySchema,
  featureFlags: z.record(kubernetesName, featureFlagSchema),
  workloadDefaults: workloadDefaultsSchema,
  slo: sloSchema,
  alerts: alertsSchema,
  oncall: oncallSchema,
  playbooks: playbooksSchema,
  observability: observabilitySchema,
  gitops: gitopsSchema,
  backups: backupsSchema,
  access: accessSchema,
  ci: ciSchema,
  /** Accepted scanner findings, each with reason and expiry, rendered into the scanners' own formats. */
  scannerExceptions: scannerExceptionsSchema,
});

/** The validated model of one environment (deep-frozen at load time). */
export type EnvConfig = DeepReadonly<z.infer<typeof environmentSchema>>;
/** What environment files and defaults write before validation. */
export type EnvInput = z.input<typeof environmentSchema>;

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type { Severity } from './primitives';
export type * from './platform';
export type * from './data-stores';
export type * from './workloads';
export type * from './operations';
export type * from './scanners';
