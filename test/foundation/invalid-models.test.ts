// The table of invalid models (test/foundation/invalid-models.ts): each stops synth with its exact first line, and
// deploy/ is byte-identical afterwards. Most run synth in-process on a copy of deploy/ (validation comes first, so
// that is cheap); a few go through the real CLI in a throwaway clone, the way an operator would meet them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentRegistry, InvalidEnvironmentError, loadRegistry } from '../../environments';
import { loadCheckedModel } from '../../scripts/cli/model';
import { runSynth } from '../../scripts/cli/synth';
import { cloneRepo, repoRoot, runCli } from '../support/repo-clone';
import { treeHash } from '../support/tree-hash';
import { invalidModels } from './invalid-models';
import { registryWith } from './support';

const firstLine = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

describe('invalid models', () => {
  let workspace: string;
  let deploy: string;
  let before: string;

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'skillforge-invalid-'));
    deploy = join(workspace, 'deploy');
    cpSync(join(repoRoot, 'deploy'), deploy, { recursive: true });
    cpSync(join(repoRoot, 'environments'), join(workspace, 'environments'), { recursive: true });
    before = treeHash(deploy);
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('has at least 40, covering each of the twelve classes of issue #14', () => {
    expect(invalidModels.length).toBeGreaterThanOrEqual(40);
    expect(new Set(invalidModels.map((model) => model.issueClass))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    );
  });

  it.each(invalidModels.filter((model) => model.registry).map((model) => [model.what, model] as const))(
    'synth fails when given %s, and deploy/ is untouched',
    async (_what, model) => {
      let failure: unknown;
      try {
        await runSynth({
          layers: model.registry!,
          context: model.context,
          names: Object.keys(model.registry!),
          all: true,
          force: true,
          deployDir: deploy,
          repoRoot: workspace,
          io: { stdout: { write: () => true }, stderr: { write: () => true } },
        });
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(InvalidEnvironmentError);
      expect(firstLine(failure)).toBe(model.firstLine);
      expect(treeHash(deploy)).toBe(before);
    },
  );

  it.each(invalidModels.filter((model) => model.source).map((model) => [model.what, model] as const))(
    'the model check fails when given %s, and deploy/ is untouched',
    async (_what, model) => {
      const { file, from, to } = model.source!;
      const path = join(workspace, file);
      const original = readFileSync(path, 'utf8');
      expect(original).toContain(from);
      writeFileSync(path, original.replace(from, to));
      try {
        await expect(loadCheckedModel(workspace, deploy)).rejects.toThrow(InvalidEnvironmentError);
        await loadCheckedModel(workspace, deploy).catch((error: unknown) =>
          expect(firstLine(error)).toBe(model.firstLine),
        );
      } finally {
        writeFileSync(path, original);
      }
      expect(treeHash(deploy)).toBe(before);
    },
  );

  it('accepts the same versions, a newer one, and a major-only record that a minor of it matches', () => {
    const committed = new Map([
      [
        'prod',
        { 'postgres.engineVersion': '16', 'redis.engineVersion': '7.0', 'kafka.kafkaVersion': '3.6.0' },
      ],
    ]);
    expect(() => loadRegistry(registryWith('prod', {}), { committedVersions: committed })).not.toThrow();
  });

  it('accepts the committed model itself, whose tag-only images carry unexpired exceptions', () => {
    expect([...loadRegistry(environmentRegistry, { today: '2026-12-06' }).keys()]).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });
});

describe('invalid models through the real CLI', () => {
  let clone: string;
  let before: string;
  beforeAll(() => {
    clone = cloneRepo();
    before = treeHash(join(clone, 'deploy'));
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  /** Edits one file of the clone, runs synth, puts the file back. */
  function synthWith(file: string, from: string, to: string) {
    const path = join(clone, file);
    const original = readFileSync(path, 'utf8');
    expect(original).toContain(from);
    writeFileSync(path, original.replace(from, to));
    try {
      return runCli(clone, ['synth']);
    } finally {
      writeFileSync(path, original);
    }
  }

  it.each([
    [
      'a second postgres block in prod.ts',
      'environments/prod.ts',
      '  opensearch: {',
      "  postgres: { instanceClass: 'db.r6g.large' },\n  opensearch: {",
      'environment "prod": postgres: got a second "postgres" at environments/prod.ts:38 (the first is at line 30); expected each key once: the second silently replaces the first',
    ],
    [
      "prod declared with tier 'staging'",
      'environments/prod.ts',
      "tier: 'production'",
      "tier: 'staging'",
      'environment "prod": tier: got "staging"; expected "production": environments/registry.ts registers prod as production, and its own file may not weaken that',
    ],
    [
      'Redis 7.1 → 6.2 against the committed render',
      'environments/defaults/data-stores.ts',
      "engineVersion: '7.1'",
      "engineVersion: '6.2'",
      'environment "dev": redis.engineVersion: got "6.2"; expected 7.1 or later: deploy/dev/versions.json records 7.1, and ElastiCache for Redis cannot be downgraded in place',
    ],
    [
      'public endpoint CIDRs that together open the API',
      'environments/staging.ts',
      "  edge: { hostPrefix: 'staging.' },",
      "  edge: { hostPrefix: 'staging.' },\n  cluster: { publicEndpointCidrs: ['0.0.0.0/1', '128.0.0.0/1'] },",
      'environment "staging": cluster.publicEndpointCidrs[0]: got "0.0.0.0/1"; expected /24 or narrower (cluster.publicEndpointMinPrefixLength), or cluster.publicEndpointExceptions["0.0.0.0/1"] saying why, until when',
    ],
  ])(
    'npm run synth fails when given %s, with one line per problem, and writes nothing',
    (_what, file, from, to, line) => {
      const result = synthWith(file, from, to);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(line);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(treeHash(join(clone, 'deploy'))).toBe(before);
    },
  );
});
