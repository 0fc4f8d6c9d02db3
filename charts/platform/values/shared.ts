// Helpers shared by the Helm values builders.
import type { EnvConfig } from '../../../environments';
import { roleArnFor } from '../../../constructs/contracts';
import { IRSA_ANNOTATION } from '../../../constructs/k8s/service-account';

export type HelmValues = Record<string, unknown>;

/** The chart's namespace in the model. */
export function chartNamespace(env: EnvConfig, chart: string): string {
  const source = env.platformCharts[chart];
  if (!source) throw new Error(`${env.name}: platformCharts has no "${chart}"`);
  return source.namespace;
}

/**
 * ServiceAccount values for a controller that calls AWS: the name Terraform's trust policy expects and the role
 * ARN from the same irsaBindings() the IAM side uses. A mismatch is an error here, not an AccessDenied later.
 */
export function irsaServiceAccount(env: EnvConfig, chart: string, serviceAccount: string): HelmValues {
  const namespace = chartNamespace(env, chart);
  const roleArn = roleArnFor(env, namespace, serviceAccount);
  if (!roleArn) {
    throw new Error(
      `${env.name}: no IAM role for service account ${namespace}/${serviceAccount} (chart ${chart}); ` +
        'irsaBindings in constructs/contracts/identities.ts must list it',
    );
  }
  return { create: true, name: serviceAccount, annotations: { [IRSA_ANNOTATION]: roleArn } };
}

/** Istio's name for the minimum TLS version of the model (runbook §1.3: TLS 1.2+). */
export const istioTlsVersion = (env: EnvConfig): string =>
  env.slo.minimumTlsVersion === '1.3' ? 'TLSV1_3' : 'TLSV1_2';
