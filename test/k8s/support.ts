// Renders environments in memory for the intent tests: the shipped ones, or one changed the way a developer
// would edit its file (so a test can show that an object follows the model).
import { ApiObject } from 'cdk8s';
import {
  type EnvConfig,
  type EnvironmentLayer,
  environmentRegistry,
  loadEnvironment,
} from '../../environments';
import { buildKubernetesApp } from '../../charts/app';
import { registryWith } from '../foundation/support';

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  // The tests read into spec and other fields freely; a wrong path fails the assertion, not the compiler.
  readonly [field: string]: unknown;
}

export type EnvName = keyof typeof environmentRegistry;

export function envWith(name: EnvName, patch: EnvironmentLayer = {}): EnvConfig {
  return loadEnvironment(name, registryWith(name, patch));
}

const cache = new Map<EnvConfig, K8sObject[]>();

export function objectsOf(env: EnvConfig): K8sObject[] {
  const cached = cache.get(env);
  if (cached) return cached;
  const { charts } = buildKubernetesApp(env);
  const objects = charts.flatMap((chart) =>
    chart.node
      .findAll()
      .filter((node): node is ApiObject => node instanceof ApiObject)
      .map((object) => object.toJson() as K8sObject),
  );
  cache.set(env, objects);
  return objects;
}

export const objectsOfKind = (env: EnvConfig, kind: string): K8sObject[] =>
  objectsOf(env).filter((object) => object.kind === kind);

export function find(env: EnvConfig, kind: string, namespace: string | undefined, name: string): K8sObject {
  const found = objectsOf(env).find(
    (object) =>
      object.kind === kind && object.metadata.name === name && object.metadata.namespace === namespace,
  );
  if (!found) throw new Error(`${env.name}: no ${kind} ${namespace ?? ''}/${name} rendered`);
  return found;
}

/** A value at a dotted path ("spec.template.spec"), for reading into rendered objects. */
export function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (current, key) =>
        typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[key]
          : undefined,
      value,
    );
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly ports?: { readonly name: string; readonly containerPort: number }[];
  readonly securityContext?: Record<string, unknown>;
  readonly livenessProbe?: { readonly httpGet?: { readonly path: string; readonly port: string } };
  readonly readinessProbe?: { readonly httpGet?: { readonly path: string; readonly port: string } };
  readonly startupProbe?: { readonly httpGet?: { readonly path: string; readonly port: string } };
  readonly volumeMounts?: { readonly name: string; readonly mountPath: string }[];
}

export interface PodSpec {
  readonly serviceAccountName: string;
  readonly securityContext: {
    readonly runAsUser: number;
    readonly runAsGroup: number;
    readonly runAsNonRoot: boolean;
  };
  readonly containers: Container[];
  readonly initContainers?: Container[];
  readonly volumes: {
    readonly name: string;
    readonly emptyDir?: unknown;
    readonly secret?: { secretName: string };
  }[];
}

/** The pod spec of any workload kind the charts render. */
export function podSpecOf(object: K8sObject): PodSpec {
  const path = object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  const spec = at(object, path);
  if (!spec) throw new Error(`${object.kind} ${object.metadata.name} has no pod spec at ${path}`);
  return spec as PodSpec;
}

export const WORKLOAD_KINDS = ['Deployment', 'Rollout', 'StatefulSet', 'CronJob', 'Job'];
