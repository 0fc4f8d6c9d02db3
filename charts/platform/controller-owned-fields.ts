// Fields of a chart's own objects that a controller rewrites after Argo CD applied them. Without an
// ignoreDifferences entry the Application would report OutOfSync forever and every sync would write the chart's
// value back (https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/, "Application Level Configuration").
import type { IgnoreDifference } from '../argocd/types';
import type { PlatformHelmSource } from './helm-sources';

const webhooks = 'admissionregistration.k8s.io';

/**
 * istiod flips its validating webhooks from the chart's `failurePolicy: Ignore` to `Fail` once its webhook
 * serves (istio/istio#52785), and writes its CA into the injector's and validator's `caBundle`, which the
 * istiod chart renders empty (manifests/charts/istiod/templates/mutatingwebhook.yaml,
 * validatingwebhookconfiguration.yaml). The base chart's default validator gets the same treatment.
 */
function istioWebhookFields(namespace: string): IgnoreDifference[] {
  const validator = (name: string): IgnoreDifference => ({
    group: webhooks,
    kind: 'ValidatingWebhookConfiguration',
    name,
    jqPathExpressions: ['.webhooks[]?.failurePolicy', '.webhooks[]?.clientConfig.caBundle'],
  });
  return [
    validator('istiod-default-validator'),
    validator(`istio-validator-${namespace}`),
    {
      group: webhooks,
      kind: 'MutatingWebhookConfiguration',
      name: 'istio-sidecar-injector',
      jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
    },
  ];
}

const OWNED: Readonly<Record<string, (chart: PlatformHelmSource) => IgnoreDifference[]>> = {
  'istio-base': (chart) => istioWebhookFields(chart.namespace),
  istiod: (chart) => istioWebhookFields(chart.namespace),
};

export function controllerOwnedFields(chart: PlatformHelmSource): IgnoreDifference[] {
  return OWNED[chart.name]?.(chart) ?? [];
}
