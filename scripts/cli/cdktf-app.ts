// `cdktf-app`: what cdktf.json runs. Refuses to guess: without SKILLFORGE_ENV it names the variable and the
// environments, because the cdktf CLI would otherwise synthesize something nobody asked for (it ignores --env).
// Like `npm run plan|deploy`, it refuses a render that is stale or uncommitted, so a raw `npx cdktf deploy` can
// never apply what nobody reviewed.
import { environmentNames, loadEnvironment } from '../../environments';
import { staleTerraformRender } from '../render/freshness';
import { parseOptions, UsageError } from './args';
import type { Command } from './io';
import { deployDir, repoRoot } from './paths';

export const cdktfApp: Command = async (argv) => {
  parseOptions('cdktf-app', argv, {});
  const name = process.env.SKILLFORGE_ENV;
  if (!name) {
    throw new UsageError(
      `cdktf-app: SKILLFORGE_ENV is not set; expected one of: ${environmentNames.join(', ')} (use npm run deploy|plan -- --env <name>)`,
    );
  }
  const env = loadEnvironment(name);
  const stale = await staleTerraformRender(env, deployDir(), repoRoot());
  if (stale.length > 0) {
    throw new UsageError(
      `cdktf-app: SKILLFORGE_ENV=${name}: deploy/${name}/terraform is not the committed render of the model (${stale.join(', ')}); run \`npm run synth -- --env ${name}\`, review and commit it, then \`npm run plan -- --env ${name}\` and \`npm run deploy -- --env ${name}\` instead of the cdktf CLI`,
    );
  }
  const { synthesizeForCdktf } = await import('../../stacks/cdktf-app');
  // Silent on success: the cdktf CLI reports anything the app prints on stderr as an error.
  synthesizeForCdktf(env, process.env.CDKTF_OUTDIR);
  return 0;
};
