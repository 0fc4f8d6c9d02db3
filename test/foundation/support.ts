// Builds registries with one environment changed, the way a developer would edit an environment file.
import {
  type EnvironmentLayer,
  type EnvironmentRegistry,
  environmentRegistry,
  InvalidEnvironmentError,
  loadRegistry,
  type ValidationContext,
} from '../../environments';
import { jobDefaults } from '../../environments/defaults/jobs';
import { mergeLayers } from '../../environments/merge';

export function registryWith(
  name: keyof typeof environmentRegistry,
  patch: EnvironmentLayer,
): EnvironmentRegistry {
  return {
    ...environmentRegistry,
    [name]: mergeLayers(environmentRegistry[name], patch) as EnvironmentLayer & { name: string },
  };
}

/** The loader's error message for a registry, or a failure if it loads. */
export function loadErrorOf(registry: EnvironmentRegistry, context?: Partial<ValidationContext>): string {
  try {
    loadRegistry(registry, context);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.message;
    throw error;
  }
  throw new Error('expected the registry to be invalid, but it loaded');
}

/** A copy of a job of the defaults, to declare under another name. */
export function jobDefinition(
  name: keyof typeof jobDefaults.jobs,
): NonNullable<EnvironmentLayer['jobs']>[string] {
  return structuredClone(jobDefaults.jobs[name]);
}
