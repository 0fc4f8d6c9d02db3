// Alert thresholds that only make sense together: a threshold the alert's own window can never reach is a silent
// alert, which is worse than none, and one a single failed sample crosses pages for nothing.
import { durationSeconds } from '../schema/primitives';
import { type EnvironmentRule, violation } from './types';

export const ingestionLagReachable: EnvironmentRule = {
  id: 'ingestion-lag-reachable',
  description:
    'the ingestion-behind-baseline window is longer than its threshold (the lag is measured within the window)',
  check: (env) => {
    const { window, maxMinutes } = env.alerts.ingestionBehindBaseline;
    // The lag is the minutes of baseline-pace ingestion missing within the window, so it never exceeds the window.
    return durationSeconds(window) / 60 > maxMinutes
      ? []
      : [
          violation(
            'alerts.ingestionBehindBaseline.window',
            window,
            `expected longer than maxMinutes (${maxMinutes} minutes): the lag cannot exceed the window it is measured in`,
          ),
        ];
  },
};

export const probeIntervalToleratesOneFailure: EnvironmentRule = {
  id: 'probe-interval-tolerates-one-failure',
  description:
    'the synthetic probes run often enough that one failed probe per uptime window stays above the uptime threshold',
  check: (env) => {
    const interval = env.observability.probeIntervalSeconds;
    const { window, minPercent } = env.alerts.syntheticUptime;
    // n probes per window, one failed: (n − 1) / n ≥ minPercent / 100 ⇔ n ≥ 100 / (100 − minPercent)
    // ⇔ interval = window / n ≤ window × (100 − minPercent) / 100. 1h at 99.5 %: at most 18 s (200 probes).
    const windowSeconds = durationSeconds(window);
    const longest = Math.floor(Number(((windowSeconds * (100 - minPercent)) / 100).toPrecision(12)));
    return interval <= longest
      ? []
      : [
          violation(
            'observability.probeIntervalSeconds',
            interval,
            longest < 1
              ? `expected a window (alerts.syntheticUptime.window ${window}) long enough for one failed probe to stay above alerts.syntheticUptime.minPercent (${minPercent} %) at any interval`
              : `expected at most ${longest} seconds: alerts.syntheticUptime.window ${window} must hold at least ${Math.ceil(Number((100 / (100 - minPercent)).toPrecision(12)))} probes for one failed probe to stay above alerts.syntheticUptime.minPercent (${minPercent} %)`,
          ),
        ];
  },
};

export const observabilityRules = [ingestionLagReachable, probeIntervalToleratesOneFailure];
