// The flags every operations command shares, on top of the CLI's parseOptions: --env (one environment, checked
// against the registry), --dry-run and --confirm. Commands add their own flags; unknown ones are rejected with
// the full list, the same as every other command of this CLI.
import { type EnvConfig, loadEnvironment } from '../../../environments';
import {
  envOption,
  environmentsFrom,
  type OptionsSpec,
  type ParsedOptions,
  parseOptions,
  UsageError,
} from '../../cli/args';

export interface OpsInvocation {
  readonly env: EnvConfig;
  readonly dryRun: boolean;
  /** The environment name given to --confirm, if any (already checked to equal --env). */
  readonly confirm: string | undefined;
  /** Every parsed flag, the shared ones included. */
  readonly values: ParsedOptions;
}

export const commonOptions: OptionsSpec = {
  env: envOption(true),
  'dry-run': {
    type: 'boolean',
    description: 'print the kubectl/aws/helm/argocd command lines a real run executes; change nothing',
  },
  confirm: {
    type: 'string',
    value: '<env>',
    description: 'repeat the environment name; required to change a production environment',
  },
};

export function parseOpsOptions(command: string, argv: readonly string[], extra: OptionsSpec): OpsInvocation {
  const values = parseOptions(command, argv, { ...commonOptions, ...extra });
  const [name] = environmentsFrom(command, values.env);
  const env = loadEnvironment(name!);
  const confirm = values.confirm === undefined ? undefined : String(values.confirm);
  // A mismatch means the operator is thinking of another environment than the one the command would touch.
  if (confirm !== undefined && confirm !== env.name) {
    throw new UsageError(
      `${command}: --confirm: got "${confirm}"; expected "${env.name}" (the --env it confirms)`,
    );
  }
  return { env, dryRun: values['dry-run'] === true, confirm, values };
}

/** Production changes need --confirm <env>; a dry run and read-only procedures never do. */
export function assertConfirmed(command: string, invocation: OpsInvocation, changes: boolean): void {
  if (!changes || invocation.dryRun || invocation.env.tier !== 'production') return;
  if (invocation.confirm === undefined) {
    throw new UsageError(
      `${command}: this changes ${invocation.env.name}; add --confirm ${invocation.env.name} to proceed ` +
        '(or --dry-run to print the commands first)',
    );
  }
}

/** A string flag's value, or undefined. */
export const stringOption = (values: ParsedOptions, flag: string): string | undefined =>
  values[flag] === undefined ? undefined : String(values[flag]);

/** A whole, positive number flag, e.g. --timeout-minutes. */
export function positiveIntegerOption(
  command: string,
  values: ParsedOptions,
  flag: string,
  fallback: number,
): number {
  const given = stringOption(values, flag);
  if (given === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(given)) {
    throw new UsageError(`${command}: --${flag}: got "${given}"; expected a whole number of at least 1`);
  }
  return Number(given);
}

/** A flag whose value must be one of `allowed`; the message lists them. */
export function choiceOption(
  command: string,
  flag: string,
  given: string,
  allowed: readonly string[],
): string {
  if (!allowed.includes(given)) {
    throw new UsageError(`${command}: --${flag}: got "${given}"; expected one of: ${allowed.join(', ')}`);
  }
  return given;
}
