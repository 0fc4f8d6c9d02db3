// AWS CLI command lines. Every line names the region from the model, so it acts on the environment's account
// region whatever the operator's shell has configured; credentials come from the usual AWS_PROFILE/SSO chain.
import type { EnvConfig } from '../../../environments';
import { type Arg, command, type CommandLine } from '../runner/shell';

export function aws(env: EnvConfig, service: string, operation: string, ...args: Arg[]): CommandLine {
  // `aws <service> wait <waiter>`: the waiter's name belongs with the operation, before the options.
  const head: Arg[] = operation === 'wait' ? args.slice(0, 1) : [];
  const rest = operation === 'wait' ? args.slice(1) : args;
  return command(['aws', service, operation, ...head, '--region', env.aws.region, ...rest]);
}

/** `--query … --output text` into a shell variable: how a later line gets a value only AWS knows. */
export function awsValue(
  env: EnvConfig,
  variableName: string,
  service: string,
  operation: string,
  args: readonly Arg[],
  query: Arg,
  options: { readonly secret?: boolean } = {},
): CommandLine {
  const line = aws(env, service, operation, ...args, '--query', query, '--output', 'text');
  return { ...line, capture: variableName, ...options };
}

/** Key=…,Value=… pairs for --tags. */
export const tags = (pairs: Readonly<Record<string, string>>): string[] =>
  Object.entries(pairs).map(([key, value]) => `Key=${key},Value=${value}`);
