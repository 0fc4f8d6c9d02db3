// The promotion check against real Git history: a throwaway repository holding this repository's environment
// files, changed commit by commit the way a release moves through dev, staging and prod.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  baseRefOf,
  environmentFile,
  promotionViolations,
  type PromotedEnvironment,
  releasesInSource,
  type Tier,
} from './promotion';

const repoRoot = join(__dirname, '..', '..');
const TIERS: Readonly<Record<string, Tier>> = { dev: 'development', staging: 'staging', prod: 'production' };
const digestOf = (label: string): string => `sha256:${createHash('sha256').update(label).digest('hex')}`;
const NEW_BUILD = digestOf('search-api 1.5.1');

let repo: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
const commit = (message: string): void => {
  git('add', '-A');
  git(
    '-c',
    'user.name=test',
    '-c',
    'user.email=test@example.com',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-qm',
    message,
  );
};
const read = (env: string): string => readFileSync(join(repo, environmentFile(env)), 'utf8');

/** Edits one release in an environment file the way a person would: its digest, maybe a hotfix note. */
function pin(env: string, image: string, digest: string, hotfix?: string): void {
  const source = read(env);
  const entry = source.search(new RegExp(`['"]?${image}['"]?: \\{`));
  const digestAt = source.indexOf("digest: '", entry) + "digest: '".length;
  const end = source.indexOf("'", digestAt);
  const note = hotfix === undefined ? '' : `, hotfix: '${hotfix}'`;
  writeFileSync(
    join(repo, environmentFile(env)),
    `${source.slice(0, digestAt)}${digest}'${note}${source.slice(end + 1)}`,
  );
}

/** The environments as the working tree pins them (what the model would load). */
const workingTree = (): PromotedEnvironment[] =>
  Object.entries(TIERS).map(([name, tier]) => ({
    name,
    tier,
    releases: releasesInSource(environmentFile(name), read(name)),
  }));

const violations = (): string[] => promotionViolations(repo, baseRefOf(repo), workingTree());

beforeEach(async () => {
  repo = mkdtempSync(join(tmpdir(), 'skillforge-promotion-'));
  git('init', '-q', '-b', 'main');
  await mkdir(join(repo, 'environments'));
  for (const env of Object.keys(TIERS)) {
    writeFileSync(
      join(repo, environmentFile(env)),
      readFileSync(join(repoRoot, environmentFile(env)), 'utf8'),
    );
  }
  commit('the environments as this repository has them');
});

describe('promotion check on a real history', () => {
  it('reads every pin of an environment file', () => {
    const staging = releasesInSource('staging.ts', read('staging'));
    expect(Object.keys(staging)).toContain('search-api');
    expect(staging['web']).toEqual({
      tag: '1.4.2',
      digest: 'sha256:d1864540c44317880193e9178dd89a68cc2e559ed500d599de0471b86fb22412',
      hotfix: undefined,
    });
  });

  it('passes a promotion that went dev → staging → prod through main', () => {
    pin('dev', 'search-api', NEW_BUILD);
    commit('dev: search-api 1.5.1');
    pin('staging', 'search-api', NEW_BUILD);
    commit('staging: search-api 1.5.1');
    pin('prod', 'search-api', NEW_BUILD);
    expect(violations()).toEqual([]);
  });

  it('fails when prod takes a digest staging never held, naming image, digest and what to do', () => {
    pin('dev', 'search-api', NEW_BUILD);
    commit('dev: search-api 1.5.1');
    pin('prod', 'search-api', NEW_BUILD);
    expect(violations()).toEqual([
      `prod: releases.search-api pins ${NEW_BUILD} (tag 1.4.2), which environments/staging.ts never held on main. ` +
        'Promote it through staging first: pin this digest in environments/staging.ts, merge, let it run there, ' +
        'then promote it to prod in a later pull request.',
    ]);
  });

  it('fails when staging and prod change together: staging must hold the digest on main first', () => {
    pin('dev', 'search-api', NEW_BUILD);
    commit('dev: search-api 1.5.1');
    git('checkout', '-q', '-b', 'promote-everything');
    pin('staging', 'search-api', NEW_BUILD);
    pin('prod', 'search-api', NEW_BUILD);
    commit('staging and prod at once');
    expect(violations()).toHaveLength(1);
    expect(violations()[0]).toMatch(/^prod: releases\.search-api pins .* never held on main\./);
  });

  it('fails when staging takes a digest dev never held, unless it is a marked hotfix', () => {
    const hotfix = digestOf('web 1.4.3 from release/1.4');
    pin('staging', 'web', hotfix);
    expect(violations()).toEqual([
      `staging: releases.web pins ${hotfix} (tag 1.4.2), which neither environments/dev.ts nor ` +
        'environments/staging.ts ever held on main. Pin it in environments/dev.ts first and merge; a hotfix built ' +
        'from a release branch instead sets releases.web.hotfix to the incident it fixes (docs/gitops.md#promotion).',
    ]);
    pin('staging', 'web', hotfix, 'INC-1042: blank page on Safari 17');
    expect(violations()).toEqual([]);
  });

  it('lets staging return to a digest it held before (a rollback)', () => {
    const before = releasesInSource('staging.ts', read('staging'))['search-api']!.digest;
    pin('dev', 'search-api', NEW_BUILD);
    commit('dev: search-api 1.5.1');
    pin('staging', 'search-api', NEW_BUILD);
    commit('staging: search-api 1.5.1');
    pin('staging', 'search-api', before);
    expect(violations()).toEqual([]);
  });
});

describe('which history counts as main', () => {
  it('is main, else origin/main (a CI checkout of a pull request), else HEAD', () => {
    expect(baseRefOf(repo)).toBe('main');
    git('checkout', '-q', '-b', 'feature');
    const clone = mkdtempSync(join(tmpdir(), 'skillforge-promotion-clone-'));
    execFileSync('git', ['clone', '-q', '--branch', 'feature', `file://${repo}`, clone], { stdio: 'pipe' });
    expect(baseRefOf(clone)).toBe('origin/main');
    git('branch', '-q', '-m', 'main', 'trunk');
    expect(baseRefOf(repo)).toBe('HEAD');
  });

  it('searches the history a shallow clone has, and says so when a digest is beyond it', () => {
    const released = releasesInSource('staging.ts', read('staging'))['search-api']!.digest;
    pin('dev', 'search-api', NEW_BUILD);
    commit('dev: search-api 1.5.1');
    pin('staging', 'search-api', NEW_BUILD);
    commit('staging: search-api 1.5.1');
    // prod still runs what staging ran before: proven by the full history, beyond a depth-1 clone's.
    expect(violations()).toEqual([]);
    const clone = mkdtempSync(join(tmpdir(), 'skillforge-promotion-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone], { stdio: 'pipe' });
    const shallow = promotionViolations(clone, baseRefOf(clone), workingTree());
    expect(shallow).toHaveLength(1);
    expect(shallow[0]).toContain(`prod: releases.search-api pins ${released}`);
    expect(shallow[0]).toContain('This clone is shallow, so only its fetched history was searched');
  });
});
