// Keys written twice in the model's source files, as model issues: the environment files and the defaults.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULTS_SCOPE, Described, type ModelIssue } from './errors';
import { environmentNames } from './registry';
import { duplicateKeys } from './source-keys';

/** Reads environments/<env>.ts of every registered environment and environments/defaults/*.ts under `root`. */
export async function duplicateKeyIssues(root: string): Promise<ModelIssue[]> {
  const defaults = (await readdir(join(root, 'environments', 'defaults'))).filter((file) =>
    file.endsWith('.ts'),
  );
  const files = [
    ...environmentNames.map((name) => ({ scope: name as string, file: `environments/${name}.ts` })),
    ...defaults.sort().map((file) => ({ scope: DEFAULTS_SCOPE, file: `environments/defaults/${file}` })),
  ];
  const issues: ModelIssue[] = [];
  for (const { scope, file } of files) {
    const source = await readFile(join(root, file), 'utf8').catch(() => undefined);
    if (source === undefined) continue;
    for (const duplicate of duplicateKeys(source)) {
      issues.push({
        environment: scope,
        path: duplicate.path ? `${duplicate.path}.${duplicate.key}` : duplicate.key,
        value: new Described(
          `a second "${duplicate.key}" at ${file}:${duplicate.line} (the first is at line ${duplicate.firstLine})`,
        ),
        expected: 'expected each key once: the second silently replaces the first',
      });
    }
  }
  return issues;
}
