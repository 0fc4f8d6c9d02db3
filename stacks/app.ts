// All CDKTF stacks of one environment, in dependency order. The same function serves `npm run synth` (rendered
// into deploy/<env>/terraform) and `cdktf deploy|diff` (synthesized into cdktf.out by cdktf.json's app).
import type { App } from 'cdktf';
import type { EnvConfig } from '../environments';
import { NetworkStack } from './network-stack';
import type { SkillforgeStack } from './base-stack';

export function buildStacks(app: App, env: EnvConfig): SkillforgeStack[] {
  const network = new NetworkStack(app, env);
  return [network];
}
