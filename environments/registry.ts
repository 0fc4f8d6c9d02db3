// Every environment the repository renders. Adding one = a new file next to these plus one line here.
import dev from './dev';
import prod from './prod';
import staging from './staging';

export const environmentRegistry = {
  dev,
  staging,
  prod,
} as const;

export type EnvironmentName = keyof typeof environmentRegistry;
export const environmentNames = Object.keys(environmentRegistry) as EnvironmentName[];
