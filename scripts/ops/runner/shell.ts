// Command lines as data. One definition is both what --dry-run prints and what a real run executes, so the
// printed line cannot drift from the action. Values known only at run time (the latest snapshot, an endpoint)
// are shell variables filled by an earlier line's output: the dry-run output is itself a runnable script.
import path from 'node:path';

/** A shell variable set by an earlier `capture` (or by a step from the process environment). */
export interface VarRef {
  readonly ref: string;
  /** Unquoted, so a whitespace-separated list (e.g. security group ids) becomes several arguments. */
  readonly split?: boolean;
}

export type ArgPart = string | VarRef;
/** A literal word, a variable, or a word built from literal text and variables. */
export type Arg = string | VarRef | { readonly parts: readonly ArgPart[] };

export interface CommandLine {
  readonly argv: readonly Arg[];
  /** Shell variable receiving the command's trimmed stdout, printed as `NAME=$(…)`. */
  readonly capture?: string;
  /** The captured value is a credential: it is never logged or printed. */
  readonly secret?: boolean;
}

/** Text printed as `# …` where a step's work has no single command line (a loop, a check done in-process). */
export interface CommentLine {
  readonly comment: string;
}

export type Line = CommandLine | CommentLine;

export const variable = (ref: string): VarRef => ({ ref });
export const words = (ref: string): VarRef => ({ ref, split: true });
export const joined = (...parts: ArgPart[]): Arg => ({ parts });
export const command = (argv: readonly Arg[], options: Omit<CommandLine, 'argv'> = {}): CommandLine => ({
  argv,
  ...options,
});
export const comment = (text: string): CommentLine => ({ comment: text });

export const isComment = (line: Line): line is CommentLine => 'comment' in line;

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteWord(word: string): string {
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function renderArg(arg: Arg): string {
  if (typeof arg === 'string') return quoteWord(arg);
  if ('ref' in arg) return arg.split ? `$${arg.ref}` : `"$${arg.ref}"`;
  const inside = arg.parts
    .map((part) => (typeof part === 'string' ? part.replace(/([\\"$`])/g, '\\$1') : `\${${part.ref}}`))
    .join('');
  return `"${inside}"`;
}

export function renderLine(line: Line): string {
  if (isComment(line)) return `# ${line.comment}`;
  const text = line.argv.map(renderArg).join(' ');
  return line.capture === undefined ? text : `${line.capture}=$(${text})`;
}

/** The argv a real run executes: variables replaced by the values earlier lines captured. */
export function resolveArgv(argv: readonly Arg[], vars: ReadonlyMap<string, string>): string[] {
  const value = (ref: string): string => {
    const found = vars.get(ref);
    if (found === undefined) throw new Error(`$${ref} is used before any step set it`);
    return found;
  };
  return argv.flatMap((arg) => {
    if (typeof arg === 'string') return [arg];
    if ('ref' in arg) return arg.split ? value(arg.ref).split(/\s+/).filter(Boolean) : [value(arg.ref)];
    return [arg.parts.map((part) => (typeof part === 'string' ? part : value(part.ref))).join('')];
  });
}

/** Paths inside the repository print relative to its root, so a printed line runs as is from a checkout. */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
