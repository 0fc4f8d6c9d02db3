// The observability layer: everything runbook §4 asks for, per environment, from the model.
//   observability/prometheus-recording-rules.yaml  series recorded in front of their sources (cache hit ratio)
//   observability/prometheus-alerts.yaml       §4.2 and §4.5 alerts
//   observability/prometheus-baselines.yaml    §4.4 `…_staging_baseline` recording rules
//   observability/alertmanager.yaml            P1/P2 PagerDuty routing, inhibition, §3.4 repeat intervals
//   observability/tests/*.yaml                 promtool unit tests of every alert and baseline
//   observability/dashboards/<uid>.json        the six dashboards; grafana-dashboards.yaml provisions them
//   observability/nfr-provenance.json          NFR evidence without a label to carry it (scripts/nfr reads it)
//   k8s/observability/…                        PrometheusRules, the grafana-dashboards ConfigMap, blackbox Probes
import { type NfrId } from '../constructs/contracts';
import type { EnvConfig } from '../environments';
import {
  jsonFile,
  kubernetesFileName,
  type RenderedFile,
  yamlFile,
} from '../constructs/contracts/rendered-file';
import { alertmanagerConfig } from './alertmanager';
import { provisioningConfig } from './dashboards/provisioning';
import { dashboardsConfigMap, DASHBOARDS_CONFIGMAP, prometheusRule } from './kubernetes/objects';
import { probes } from './kubernetes/probes';
import {
  allAlerts,
  alertRuleGroups,
  baselineRuleGroups,
  observabilityModel,
  recordingRuleGroups,
} from './model';
import { duration } from './promql';
import {
  ALERT_TESTS,
  alertTestFile,
  BASELINE_TESTS,
  baselineTestFile,
  RECORDING_TESTS,
  recordingTestFile,
} from './tests/promtool';

export const OBSERVABILITY_DIR = 'observability';
export const K8S_DIR = 'k8s/observability';
export const ALERTS_FILE = `${OBSERVABILITY_DIR}/prometheus-alerts.yaml`;
export const BASELINES_FILE = `${OBSERVABILITY_DIR}/prometheus-baselines.yaml`;
export const RECORDING_FILE = `${OBSERVABILITY_DIR}/prometheus-recording-rules.yaml`;

const uniqueIds = (ids: readonly NfrId[]): NfrId[] => [...new Set(ids)].sort();

/**
 * NFR evidence that has no label or annotation to live in (read by scripts/nfr): the re-notification intervals
 * that implement §3.4's response times, and the dashboards that draw a promise's number as a threshold.
 */
function provenance(env: EnvConfig, dashboards: readonly { uid: string; spec: { nfr: readonly NfrId[] } }[]) {
  return [
    {
      nfr: 'oncall-p1-response',
      file: 'alertmanager.yaml',
      object: `route severity="P1" repeat_interval ${duration(env.oncall.p1ResponseMinutes * 60)}`,
    },
    {
      nfr: 'oncall-p2-response',
      file: 'alertmanager.yaml',
      object: `route severity="P2" repeat_interval ${duration(env.oncall.p2ResponseMinutes * 60)}`,
    },
    ...dashboards.map(({ uid, spec }) => ({
      nfr: [...spec.nfr],
      file: `dashboards/${uid}.json`,
      object: `dashboard ${uid}`,
    })),
  ];
}

/**
 * Renders one environment against the model of its baseline environment (observability.baselineEnvironment),
 * which the caller passes: the render pipeline from the validated registry, tests from a modified model of
 * either side to prove that a change in the model moves the rules and their tests.
 */
export async function renderObservability(env: EnvConfig, baselineEnv: EnvConfig): Promise<RenderedFile[]> {
  const model = observabilityModel(env, baselineEnv);
  const alertGroups = alertRuleGroups(model);
  const baselineGroups = baselineRuleGroups(model);
  const recordingGroups = recordingRuleGroups(model);
  // The Grafana Foundation SDK is loaded only here, by the one part that needs it.
  const { renderDashboards } = await import('./dashboards');
  const dashboards = renderDashboards(env, baselineEnv).map(({ spec, json }) => ({
    uid: spec.uid,
    spec,
    json,
  }));
  const alertNfr = uniqueIds(allAlerts(model).flatMap((alert) => alert.nfr));
  const recordingNfr = uniqueIds(
    model.recordingGroups.flatMap((group) => group.recordings.flatMap((recording) => recording.nfr)),
  );
  return [
    yamlFile(ALERTS_FILE, { groups: alertGroups }),
    yamlFile(BASELINES_FILE, { groups: baselineGroups }),
    yamlFile(RECORDING_FILE, { groups: recordingGroups }),
    yamlFile(`${OBSERVABILITY_DIR}/alertmanager.yaml`, alertmanagerConfig(env)),
    yamlFile(`${OBSERVABILITY_DIR}/${ALERT_TESTS}`, alertTestFile(model)),
    yamlFile(`${OBSERVABILITY_DIR}/${BASELINE_TESTS}`, baselineTestFile(model)),
    yamlFile(`${OBSERVABILITY_DIR}/${RECORDING_TESTS}`, recordingTestFile(model)),
    yamlFile(`${OBSERVABILITY_DIR}/grafana-dashboards.yaml`, provisioningConfig()),
    jsonFile(`${OBSERVABILITY_DIR}/nfr-provenance.json`, provenance(env, dashboards)),
    ...dashboards.map(({ uid, json }) => jsonFile(`${OBSERVABILITY_DIR}/dashboards/${uid}.json`, json)),
    yamlFile(
      `${K8S_DIR}/${kubernetesFileName('PrometheusRule', 'skillforge-alerts')}`,
      prometheusRule('skillforge-alerts', alertGroups, alertNfr),
    ),
    yamlFile(
      `${K8S_DIR}/${kubernetesFileName('PrometheusRule', 'skillforge-baselines')}`,
      prometheusRule('skillforge-baselines', baselineGroups, []),
    ),
    yamlFile(
      `${K8S_DIR}/${kubernetesFileName('PrometheusRule', 'skillforge-recording-rules')}`,
      prometheusRule('skillforge-recording-rules', recordingGroups, recordingNfr),
    ),
    yamlFile(
      `${K8S_DIR}/${kubernetesFileName('ConfigMap', DASHBOARDS_CONFIGMAP)}`,
      dashboardsConfigMap(dashboards, uniqueIds(dashboards.flatMap(({ spec }) => spec.nfr))),
    ),
    ...probes(env).map(({ name, manifest }) =>
      yamlFile(`${K8S_DIR}/${kubernetesFileName('Probe', name)}`, manifest),
    ),
  ];
}
