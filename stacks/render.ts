// Synthesizes an environment's stacks in memory (no cdktf.out), for the rendered tree under deploy/<env>/terraform.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnnotationMetadataEntryType, App, type TerraformStack } from 'cdktf';
// Not re-exported by the package root; cdktf is frozen at 0.21.0 upstream, so this internal path is stable.
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import type { EnvConfig } from '../environments';
import { nfrTagsOf, type NfrTag } from '../constructs/aws/nfr';
import { buildStacks } from './app';

export interface SynthesizedStack {
  readonly stack: string;
  /** Terraform JSON exactly as `cdktf synth` writes it to cdktf.out/stacks/<stack>/cdk.tf.json. */
  readonly config: Record<string, unknown>;
  /** NFR ids recorded on the stack's resources (constructs/aws/nfr.ts). */
  readonly nfr: readonly NfrTag[];
  /** Stacks cdktf deploys before this one (explicit order and cross-stack references). */
  readonly dependsOn: readonly string[];
}

export function synthesizeStacks(env: EnvConfig): SynthesizedStack[] {
  // The App insists on an outdir; nothing is written to it because the stacks are serialised here, not by app.synth().
  const app = new App({
    outdir: join(tmpdir(), 'skillforge-cdktf'),
    stackTraces: false,
    skipValidation: false,
  });
  const stacks = buildStacks(app, env);
  stacks.forEach((stack) => stack.prepareStack());
  return stacks.map((stack) => ({
    stack: stack.node.id,
    config: synthesizeOne(stack),
    nfr: nfrTagsOf(stack),
    dependsOn: stack.dependencies.map((dependency) => dependency.node.id).sort(),
  }));
}

function synthesizeOne(stack: TerraformStack): Record<string, unknown> {
  invokeAspects(stack);
  stack.runAllValidations();
  const errors = stack.node
    .findAll()
    .flatMap((node) =>
      node.node.metadata
        .filter((entry) => entry.type === AnnotationMetadataEntryType.ERROR)
        .map((entry) => `[${node.node.path}] ${String(entry.data)}`),
    );
  if (errors.length > 0) throw new Error(`stack ${stack.node.id} has errors:\n${errors.join('\n')}`);
  return stack.toTerraform() as Record<string, unknown>;
}
