// Builds registries with one environment changed, the way a developer would edit an environment file.
import {
  type EnvironmentLayer,
  type EnvironmentRegistry,
  environmentRegistry,
  InvalidEnvironmentError,
  loadRegistry,
} from '../../environments';
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
export function loadErrorOf(registry: EnvironmentRegistry): string {
  try {
    loadRegistry(registry);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.message;
    throw error;
  }
  throw new Error('expected the registry to be invalid, but it loaded');
}
