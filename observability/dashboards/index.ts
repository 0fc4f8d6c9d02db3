// The six dashboards of runbook §4.1 and §4.5, their Grafana JSON, and the file-provisioning config. This module
// (and with it the Grafana Foundation SDK) is loaded only when dashboards are rendered.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { EnvConfig } from '../../environments';
import { analyticsPipelineHealth } from './analytics-pipeline-health';
import { apiPerformance } from './api-performance';
import { buildDashboard } from './build';
import { dataPipelines } from './data-pipelines';
import { database } from './database';
import { frontendExperience } from './frontend-experience';
import { infrastructure } from './infrastructure';
import { dashboardContext, type DashboardSpec } from './spec';

export interface RenderedDashboard {
  readonly spec: DashboardSpec;
  readonly json: Dashboard;
}

export function dashboardSpecs(env: EnvConfig, baselineEnv: EnvConfig): DashboardSpec[] {
  const ctx = dashboardContext(env, baselineEnv);
  return [
    apiPerformance(ctx),
    frontendExperience(ctx),
    dataPipelines(ctx),
    database(ctx),
    infrastructure(ctx),
    analyticsPipelineHealth(ctx),
  ];
}

export function renderDashboards(env: EnvConfig, baselineEnv: EnvConfig): RenderedDashboard[] {
  return dashboardSpecs(env, baselineEnv).map((spec) => ({ spec, json: buildDashboard(env, spec) }));
}

export { BASELINE_REF, DATASOURCE_VARIABLE, PRODUCTION_REF } from './build';
