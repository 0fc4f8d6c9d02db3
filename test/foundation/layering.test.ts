// No folder imports from a layer above it: the model at the bottom, the shared contracts (names, rendered-file
// primitives, serialisation) above it, the constructs, the renderers, and the command line on top.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerViolations, sourceFiles } from './layering';

const root = join(__dirname, '..', '..');

describe('code layers', () => {
  it('holds for every source file: imports only point down (or within the same folder)', () => {
    expect(layerViolations(sourceFiles(root))).toEqual([]);
  });

  it('fails when a renderer imports from the render pipeline above it', () => {
    const files = [
      { path: 'charts/render.ts', text: "import type { RenderedFile } from '../scripts/render/files';\n" },
    ];
    expect(layerViolations(files)).toEqual([
      "charts/render.ts imports '../scripts/render/files' (scripts, layer 5) from charts (layer 4)",
    ]);
  });

  it('fails when a layer imports sideways, such as AWS constructs from Kubernetes constructs', () => {
    const files = [{ path: 'constructs/aws/eks.ts', text: "import { x } from '../k8s/objects';\n" }];
    expect(layerViolations(files)).toEqual([
      "constructs/aws/eks.ts imports '../k8s/objects' (constructs/k8s, layer 2) from constructs/aws (layer 2)",
    ]);
  });

  it('fails when the Kubernetes side imports a CDKTF stack, although stacks/ is a lower layer', () => {
    const files = [
      { path: 'charts/platform/karpenter.ts', text: "import { x } from '../../stacks/cluster-stack';\n" },
    ];
    expect(layerViolations(files)).toEqual([
      "charts/platform/karpenter.ts imports '../../stacks/cluster-stack' (stacks, layer 3) from charts (layer 4)",
    ]);
  });

  it('accepts imports of lower layers, dynamic ones included', () => {
    const files = [
      {
        path: 'scripts/render/layers.ts',
        text: "import { a } from '../../environments';\nconst c = await import('../../charts/render');\n",
      },
    ];
    expect(layerViolations(files)).toEqual([]);
  });
});
