// Metadata every object of this layer carries: where it lives, who renders it, and which NFRs it proves.
import { NFR_ANNOTATION, nfrTag, type NfrId } from '../../constructs/contracts';

export const OBSERVABILITY_NAMESPACE = 'observability';

export function objectMeta(
  name: string,
  component: string,
  nfr: readonly NfrId[],
  extraLabels: Record<string, string> = {},
): Record<string, unknown> {
  return {
    name,
    namespace: OBSERVABILITY_NAMESPACE,
    labels: {
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/component': component,
      'app.kubernetes.io/part-of': 'skillforge',
      'app.kubernetes.io/managed-by': 'skillforge-render',
      ...extraLabels,
    },
    ...(nfr.length === 0 ? {} : { annotations: { [NFR_ANNOTATION]: nfrTag(nfr) } }),
  };
}
