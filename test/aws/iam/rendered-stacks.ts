// The rendered Terraform of an environment as committed under deploy/<env>/terraform: what `terraform apply` reads,
// so what the IAM simulation judges.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RenderedStack {
  readonly env: string;
  readonly stack: string;
  readonly document: Record<string, unknown>;
}

export const DEPLOY_DIR = join(__dirname, '..', '..', '..', 'deploy');

const cache = new Map<string, RenderedStack[]>();

export function renderedStacks(env: string): RenderedStack[] {
  const cached = cache.get(env);
  if (cached) return cached;
  const dir = join(DEPLOY_DIR, env, 'terraform');
  const stacks = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'cdk.tf.json')))
    .map((entry) => entry.name)
    .sort()
    .map((stack) => ({
      env,
      stack,
      document: JSON.parse(readFileSync(join(dir, stack, 'cdk.tf.json'), 'utf8')) as Record<string, unknown>,
    }));
  cache.set(env, stacks);
  return stacks;
}
