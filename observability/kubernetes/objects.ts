// The observability objects Argo CD applies in the observability namespace: the rule files as PrometheusRule
// objects and the dashboards as the `grafana-dashboards` ConfigMap (runbook §4.4's annotate command names it),
// both built from the same in-memory values as the plain files next to them.
import type { NfrId } from '../../constructs/contracts';
import { sortKeysDeep } from '../../constructs/contracts/serialize';
import type { AlertingRule, RecordingRule, RuleGroup } from '../rules';
import { objectMeta } from './metadata';

/**
 * Rules compare `env`-labelled series, which only the shared Prometheus holds (external labels are added on remote
 * write): its rule selector picks objects with this label, and cluster-local Prometheus instances must not
 * (docs/decisions/observability-rule-evaluation.md).
 */
export const RULE_EVALUATOR_LABEL = { 'skillforge.io/rule-evaluator': 'shared-prometheus' } as const;
/** The Grafana dashboard sidecar loads every ConfigMap with this label. */
export const DASHBOARD_SIDECAR_LABEL = { grafana_dashboard: '1' } as const;
export const DASHBOARDS_CONFIGMAP = 'grafana-dashboards';

export function prometheusRule(
  name: string,
  groups: readonly RuleGroup<AlertingRule | RecordingRule>[],
  nfr: readonly NfrId[],
): Record<string, unknown> {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: objectMeta(name, 'alerting', nfr, { ...RULE_EVALUATOR_LABEL }),
    spec: { groups },
  };
}

/** Dashboards as compact JSON (sorted keys): six dashboards must stay under the 256 KiB annotation limit. */
export const compactJson = (value: unknown): string => JSON.stringify(sortKeysDeep(value));

export function dashboardsConfigMap(
  dashboards: readonly { uid: string; json: unknown }[],
  nfr: readonly NfrId[],
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(DASHBOARDS_CONFIGMAP, 'dashboards', nfr, { ...DASHBOARD_SIDECAR_LABEL }),
    data: Object.fromEntries(
      dashboards.map((dashboard) => [`${dashboard.uid}.json`, compactJson(dashboard.json)]),
    ),
  };
}
