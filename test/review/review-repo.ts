// Throwaway git repositories for runReview: `main` commits a deploy tree and an empty acknowledgements file, an
// injected render writes the head side, and the run's exit code and output are captured.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runReview, type ReviewOptions } from '../../scripts/review';
import { writeTree, type TreeFiles } from './fixtures';

class Capture {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export function git(repo: string, ...args: string[]): string {
  const identity = [
    '-c',
    'user.name=Review Test',
    '-c',
    'user.email=review@example.test',
    '-c',
    'commit.gpgsign=false',
  ];
  return execFileSync('git', ['-C', repo, ...identity, ...args], { encoding: 'utf8' });
}

export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

export interface ReviewRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly rendered: { outDir: string; envs: string[] }[];
}

/** Helpers bound to a test file's temporary folders (useTempDirs). */
export function reviewRepos(tempDir: (prefix?: string) => string) {
  /** A repository whose `main` holds `deploy/` = `tree` and an empty acknowledgements file. */
  function repoWith(tree: TreeFiles): string {
    const repo = tempDir('review-repo-');
    git(repo, 'init', '-q', '-b', 'main');
    writeTree(repo, { 'docs/acknowledged-changes.yaml': '# acknowledgements\n[]\n' });
    writeTree(join(repo, 'deploy'), tree);
    commitAll(repo, 'render deploy tree');
    return repo;
  }

  async function review(
    repo: string,
    head: TreeFiles,
    overrides: Partial<ReviewOptions> = {},
  ): Promise<ReviewRun> {
    const stdout = new Capture();
    const stderr = new Capture();
    const rendered: { outDir: string; envs: string[] }[] = [];
    const code = await runReview({
      base: 'main',
      envs: 'all',
      repoRoot: repo,
      render: async (outDir, envs) => {
        rendered.push({ outDir, envs });
        const selected = Object.entries(head).filter(([path]) => envs.includes(path.split('/')[0]));
        writeTree(outDir, Object.fromEntries(selected));
      },
      stdout,
      stderr,
      ...overrides,
    });
    return { code, stdout: stdout.text, stderr: stderr.text, rendered };
  }

  return { repoWith, review };
}
