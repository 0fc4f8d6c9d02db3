// `cdktf-app`: what cdktf.json runs. Refuses to guess: without SKILLFORGE_ENV it names the variable and the
// environments, because the cdktf CLI would otherwise synthesize something nobody asked for.
import { environmentNames, loadEnvironment } from '../../environments';
import { parseOptions, UsageError } from './args';
import type { Command } from './io';

export const cdktfApp: Command = async (argv) => {
  parseOptions('cdktf-app', argv, {});
  const name = process.env.SKILLFORGE_ENV;
  if (!name) {
    throw new UsageError(
      `cdktf-app: SKILLFORGE_ENV is not set; expected one of: ${environmentNames.join(', ')} (use npm run deploy|plan -- --env <name>)`,
    );
  }
  const env = loadEnvironment(name);
  const { synthesizeForCdktf } = await import('../../stacks/cdktf-app');
  // Silent on success: the cdktf CLI reports anything the app prints on stderr as an error.
  synthesizeForCdktf(env, process.env.CDKTF_OUTDIR);
  return 0;
};
