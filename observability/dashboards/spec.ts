// What a dashboard says, independent of how Grafana stores it: every panel is a comparison of a production query
// with its staging baseline (runbook §4.1 implementation status, §4.4), with the model's unit and thresholds.
import type { NfrId } from '../../constructs/contracts';
import type { EnvConfig } from '../../environments';
import { baselineOf, type Signal } from '../baselines/names';
import { type Matchers, selector } from '../promql';

export interface Target {
  readonly expr: string;
  readonly legend: string;
}

export interface Step {
  readonly value: number | null;
  readonly color: 'green' | 'orange' | 'red';
}

export interface ComparisonPanel {
  readonly title: string;
  readonly description: string;
  /** A Grafana unit id (the SDK's `units` constants). */
  readonly unit: string;
  readonly production: Target;
  readonly baseline: Target;
  readonly thresholds: readonly Step[];
  readonly min?: number;
  readonly max?: number;
}

export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  /** NFR ids whose numbers this dashboard draws as thresholds. */
  readonly nfr: readonly NfrId[];
  readonly panels: readonly ComparisonPanel[];
}

/** What every dashboard file of one environment shares. */
export interface DashboardContext {
  readonly env: EnvConfig;
  readonly baselineEnv: EnvConfig;
  readonly scope: Matchers;
  /** Grafana's rate window: at least four scrape intervals, widened when zoomed out. */
  readonly rate: string;
}

export const dashboardContext = (env: EnvConfig, baselineEnv: EnvConfig): DashboardContext => ({
  env,
  baselineEnv,
  scope: { env: env.name },
  rate: '$__rate_interval',
});

/** The baseline series of a signal for this environment, narrowed by extra matchers. */
export const baselineTarget = (
  ctx: DashboardContext,
  name: Signal,
  legend: string,
  extra: Matchers = {},
): Target => ({
  expr: selector(baselineOf(name), { ...ctx.scope, ...extra }),
  legend: `${legend} · ${ctx.baselineEnv.name} baseline`,
});

export const productionTarget = (ctx: DashboardContext, expr: string, legend: string): Target => ({
  expr,
  legend: `${legend} · ${ctx.env.name}`,
});

/** Green until `limit`, red from it: for signals where higher is worse. */
export const above = (limit: number): Step[] => [
  { value: null, color: 'green' },
  { value: limit, color: 'red' },
];

/** Red under `limit`, green from it: for signals where lower is worse. */
export const below = (limit: number): Step[] => [
  { value: null, color: 'red' },
  { value: limit, color: 'green' },
];

/** Green under `recovered`, orange up to `limit`, red from it (a playbook's "recovered below" line). */
export const recovery = (recovered: number, limit: number): Step[] => [
  { value: null, color: 'green' },
  { value: recovered, color: 'orange' },
  { value: limit, color: 'red' },
];

/** No number in the model for this signal: a single base colour, the baseline is the reference. */
export const reference = (): Step[] => [{ value: null, color: 'green' }];

/** Replicas: red under the floor, green up to the playbook's surge count, orange while surged. */
export const replicaBands = (floor: number, surge: number): Step[] => [
  { value: null, color: 'red' },
  { value: floor, color: 'green' },
  { value: surge, color: 'orange' },
];
