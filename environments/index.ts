// The environment model: schema, defaults, registry and the loader every command uses.
export { loadEnvironment, loadRegistry, type EnvironmentRegistry, type ValidationContext } from './load';
export { environmentRegistry, environmentNames, registeredTiers, type EnvironmentName } from './registry';
export { compareVersions, type ModelVersions, versionFields, versionsOf } from './versions';
export { InvalidEnvironmentError, formatIssues, type ModelIssue } from './errors';
export { defineEnvironment, type EnvironmentLayer } from './layer';
export { durationSeconds } from './schema/primitives';
export type * from './schema';
