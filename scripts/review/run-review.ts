// runReview: the review command end to end. Base = `deploy/` committed at a ref; head = the working tree's model
// rendered by the injected `render`; output = the Markdown comment on stdout; result = the exit code.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyAcknowledgements, isBlocking, loadAcknowledgements } from './acknowledgements';
import { findDestructiveChanges } from './destructive';
import { findDisruptiveChanges } from './disruptive-changes';
import { extractDeployTree, resolveCommit } from './git-base';
import { kubernetesSupportWarnings } from './kubernetes-support';
import { renderMarkdown } from './markdown';
import { ReviewError } from './model';
import { readPlans } from './plan-file';
import { diffTrees, listEnvs } from './tree-diff';

export const EXIT_CODES = { ok: 0, error: 1, destructive: 2 } as const;

export interface TextSink {
  write(text: string): unknown;
}

export interface ReviewOptions {
  /** Git ref of the base side, e.g. `origin/main`. */
  readonly base: string;
  readonly envs: readonly string[] | 'all';
  readonly repoRoot: string;
  /** Renders the working tree's deploy tree for `envs` into `outDir` (which then holds `<env>/…`). */
  readonly render: (outDir: string, envs: string[]) => Promise<void>;
  /** `terraform show -json` outputs, one per stack; a planned stack's findings come from its plan. */
  readonly plans?: readonly string[];
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/**
 * What to render for `all`: the environments of the working tree's committed `deploy/`, the render of the current
 * model. Environments only the base has are not rendered; the diff then shows them as removed.
 */
function environmentsToRender(options: ReviewOptions, baseDeploy: string): string[] {
  if (options.envs !== 'all') return [...options.envs];
  const working = listEnvs(join(options.repoRoot, 'deploy'));
  const envs = working.length > 0 ? working : listEnvs(baseDeploy);
  if (envs.length === 0) {
    throw new ReviewError(
      `no environments to review: deploy/ has no environment folder in the working tree or at ${options.base}; name them with --env`,
    );
  }
  return envs;
}

async function renderHead(options: ReviewOptions, headDeploy: string, envs: string[]): Promise<void> {
  mkdirSync(headDeploy, { recursive: true });
  try {
    await options.render(headDeploy, envs);
  } catch (error) {
    throw new ReviewError(`rendering the working tree failed: ${(error as Error).message}`);
  }
}

async function review(options: ReviewOptions, workDir: string): Promise<number> {
  const acknowledgements = loadAcknowledgements(options.repoRoot);
  const commit = await resolveCommit(options.repoRoot, options.base);
  const baseRoot = join(workDir, 'base');
  await extractDeployTree(options.repoRoot, commit, baseRoot);
  const baseDeploy = join(baseRoot, 'deploy');
  const headDeploy = join(workDir, 'head');
  const renderEnvs = environmentsToRender(options, baseDeploy);
  await renderHead(options, headDeploy, renderEnvs);

  if (options.envs !== 'all') {
    const unknown = options.envs.filter(
      (env) => !existsSync(join(baseDeploy, env)) && !existsSync(join(headDeploy, env)),
    );
    if (unknown.length > 0) {
      throw new ReviewError(
        `unknown environment ${unknown.map((env) => `"${env}"`).join(', ')}: not in deploy/ at ${options.base} and not rendered`,
      );
    }
  }
  const reviewedEnvs =
    options.envs === 'all' ? union(listEnvs(baseDeploy), listEnvs(headDeploy)) : [...options.envs];
  const diff = diffTrees(baseDeploy, headDeploy, { envs: reviewedEnvs });
  const plans = readPlans(options.plans ?? [], {
    // Every environment of either side, so that a plan of an environment not under review is named as such.
    sides: () => diffTrees(baseDeploy, headDeploy).terraform ?? {},
    reviewedEnvs,
  });
  const { findings, unused } = applyAcknowledgements(
    findDestructiveChanges(diff, { plans }),
    acknowledgements,
    reviewedEnvs,
  );
  const comparing = `${options.base} (${commit.slice(0, 12)}) → working tree`;
  const planList = [...plans.values()].flatMap((stacks) => [...stacks.values()]);
  options.stdout.write(
    renderMarkdown(diff, {
      findings,
      unusedAcknowledgements: unused,
      comparing,
      warnings: findDisruptiveChanges(diff),
      notices: kubernetesSupportWarnings(headDeploy, reviewedEnvs, new Date().toISOString().slice(0, 10)),
      plans: planList.map(({ env, stack, file }) => ({ env, stack, file })),
    }),
  );
  return findings.some(isBlocking) ? EXIT_CODES.destructive : EXIT_CODES.ok;
}

/** 0: no unacknowledged destructive change; 2: at least one; 1: the review could not run (message on stderr). */
export async function runReview(options: ReviewOptions): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'deploy-review-'));
  try {
    return await review(options, workDir);
  } catch (error) {
    const message =
      error instanceof ReviewError
        ? error.message
        : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    options.stderr.write(`review: ${message}\n`);
    return EXIT_CODES.error;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
