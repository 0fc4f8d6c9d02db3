// A warning section at the top of the review comment: each reviewed environment whose rendered EKS version is within
// kubernetesSupportWarningDays of its end of standard support (or past it). Read from the rendered cluster stack,
// so it reflects exactly what the change would deploy.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubernetesSupport } from '../../constructs/contracts/kubernetes-support';

function renderedVersion(deployDir: string, env: string): string | undefined {
  const file = join(deployDir, env, 'terraform', `${env}-cluster`, 'cdk.tf.json');
  if (!existsSync(file)) return undefined;
  const resources = (
    JSON.parse(readFileSync(file, 'utf8')) as {
      resource?: Record<string, Record<string, { version?: string }>>;
    }
  ).resource?.['aws_eks_cluster'];
  return Object.values(resources ?? {})[0]?.version;
}

/** Markdown lines (empty when every environment is comfortably supported). `today` is YYYY-MM-DD. */
export function kubernetesSupportWarnings(
  deployDir: string,
  envs: readonly string[],
  today: string,
): string[] {
  const warnings = envs.flatMap((env) => {
    const version = renderedVersion(deployDir, env);
    if (version === undefined) return [];
    const support = kubernetesSupport(version, today);
    return support.status === 'ok' ? [] : [`- \`${env}\`: ${support.text}`];
  });
  return warnings.length === 0 ? [] : ['#### ⚠️ EKS version support', '', ...warnings];
}
