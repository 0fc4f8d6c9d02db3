// Argument parsing shared by every command. Unknown flags and environment names are errors that list what is
// valid: the cdktf CLI silently ignores unknown flags such as --env, and this CLI exists so that never happens.
import { environmentNames } from '../../environments';
import { closest } from './suggest';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The flag may repeat (values collect into a list). */
  readonly multiple?: boolean;
  readonly required?: boolean;
  readonly description: string;
  /** Placeholder shown in help, e.g. <name>. */
  readonly value?: string;
}

export type OptionsSpec = Readonly<Record<string, OptionSpec>>;
export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--help` or `-h` was given: the CLI prints the command's help from its options and exits 0. */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
  constructor(
    readonly command: string,
    readonly options: OptionsSpec,
  ) {
    super(`${command}: help requested`);
  }
}

export const HELP_FLAGS: readonly string[] = ['--help', '-h'];

export function parseOptions(
  command: string,
  argv: readonly string[],
  spec: OptionsSpec,
  environment: NodeJS.ProcessEnv = process.env,
): ParsedOptions {
  if (argv.some((arg) => HELP_FLAGS.includes(arg))) throw new HelpRequested(command, spec);
  const values: ParsedOptions = {};
  const swallowed = swallowedByNpm(command, spec, environment);
  for (let index = 0; index < argv.length; index++) {
    const raw = argv[index]!;
    if (!raw.startsWith('--')) {
      if (raw.startsWith('-') && raw.length > 1)
        throw unknownOption(command, raw, raw.replace(/^-+/, ''), spec);
      throw new UsageError(
        swallowed.length > 0
          ? swallowedMessage(command, swallowed, raw, environment)
          : `${command}: unexpected argument "${raw}"; valid options: ${describeOptions(spec)}`,
      );
    }
    const [flag, inline] = splitFlag(raw.slice(2));
    const option = spec[flag];
    if (!option) throw unknownOption(command, raw, flag, spec);
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${command}: --${flag} takes no value`);
      values[flag] = true;
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${command}: --${flag} needs a value ${option.value ?? '<value>'}`);
    }
    if (option.multiple) values[flag] = [...((values[flag] as string[] | undefined) ?? []), value];
    else if (values[flag] !== undefined) throw new UsageError(`${command}: --${flag} given twice`);
    else values[flag] = value;
  }
  for (const flag of swallowed) {
    if (values[flag] !== undefined) continue;
    // npm kept a flag typed before `--` for itself: a switch is honoured (saying so), a value is lost, so refuse.
    if (spec[flag]!.type !== 'boolean')
      throw new UsageError(swallowedMessage(command, swallowed, undefined, environment));
    values[flag] = true;
    process.stderr.write(
      `${command}: npm kept --${flag} for itself (it set npm_config_${npmName(flag)}); honoured it. To pass options through npm, type them after --: ${retyped(command, environment, `--${flag}`)}\n`,
    );
  }
  for (const [flag, option] of Object.entries(spec)) {
    if (option.required && values[flag] === undefined) {
      throw new UsageError(`${command}: --${flag} ${option.value ?? '<value>'} is required`);
    }
  }
  return values;
}

function unknownOption(command: string, raw: string, flag: string, spec: OptionsSpec): UsageError {
  const suggestion = closest(flag, Object.keys(spec));
  const hint = suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`;
  return new UsageError(`${command}: unknown option ${raw}${hint}; valid options: ${describeOptions(spec)}`);
}

const npmName = (flag: string): string => flag.replace(/-/g, '_');

/**
 * Options `npm run <command> --flag` handed to npm instead of the command (npm sets npm_config_<flag> and passes
 * only what follows `--`). Looked at only when npm runs this command, so an unrelated npm setting is never read.
 */
function swallowedByNpm(command: string, spec: OptionsSpec, environment: NodeJS.ProcessEnv): string[] {
  const event = environment.npm_lifecycle_event;
  if (event !== command && event !== 'skillforge') return [];
  return Object.keys(spec).filter((flag) => environment[`npm_config_${npmName(flag)}`] !== undefined);
}

function swallowedMessage(
  command: string,
  swallowed: readonly string[],
  positional: string | undefined,
  environment: NodeJS.ProcessEnv,
): string {
  const typed = swallowed.map((flag) => {
    const kept = environment[`npm_config_${npmName(flag)}`];
    const value = kept !== undefined && kept !== 'true' ? kept : positional;
    return value === undefined ? `--${flag}` : `--${flag} ${value}`;
  });
  return `${command}: npm kept ${swallowed.map((flag) => `--${flag}`).join(', ')} for itself, so the command never saw ${typed.length > 1 ? 'them' : 'it'}; type: ${retyped(command, environment, typed.join(' '))}`;
}

function retyped(command: string, environment: NodeJS.ProcessEnv, options: string): string {
  return environment.npm_lifecycle_event === command
    ? `npm run ${command} -- ${options}`
    : `npx skillforge ${command} ${options}`;
}

function splitFlag(text: string): [string, string | undefined] {
  const equals = text.indexOf('=');
  return equals === -1 ? [text, undefined] : [text.slice(0, equals), text.slice(equals + 1)];
}

export function describeOptions(spec: OptionsSpec): string {
  return Object.entries(spec)
    .map(([flag, option]) =>
      option.type === 'string' ? `--${flag} ${option.value ?? '<value>'}` : `--${flag}`,
    )
    .join(', ');
}

/** Validates environment names against the registry, in registry order, without duplicates. */
export function environmentsFrom(command: string, given: string | string[] | boolean | undefined): string[] {
  if (given === undefined) return [...environmentNames];
  const names = Array.isArray(given) ? given : [String(given)];
  for (const name of names) {
    if (!(environmentNames as readonly string[]).includes(name)) {
      const suggestion = closest(name, environmentNames);
      throw new UsageError(
        `${command}: --env: got "${name}"; ${suggestion === undefined ? '' : `did you mean "${suggestion}"? `}expected one of: ${environmentNames.join(', ')}`,
      );
    }
  }
  return environmentNames.filter((name) => names.includes(name));
}

export const envOption = (required: boolean): OptionSpec => ({
  type: 'string',
  value: '<name>',
  required,
  multiple: !required,
  description: `environment: ${environmentNames.join(' | ')}${required ? '' : ' (repeatable; default: all)'}`,
});
