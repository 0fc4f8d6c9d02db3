// All CDKTF stacks of one environment, in dependency order. The same function serves `npm run synth` (rendered
// into deploy/<env>/terraform) and `cdktf deploy|diff` (synthesized into cdktf.out by cdktf.json's app).
// <env>-bootstrap comes first in the list but is deployed once by hand (`npm run deploy -- --bootstrap`).
import type { App } from 'cdktf';
import type { EnvConfig } from '../environments';
import type { SkillforgeStack } from './base-stack';
import { BootstrapStack } from './bootstrap-stack';
import { CiStack } from './ci-stack';
import { ClusterStack } from './cluster-stack';
import { DataStack } from './data-stack';
import { EdgeStack } from './edge-stack';
import { NetworkStack } from './network-stack';

export function buildStacks(app: App, env: EnvConfig): SkillforgeStack[] {
  const bootstrap = new BootstrapStack(app, env);
  const network = new NetworkStack(app, env);
  const ci = new CiStack(app, env);
  const cluster = new ClusterStack(app, env, network);
  const data = new DataStack(app, env, network, cluster);
  const edge = new EdgeStack(app, env);
  const ordered = [network, ci, cluster, data, edge];
  // cdktf deploys stacks without a dependency between them in parallel; the layers are an order, so chain them.
  ordered.slice(1).forEach((stack, index) => stack.addDependency(ordered[index]!));
  return [bootstrap, ...ordered];
}
