// Alert thresholds that only make sense together: a threshold the alert's own window can never reach is a silent
// alert, which is worse than none.
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

export const observabilityRules = [ingestionLagReachable];
