// Argument parsing shared by every command. Unknown flags and environment names are errors that list what is
// valid: the cdktf CLI silently ignores unknown flags such as --env, and this CLI exists so that never happens.
import { environmentNames } from '../../environments';

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

export function parseOptions(command: string, argv: readonly string[], spec: OptionsSpec): ParsedOptions {
  const values: ParsedOptions = {};
  for (let index = 0; index < argv.length; index++) {
    const raw = argv[index]!;
    if (!raw.startsWith('--')) {
      throw new UsageError(
        `${command}: unexpected argument "${raw}"; valid options: ${describeOptions(spec)}`,
      );
    }
    const [flag, inline] = splitFlag(raw.slice(2));
    const option = spec[flag];
    if (!option)
      throw new UsageError(`${command}: unknown option --${flag}; valid options: ${describeOptions(spec)}`);
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
  for (const [flag, option] of Object.entries(spec)) {
    if (option.required && values[flag] === undefined) {
      throw new UsageError(`${command}: --${flag} ${option.value ?? '<value>'} is required`);
    }
  }
  return values;
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
      throw new UsageError(
        `${command}: --env: got "${name}"; expected one of: ${environmentNames.join(', ')}`,
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
