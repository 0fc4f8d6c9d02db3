// The rendering layers, in order. Each one is a pure function of the model (and of what earlier layers
// rendered): nothing reads cloud APIs or cluster state. Modules load lazily so a command only pays for what it uses.
import type { EnvConfig } from '../../environments';
import { jsonFile, type RenderedFile } from './files';

export interface RenderLayer {
  readonly name: string;
  render(env: EnvConfig, earlier: readonly RenderedFile[]): Promise<RenderedFile[]>;
}

export const renderLayers: readonly RenderLayer[] = [
  {
    name: 'terraform',
    render: async (env) =>
      (await import('../../stacks/render'))
        .synthesizeStacks(env)
        .map(({ stack, config }) => jsonFile(`terraform/${stack}/cdk.tf.json`, config)),
  },
];
