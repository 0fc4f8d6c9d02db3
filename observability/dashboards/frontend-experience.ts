// Runbook §4.1 "Frontend Experience": TTI and CLS from real-user monitoring against the SLO, and the synthetic
// checks of every public endpoint. FID and CDN cache metrics have no series in the contract (docs/metrics.md).
import { NoUnit, PercentUnit, Seconds } from '@grafana/grafana-foundation-sdk/units';
import { signal } from '../baselines/names';
import { ratio } from '../promql';
import { frontendClsAverage, frontendTti, probeUptime } from '../signals';
import { webVitalsQuantile } from '../thresholds';
import {
  above,
  baselineTarget,
  below,
  type DashboardContext,
  type DashboardSpec,
  productionTarget,
} from './spec';

export function frontendExperience(ctx: DashboardContext): DashboardSpec {
  const { env } = ctx;
  const percentile = env.slo.webVitalsPercentile;
  const uptime = env.alerts.syntheticUptime;
  return {
    uid: 'skillforge-frontend-experience',
    title: 'Frontend Experience',
    description: `Core Web Vitals and synthetic checks of ${env.name}, each next to its staging baseline.`,
    nfr: ['frontend-tti', 'alert-synthetic-uptime', 'availability-target'],
    panels: [
      {
        title: `Time to interactive, P${percentile} of the slowest device class`,
        description: `Runbook §1.3: ≤ ${env.slo.frontendTtiSeconds} s TTI on mobile (slo.frontendTtiSeconds).`,
        unit: Seconds,
        production: productionTarget(
          ctx,
          frontendTti(webVitalsQuantile(env), ctx.scope, [], ctx.rate),
          `TTI P${percentile}`,
        ),
        baseline: baselineTarget(ctx, signal.frontendTti, `TTI P${percentile}`),
        thresholds: above(env.slo.frontendTtiSeconds),
        min: 0,
      },
      {
        title: 'Cumulative layout shift, average',
        description: `Average CLS per page load; "good" is ≤ ${env.slo.frontendClsScore} (slo.frontendClsScore).`,
        unit: NoUnit,
        production: productionTarget(ctx, frontendClsAverage(ctx.scope, [], ctx.rate), 'CLS'),
        baseline: baselineTarget(ctx, signal.frontendCls, 'CLS'),
        thresholds: above(env.slo.frontendClsScore),
        min: 0,
      },
      {
        title: `Synthetic uptime over the rolling ${uptime.window}`,
        description: `Blackbox probes of every public endpoint; the ${uptime.severity} alert fires under ${uptime.minPercent}%.`,
        unit: PercentUnit,
        production: productionTarget(ctx, probeUptime(ctx.scope, [], uptime.window), '{{service}}'),
        baseline: baselineTarget(ctx, signal.probeSuccess, '{{service}}'),
        thresholds: below(ratio(uptime.minPercent)),
        min: 0,
        max: 1,
      },
    ],
  };
}
