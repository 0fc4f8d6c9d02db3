// Before plan or deploy: the committed deploy/<env>/terraform must be exactly what a fresh render of the model
// gives, and committed. terraform then runs on the committed files, so what is planned and applied is byte for
// byte what was reviewed. The check itself is shared with the cdktf app (scripts/render/freshness.ts).
import type { EnvConfig } from '../../environments';
import { staleTerraformRender } from '../render/freshness';
import { UsageError } from './args';
import { deployDir, repoRoot } from './paths';

/** Refuses when deploy/<env>/terraform differs from a fresh render: someone changed the model without rendering. */
export async function assertRenderCommitted(env: EnvConfig, command: string): Promise<void> {
  const stale = await staleTerraformRender(env, deployDir(), repoRoot());
  if (stale.length > 0) {
    throw new UsageError(
      `${command}: the rendered Terraform differs from a fresh synth (${stale.join(', ')}); run \`npm run synth -- --env ${env.name}\`, review and commit it first`,
    );
  }
}
