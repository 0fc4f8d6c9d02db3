// The rendered tree is the drift snapshot: deterministic, complete, swapped in whole, and never half-written.
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../environments';
import { repositoryFiles } from '../../scripts/render/repository-files';
import type { RenderedFile } from '../../constructs/contracts/rendered-file';
import { renderEnvironment, renderEnvironments, writeRendered } from '../../scripts/render/synthesize';

const deployDir = join(__dirname, '..', '..', 'deploy');
const envs = [...loadRegistry().values()];

async function filesUnder(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), await readFile(path, 'utf8'));
  }
  return files;
}

describe('rendering', () => {
  it('is deterministic: two renders of every environment are byte-identical', async () => {
    const first = await renderEnvironments(envs);
    const second = await renderEnvironments(envs);
    expect(second).toEqual(first);
  });

  it.each(envs.map((env) => [env.name, env] as const))(
    'deploy/%s is up to date with the model (run `npm run synth` and commit when this fails)',
    async (name, env) => {
      const fresh = new Map((await renderEnvironment(env)).map((file) => [file.path, file.content]));
      const committed = await filesUnder(join(deployDir, name));
      const stale = [...new Set([...fresh.keys(), ...committed.keys()])].filter(
        (path) => fresh.get(path) !== committed.get(path),
      );
      expect(stale, `stale files in deploy/${name}`).toEqual([]);
      expect(fresh.size).toBeGreaterThan(0);
    },
  );

  it.each(Object.keys(repositoryFiles(envs)))(
    '%s is up to date with the registry (run `npm run synth` when this fails)',
    async (path) => {
      const committed = await readFile(join(deployDir, '..', path), 'utf8');
      expect(committed).toBe(repositoryFiles(envs)[path]);
    },
  );

  it('serialises with sorted keys, LF endings and a trailing newline', async () => {
    for (const file of await renderEnvironment(envs[0]!)) {
      expect(file.content.endsWith('\n'), file.path).toBe(true);
      expect(file.content.includes('\r'), file.path).toBe(false);
    }
  });

  it('replaces an environment folder whole and leaves the others and no temporary folders behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'skillforge-write-'));
    await mkdir(join(root, 'dev', 'k8s'), { recursive: true });
    await writeFile(join(root, 'dev', 'k8s', 'Removed.yaml'), 'stale\n');
    await mkdir(join(root, 'prod'), { recursive: true });
    await writeFile(join(root, 'prod', 'untouched.txt'), 'prod\n');
    const fresh: RenderedFile[] = [{ path: 'terraform/dev-network/cdk.tf.json', content: '{}\n' }];
    await writeRendered(root, new Map([['dev', fresh]]));
    expect(await filesUnder(root)).toEqual(
      new Map([
        ['dev/terraform/dev-network/cdk.tf.json', '{}\n'],
        ['prod/untouched.txt', 'prod\n'],
      ]),
    );
    expect((await readdir(root)).sort()).toEqual(['dev', 'prod']);
  });

  it('renders nothing when a layer fails for one environment', async () => {
    const failing = { name: 'broken', render: async () => Promise.reject(new Error('renderer bug')) };
    await expect(renderEnvironment(envs[0]!, { layers: [failing] })).rejects.toThrow('renderer bug');
  });
});
