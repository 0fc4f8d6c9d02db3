// `npm run review -- --base <git ref> [--env <name>]`: the synthesized diff of deploy/ between the base ref and a
// fresh render of the working tree, as Markdown for a PR comment. Exit 0 clean, 2 unacknowledged destructive
// change, 1 error. The diff engine lives in scripts/review/; this file only wires arguments and rendering.
import { loadRegistry } from '../../environments';
import { renderEnvironments, writeTree } from '../render/synthesize';
import { runReview } from '../review/run-review';
import { envOption, environmentsFrom, parseOptions } from './args';
import type { Command } from './io';
import { repoRoot } from './paths';
import { join } from 'node:path';

export const review: Command = async (argv, io) => {
  const options = parseOptions('review', argv, {
    base: {
      type: 'string',
      value: '<git-ref>',
      description: 'ref whose committed deploy/ is the base (default origin/main)',
    },
    env: envOption(false),
  });
  const envs = environmentsFrom('review', options.env);
  return runReview({
    base: typeof options.base === 'string' ? options.base : 'origin/main',
    envs,
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
