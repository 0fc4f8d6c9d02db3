// --help for every command, generated from the option definitions the command parses with (their descriptions
// live next to the flags), so an option added to a command appears in its help without touching this file.
import type { OptionSpec, OptionsSpec } from './args';

export interface CommandHelp {
  readonly name: string;
  readonly summary: string;
  /** Whether package.json has an npm script of the command's name. */
  readonly npmScript: boolean;
  /** A typical invocation; default: the command with its required options. */
  readonly example?: string;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', description: 'print this help and exit' };

export function commandHelp(command: CommandHelp, options: OptionsSpec): string {
  const required = Object.entries(options)
    .filter(([, option]) => option.required)
    .map(([flag, option]) => `--${flag} ${option.value ?? '<value>'}`);
  const args = [...required, '[options]'].join(' ');
  const usage = [
    ...(command.npmScript ? [`npm run ${command.name} -- ${args}`] : []),
    `npx skillforge ${command.name} ${args}`,
  ];
  const rows = [
    ...Object.entries(options).map(
      ([flag, option]) => [optionLabel(flag, option), describe(option)] as const,
    ),
    ['-h, --help', HELP_OPTION.description] as const,
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const example =
    command.example ??
    (command.npmScript
      ? `npm run ${command.name} -- ${required.join(' ')}`
      : `npx skillforge ${command.name}`);
  return [
    `${command.name}: ${command.summary}`,
    '',
    'Usage:',
    ...usage.map((line) => `  ${line}`),
    '',
    'Options:',
    ...rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`),
    '',
    'Example:',
    `  ${example.trim()}`,
    '',
  ].join('\n');
}

/** The top-level help: every command with its summary. */
export function commandList(commands: readonly CommandHelp[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'skillforge: the SkillForge platform command line (npm run <command> -- [options], or npx skillforge <command>)',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Every command takes -h or --help. Through npm, put options after --: npm run synth -- --env prod',
    '',
  ].join('\n');
}

const optionLabel = (flag: string, option: OptionSpec): string =>
  option.type === 'string' ? `--${flag} ${option.value ?? '<value>'}` : `--${flag}`;

function describe(option: OptionSpec): string {
  const notes = [...(option.required ? ['required'] : []), ...(option.multiple ? ['repeatable'] : [])];
  const said = notes.filter((note) => !option.description.includes(note));
  return said.length === 0 ? option.description : `${option.description} (${said.join(', ')})`;
}
