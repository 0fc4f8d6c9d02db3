// Numbers that are part of a field's meaning rather than separate settings, in one place with their reasons.
import type { EnvConfig } from '../environments';

/** The "P95" of `latencyP95Ms`: the quantile its alerts and panels compute. */
export const P95 = 0.95;

/** slo.webVitalsPercentile as the quantile histogram_quantile takes. */
export const webVitalsQuantile = (env: EnvConfig): number => env.slo.webVitalsPercentile / 100;

/** RDS "GB" are binary gigabytes (GiB); CloudWatch reports free storage in bytes. */
export const gibibytes = (gb: number): number => gb * 1024 ** 3;
