// Promotion by Git history: an image digest reaches an environment only after the environment before it in
// the delivery order held it on main. Production takes only digests staging held; staging takes digests dev
// held, digests staging itself held before (a rollback, or history older than this rule) and hotfixes marked
// as such. docs/gitops.md#promotion explains why hotfixes may skip dev but never staging.
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

export type Tier = 'development' | 'staging' | 'production';

export interface Release {
  readonly tag?: string;
  readonly digest: string;
  readonly hotfix?: string;
}

export interface PromotedEnvironment {
  readonly name: string;
  readonly tier: Tier;
  readonly releases: Readonly<Record<string, Release>>;
}

/** The tier whose history an environment's digests must come from. */
const PREVIOUS_TIER: Readonly<Record<Tier, Tier | undefined>> = {
  development: undefined,
  staging: 'development',
  production: 'staging',
};

export const environmentFile = (name: string): string => `environments/${name}.ts`;

const gitBytes = (repo: string, args: readonly string[], input?: string): Buffer =>
  execFileSync('git', args, {
    cwd: repo,
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
const git = (repo: string, args: readonly string[]): string => gitBytes(repo, args).toString('utf8');

/**
 * The ref whose history counts as "main": main, else origin/main (a CI checkout of a pull request), else HEAD
 * (a clone without main).
 */
export function baseRefOf(repo: string): string {
  for (const candidate of ['main', 'origin/main']) {
    try {
      git(repo, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
      return candidate;
    } catch {
      // Not there: try the next one.
    }
  }
  return 'HEAD';
}

/** The `releases` pins written in an environment file (its source text), by image. */
export function releasesInSource(fileName: string, source: string): Record<string, Release> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const releases: Record<string, Release> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'releases') {
      if (ts.isObjectLiteralExpression(node.initializer)) {
        for (const entry of node.initializer.properties) {
          const image = ts.isPropertyAssignment(entry) ? propertyName(entry.name) : undefined;
          const fields =
            image === undefined ? undefined : stringFields((entry as ts.PropertyAssignment).initializer);
          if (image !== undefined && fields?.digest !== undefined) {
            releases[image] = { tag: fields.tag, digest: fields.digest, hotfix: fields.hotfix };
          }
        }
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return releases;
}

/** Every digest each image had in any version of `file` reachable from `ref`. */
export function digestHistory(repo: string, ref: string, file: string): Map<string, Set<string>> {
  const commits = git(repo, ['log', '--format=%H', ref, '--', file]).split('\n').filter(Boolean);
  const history = new Map<string, Set<string>>();
  if (commits.length === 0) return history;
  // One `git cat-file` for every version: a process per commit would cost seconds on a long history.
  const batch = gitBytes(
    repo,
    ['cat-file', '--batch'],
    commits.map((commit) => `${commit}:${file}\n`).join(''),
  );
  for (const source of splitBatch(batch)) {
    for (const [image, release] of Object.entries(releasesInSource(file, source))) {
      history.set(image, (history.get(image) ?? new Set()).add(release.digest));
    }
  }
  return history;
}

/** One line per digest that skipped a stage, saying which image, which digest and what to do instead. */
export function promotionViolations(
  repo: string,
  ref: string,
  environments: readonly PromotedEnvironment[],
): string[] {
  // A shallow clone holds only part of main's history: search what it has, and say so when a digest is missing.
  const shallow = git(repo, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  const histories = new Map(
    environments.map((env) => [env.name, digestHistory(repo, ref, environmentFile(env.name))]),
  );
  const heldBy = (image: string, digest: string, holders: readonly PromotedEnvironment[]): boolean =>
    holders.some((holder) => histories.get(holder.name)?.get(image)?.has(digest));
  return environments.flatMap((env) => {
    const previousTier = PREVIOUS_TIER[env.tier];
    if (previousTier === undefined) return [];
    const sources = environments.filter((other) => other.tier === previousTier);
    return Object.entries(env.releases)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([image, release]) => {
        if (heldBy(image, release.digest, sources)) return [];
        if (
          env.tier === 'staging' &&
          (release.hotfix !== undefined || heldBy(image, release.digest, [env]))
        ) {
          return [];
        }
        return [violation(env, image, release, sources, ref) + (shallow ? SHALLOW_HINT : '')];
      });
  });
}

const SHALLOW_HINT =
  ' This clone is shallow, so only its fetched history was searched: run `git fetch --unshallow` ' +
  '(in GitHub Actions: actions/checkout with fetch-depth: 0) and check again.';

function violation(
  env: PromotedEnvironment,
  image: string,
  release: Release,
  sources: readonly PromotedEnvironment[],
  ref: string,
): string {
  const pin = `${env.name}: releases.${image} pins ${release.digest}${release.tag ? ` (tag ${release.tag})` : ''}`;
  const files = sources.map((source) => environmentFile(source.name)).join(' or ');
  if (env.tier === 'production') {
    return (
      `${pin}, which ${files} never held on ${ref}. Promote it through staging first: pin this digest in ` +
      `${files}, merge, let it run there, then promote it to ${env.name} in a later pull request.`
    );
  }
  return (
    `${pin}, which neither ${files} nor ${environmentFile(env.name)} ever held on ${ref}. Pin it in ${files} ` +
    `first and merge; a hotfix built from a release branch instead sets releases.${image}.hotfix to the ` +
    `incident it fixes (docs/gitops.md#promotion).`
  );
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function stringFields(node: ts.Expression): Partial<Record<'tag' | 'digest' | 'hotfix', string>> | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const fields: Partial<Record<'tag' | 'digest' | 'hotfix', string>> = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isStringLiteralLike(property.initializer)) continue;
    const key = propertyName(property.name);
    if (key === 'tag' || key === 'digest' || key === 'hotfix') fields[key] = property.initializer.text;
  }
  return fields;
}

/** Contents of `git cat-file --batch` output: "<oid> blob <size>\n<content>\n" per object. */
function splitBatch(buffer: Buffer): string[] {
  const contents: string[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const headerEnd = buffer.indexOf(0x0a, offset);
    const header = buffer.subarray(offset, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith(' missing') || Number.isNaN(size)) throw new Error(`git cat-file: ${header}`);
    contents.push(buffer.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return contents;
}
