// Building blocks for the expected dry-run output, computed from the model so a changed model value moves the
// expectation with it, while the shape of every line is written out literally in the tests.
import { kubeContext } from '../../../constructs/contracts';
import { type EnvConfig, loadRegistry } from '../../../environments';
import type { OpsCommandDefinition } from '../../../scripts/ops/runner/command';
import type { OpsDeps } from '../../../scripts/ops/runner/deps';
import { run } from './ops-harness';

export const environments = (): EnvConfig[] => [...loadRegistry().values()];

export const header = (command: string, env: EnvConfig): string =>
  `# dry run of ${command} for ${env.name}: nothing is changed; a real run executes these lines in order`;

/** `kubectl --context <ctx> [-n <namespace>]` for the environment. */
export const kc = (env: EnvConfig, namespace?: string): string =>
  `kubectl --context ${kubeContext(env)}${namespace === undefined ? '' : ` -n ${namespace}`}`;

/** The trailing flags of the kubectl argo rollouts plugin. */
export const plugin = (env: EnvConfig, namespace: string): string =>
  `-n ${namespace} --context ${kubeContext(env)}`;

/** Runs a command with --dry-run and returns its stdout lines; fails the test on a non-zero exit. */
export async function dryRun(
  definition: OpsCommandDefinition,
  env: EnvConfig,
  deps: OpsDeps,
  extra: readonly string[] = [],
): Promise<string[]> {
  const result = await run(definition, ['--env', env.name, '--dry-run', ...extra], deps);
  if (result.code !== 0) throw new Error(`exit ${result.code}:\n${result.stdout()}\n${result.stderr()}`);
  return result.stdout().trimEnd().split('\n');
}
