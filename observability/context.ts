// What every rule family reads besides the model itself: the environment compared, the one that provides the
// baseline, and the windows derived from the scrape interval.
import type { EnvConfig } from '../environments';
import { type Matchers, rateWindow } from './promql';

export interface RuleContext {
  readonly env: EnvConfig;
  /** observability.baselineEnvironment's model: its data and sizes shape the `…_staging_baseline` series. */
  readonly baselineEnv: EnvConfig;
  /** `{env: "<env>"}`: every production selector starts with it. */
  readonly scope: Matchers;
  /** `{env: "<baseline>"}`: every baseline selector starts with it. */
  readonly baselineScope: Matchers;
  readonly rateWindow: string;
  /** Seconds between samples in the promtool tests: the scrape interval, as in production. */
  readonly interval: number;
}

export function ruleContext(env: EnvConfig, baselineEnv: EnvConfig): RuleContext {
  if (baselineEnv.name !== env.observability.baselineEnvironment) {
    throw new Error(
      `${env.name}: the baseline model given is ${baselineEnv.name}, but observability.baselineEnvironment is ${env.observability.baselineEnvironment}`,
    );
  }
  return {
    env,
    baselineEnv,
    scope: { env: env.name },
    baselineScope: { env: baselineEnv.name },
    rateWindow: rateWindow(env),
    interval: env.observability.scrapeIntervalSeconds,
  };
}
