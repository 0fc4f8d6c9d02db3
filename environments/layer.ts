// An environment file, and each part of the defaults, is a partial model: the loader merges them and validates.
import type { EnvInput } from './schema';

export type DeepPartial<T> = T extends (infer U)[]
  ? readonly U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type EnvironmentLayer = DeepPartial<EnvInput>;

/** Identity with a type: gives environment files completion and type errors while staying plain data. */
export function defineEnvironment<const T extends EnvironmentLayer & { name: string }>(layer: T): T {
  return layer;
}
