// The observability model of one environment, built once and rendered many ways: plain rule files, their promtool
// tests, the PrometheusRule objects and the runbook links all come from these definitions, so none can drift.
import type { EnvConfig } from '../environments';
import {
  analyticsAlerts,
  apiAlerts,
  deliveryAlerts,
  pipelineAlerts,
  storeAlerts,
  syntheticAlerts,
  toAlertingRule,
} from './alerts';
import {
  frontendBaselines,
  httpBaselines,
  kubernetesBaselines,
  pipelineBaselines,
  storeBaselines,
} from './baselines';
import { ruleContext, type RuleContext } from './context';
import { recordingRules } from './recording';
import type {
  AlertDefinition,
  AlertingRule,
  BaselineDefinition,
  RecordingDefinition,
  RecordingRule,
  RuleGroup,
} from './rules';

export interface AlertGroup {
  readonly name: string;
  readonly alerts: readonly AlertDefinition[];
}

export interface BaselineGroup {
  readonly name: string;
  readonly baselines: readonly BaselineDefinition[];
}

export interface RecordingGroup {
  readonly name: string;
  readonly recordings: readonly RecordingDefinition[];
}

export interface ObservabilityModel {
  readonly ctx: RuleContext;
  /** Recorded in front of raw series; alerts and baselines read them, so they are evaluated first. */
  readonly recordingGroups: readonly RecordingGroup[];
  readonly alertGroups: readonly AlertGroup[];
  readonly baselineGroups: readonly BaselineGroup[];
}

export function observabilityModel(env: EnvConfig, baselineEnv: EnvConfig): ObservabilityModel {
  const ctx = ruleContext(env, baselineEnv);
  const alertGroups: AlertGroup[] = [
    { name: 'skillforge-api', alerts: apiAlerts(ctx) },
    { name: 'skillforge-data-stores', alerts: storeAlerts(ctx) },
    { name: 'skillforge-delivery', alerts: deliveryAlerts(ctx) },
    { name: 'skillforge-synthetic', alerts: syntheticAlerts(ctx) },
    { name: 'skillforge-pipelines', alerts: pipelineAlerts(ctx) },
    { name: 'skillforge-analytics', alerts: analyticsAlerts(ctx) },
  ];
  const baselineGroups: BaselineGroup[] = [
    { name: 'skillforge-baselines-http', baselines: httpBaselines(ctx) },
    { name: 'skillforge-baselines-frontend', baselines: frontendBaselines(ctx) },
    { name: 'skillforge-baselines-data-stores', baselines: storeBaselines(ctx) },
    { name: 'skillforge-baselines-pipelines', baselines: pipelineBaselines(ctx) },
    { name: 'skillforge-baselines-kubernetes', baselines: kubernetesBaselines(ctx) },
  ];
  return {
    ctx,
    recordingGroups: [{ name: 'skillforge-recording-data-stores', recordings: recordingRules(ctx) }],
    alertGroups: alertGroups.filter((group) => group.alerts.length > 0),
    baselineGroups,
  };
}

export const recordingRuleGroups = (model: ObservabilityModel): RuleGroup<RecordingRule>[] =>
  model.recordingGroups.map((group) => ({
    name: group.name,
    rules: group.recordings.map(({ record, expr }) => ({ record, expr })),
  }));

export const alertRuleGroups = (model: ObservabilityModel): RuleGroup<AlertingRule>[] =>
  model.alertGroups.map((group) => ({
    name: group.name,
    rules: group.alerts.map((definition) => toAlertingRule(model.ctx.env, definition)),
  }));

export const baselineRuleGroups = (model: ObservabilityModel): RuleGroup<RecordingRule>[] =>
  model.baselineGroups.map((group) => ({
    name: group.name,
    rules: group.baselines.map(({ record, expr, labels }) => ({ record, expr, labels })),
  }));

export const allAlerts = (model: ObservabilityModel): AlertDefinition[] =>
  model.alertGroups.flatMap((group) => group.alerts);
