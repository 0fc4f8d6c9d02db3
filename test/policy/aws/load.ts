// Reads the rendered CDKTF tree: deploy/<env>/terraform/<stack>/cdk.tf.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RenderedStack } from './types';

const attributesSchema = z.record(z.string(), z.unknown());
const blocksSchema = z.record(z.string(), z.record(z.string(), attributesSchema));

// Only the sections rules read are checked; "terraform", "provider", "output" and "//" pass through untouched.
const documentSchema = z.looseObject({
  resource: blocksSchema.optional(),
  data: blocksSchema.optional(),
});

const STACK_FILE = 'cdk.tf.json';

/** Path of one stack's synthesized file inside a deploy tree. */
export function stackFile(deployDir: string, env: string, stack: string): string {
  return join(deployDir, env, 'terraform', stack, STACK_FILE);
}

/** Every rendered stack under `deployDir` (or only `env`'s), sorted by environment then stack id. */
export function loadRenderedStacks(deployDir: string, env?: string): RenderedStack[] {
  const envs = env === undefined ? subdirectories(deployDir) : [env];
  return envs.flatMap((envName) =>
    subdirectories(join(deployDir, envName, 'terraform'))
      .filter((stack) => existsSync(stackFile(deployDir, envName, stack)))
      .map((stack) => ({
        env: envName,
        stack,
        document: parseStackDocument(
          readFileSync(stackFile(deployDir, envName, stack), 'utf8'),
          stackFile(deployDir, envName, stack),
        ),
      })),
  );
}

/** Parses and shape-checks one cdk.tf.json; the error names the file and the offending path. */
export function parseStackDocument(text: string, file: string): RenderedStack['document'] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`${file} is not a Terraform JSON document: ${issues.join('; ')}`);
  }
  return parsed.data;
}

function subdirectories(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
