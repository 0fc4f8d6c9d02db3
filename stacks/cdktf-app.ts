// Entry point the cdktf CLI runs (cdktf.json "app"): synthesizes exactly one environment, named by
// $SKILLFORGE_ENV, into $CDKTF_OUTDIR. The project CLI sets the variable; the cdktf CLI cannot pass --env.
import { App } from 'cdktf';
import type { EnvConfig } from '../environments';
import { buildStacks } from './app';

export function synthesizeForCdktf(env: EnvConfig, outdir: string | undefined): void {
  const app = new App({ outdir, stackTraces: false });
  buildStacks(app, env);
  app.synth();
}
