// `npm run review -- --base <git ref> [--env <name>[,<name>…]|all] [--plan <file>]…`: the synthesized diff of
// deploy/ between the base ref and a fresh render of the working tree, as Markdown for a PR comment. Exit 0 clean,
// 2 unacknowledged destructive change, 1 error. The diff engine lives in scripts/review/; this file only wires
// arguments and rendering.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { environmentNames, loadRegistry } from '../../environments';
import { renderEnvironments, writeTree } from '../render/synthesize';
import { runReview } from '../review/run-review';
import { environmentsFrom, parseOptions, UsageError } from './args';
import type { Command } from './io';
import { repoRoot } from './paths';

/** `--env a,b --env c` → [a, b, c]; `all` (alone) or nothing → every environment, removed ones included. */
export function reviewEnvironments(given: string | string[] | boolean | undefined): string[] | 'all' {
  if (given === undefined) return 'all';
  const names = (Array.isArray(given) ? given : [String(given)])
    .flatMap((value) => value.split(','))
    .map((name) => name.trim());
  if (names.includes('all')) {
    if (names.length > 1)
      throw new UsageError('review: --env: "all" stands alone (got "' + names.join(',') + '")');
    return 'all';
  }
  return environmentsFrom('review', names);
}

export const review: Command = async (argv, io) => {
  const options = parseOptions('review', argv, {
    base: {
      type: 'string',
      value: '<git-ref>',
      description: 'ref whose committed deploy/ is the base (default origin/main)',
    },
    env: {
      type: 'string',
      value: '<name>[,<name>…]|all',
      multiple: true,
      description: `environments to review: ${environmentNames.join(' | ')}, comma-separated or repeated, or all (default: all)`,
    },
    plan: {
      type: 'string',
      value: '<file>',
      multiple: true,
      description:
        '`terraform show -json` output of one stack (repeatable); it overrides the replacement table for that stack',
    },
  });
  const envs = reviewEnvironments(options.env);
  // npm runs scripts from the package root; a relative --plan path means the caller's directory.
  const callerDir = process.env.INIT_CWD ?? process.cwd();
  // Relative to the working directory (the repository root under npm), so messages name the file as typed there.
  const plans = ((options.plan as string[] | undefined) ?? []).map((file) =>
    isAbsolute(file) ? file : relative(process.cwd(), resolve(callerDir, file)),
  );
  return runReview({
    base: typeof options.base === 'string' ? options.base : 'origin/main',
    envs,
    plans,
    repoRoot: repoRoot(),
    stdout: io.stdout,
    stderr: io.stderr,
    render: async (outDir, names) => {
      const registry = loadRegistry();
      const rendered = await renderEnvironments(names.map((name) => registry.get(name)!));
      for (const [name, files] of rendered) await writeTree(join(outDir, name), files);
    },
  });
};
