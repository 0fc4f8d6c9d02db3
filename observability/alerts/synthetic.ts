// Runbook §1.3/§4.2: synthetic uptime of each public endpoint under alerts.syntheticUptime.minPercent over the
// rolling alerts.syntheticUptime.window (the blackbox Probe objects of probes.ts produce probe_success, one every
// observability.probeIntervalSeconds; rule probe-interval-tolerates-one-failure keeps a single failed probe from paging).
import { appHost, label, metric, publicServices } from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { num, ratio, seconds, selector } from '../promql';
import { probeTarget } from '../kubernetes/probes';
import type { AlertDefinition } from '../rules';
import { probeUptime } from '../signals';
import { phases, seriesName } from '../tests/series';

type Runs = readonly (readonly [value: number, count: number])[];

/** probe_success at each sample, from runs of one value. */
const expand = (runs: Runs): number[] => runs.flatMap(([value, count]) => Array<number>(count).fill(value));

/**
 * avg_over_time(probe_success[window]) at evaluation time `at`, as promtool 2.42 computes it: every sample at
 * index × probeInterval within [at − window, at], both ends included.
 */
function uptimeAt(values: readonly number[], probeInterval: number, window: number, at: number): number {
  const inWindow = values.filter(
    (_, index) => index * probeInterval >= at - window && index * probeInterval <= at,
  );
  return inWindow.reduce((sum, value) => sum + value, 0) / inWindow.length;
}

export function syntheticAlerts(ctx: RuleContext): AlertDefinition[] {
  const rule = ctx.env.alerts.syntheticUptime;
  const service = publicServices(ctx.env)[0];
  if (!service) return [];
  const share = ratio(rule.minPercent);
  const probeInterval = ctx.env.observability.probeIntervalSeconds;
  const window = seconds(rule.window);
  // Prometheus 2.x range selectors include both ends: a window holds window/probeInterval + 1 probe results.
  const samples = Math.floor(window / probeInterval) + 1;
  const tolerated = Math.floor(Number((samples * (1 - share)).toPrecision(12)));
  const failures = tolerated + 1;
  // Successes after the failures, until two evaluations past the moment the breach can first be seen.
  const tail = Math.ceil((2 * ctx.interval) / probeInterval) + 1;
  // A full window of successes, then failed probes; `failures` of them drop the window under the threshold.
  const breach: Runs = [
    [1, samples],
    [0, failures],
    [1, tail],
  ];
  const quiet: Runs = [
    [1, samples],
    [0, tolerated],
    [1, failures + tail - tolerated],
  ];
  // Rules run every scrape interval, probes every probeInterval: the first evaluation that sees the breach.
  const breachValues = expand(breach);
  const evaluations = Array.from(
    { length: Math.floor(((breachValues.length - 1) * probeInterval) / ctx.interval) + 1 },
    (_, index) => index * ctx.interval,
  );
  const breachFrom = evaluations.find((at) => uptimeAt(breachValues, probeInterval, window, at) < share);
  if (breachFrom === undefined || uptimeAt(expand(quiet), probeInterval, window, breachFrom) < share) {
    throw new Error(
      `${ctx.env.name}: no SyntheticUptimeLow scenario separates ${tolerated} from ${failures} failed probes`,
    );
  }
  const probe = seriesName(metric.probeSuccess, {
    ...ctx.scope,
    [label.service]: service.name,
    [label.probeTarget]: probeTarget(ctx.env, service.ingressPath),
  });
  const series = (runs: Runs) => ({ series: probe, values: phases(runs) });
  return [
    {
      alert: 'SyntheticUptimeLow',
      expr: `${probeUptime(ctx.scope, [label.env], rule.window)} < ${num(share)}`,
      severity: rule.severity,
      component: 'synthetic',
      nfr: ['alert-synthetic-uptime', 'availability-target'],
      summary: `Synthetic uptime of {{ $labels.service }} is below ${rule.minPercent}% over the last ${rule.window}`,
      description:
        `In ${ctx.env.name}, fewer than ${rule.minPercent}% of the blackbox probes of {{ $labels.service }} on ` +
        `${appHost(ctx.env)} succeeded over the rolling ${rule.window} (at one probe every ${probeInterval} s, ` +
        `${tolerated} failed probe(s) per window stay within it). Users see what the probe sees.`,
      baseline: selector(baselineOf(signal.probeSuccess), {
        ...ctx.scope,
        [label.service]: '{{ $labels.service }}',
      }),
      scenario: {
        quiet: [series(quiet)],
        breach: [series(breach)],
        breachFrom,
        resultLabels: { ...ctx.scope, [label.service]: service.name },
        sampleInterval: probeInterval,
      },
    },
  ];
}
