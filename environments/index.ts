// The environment model: schema, defaults, registry and the loader every command uses.
export { loadEnvironment, loadRegistry, type EnvironmentRegistry } from './load';
export { environmentRegistry, environmentNames, type EnvironmentName } from './registry';
export { InvalidEnvironmentError, formatIssues, type ModelIssue } from './errors';
export { defineEnvironment, type EnvironmentLayer } from './layer';
export { durationSeconds } from './schema/primitives';
export type * from './schema';
