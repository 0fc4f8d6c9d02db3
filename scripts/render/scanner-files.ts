// The `scanners` render layer: deploy/<env>/scanners/checkov-terraform.baseline (checkov's --baseline for
// deploy/<env>/terraform) and deploy/<env>/.trivyignore.yaml (trivy's --ignorefile for deploy/<env>), both from
// the model's scannerExceptions. docs/scanners.md shows the commands that read them.
import type { EnvConfig } from '../../environments';
import { checkovTerraformBaseline, type RenderedStack, trivyIgnoreFile } from '../../constructs/contracts';
import { jsonFile, type RenderedFile, yamlFile } from '../../constructs/contracts/rendered-file';

export const CHECKOV_BASELINE = 'scanners/checkov-terraform.baseline';
export const TRIVY_IGNORE = '.trivyignore.yaml';

const STACK_FILE = /^terraform\/([^/]+)\/cdk\.tf\.json$/;

export function scannerSuppressionFiles(env: EnvConfig, earlier: readonly RenderedFile[]): RenderedFile[] {
  const stacks: RenderedStack[] = earlier.flatMap((file) => {
    const match = STACK_FILE.exec(file.path);
    return match ? [{ stack: match[1]!, config: JSON.parse(file.content) as RenderedStack['config'] }] : [];
  });
  return [
    jsonFile(CHECKOV_BASELINE, checkovTerraformBaseline(env, stacks)),
    yamlFile(TRIVY_IGNORE, trivyIgnoreFile(env)),
  ];
}
