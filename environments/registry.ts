// Every environment the repository renders. Adding one = a new file next to these plus its line in each table here.
import dev from './dev';
import prod from './prod';
import type { EnvironmentTier } from './schema';
import staging from './staging';

export const environmentRegistry = {
  dev,
  staging,
  prod,
} as const;

export type EnvironmentName = keyof typeof environmentRegistry;
export const environmentNames = Object.keys(environmentRegistry) as EnvironmentName[];

/**
 * The tier each environment is registered as. Its own file states its tier too, but may not weaken it: prod
 * declared as 'staging' would switch every production rule off with a one-word edit.
 */
export const registeredTiers: Readonly<Record<EnvironmentName, EnvironmentTier>> = {
  dev: 'development',
  staging: 'staging',
  prod: 'production',
};
