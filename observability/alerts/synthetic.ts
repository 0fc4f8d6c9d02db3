// Runbook §1.3/§4.2: synthetic uptime of each public endpoint under alerts.syntheticUptime.minPercent over the
// rolling alerts.syntheticUptime.window (the blackbox Probe objects of probes.ts produce probe_success).
import { appHost, label, metric, publicServices } from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { num, ratio, seconds, selector } from '../promql';
import { probeTarget } from '../kubernetes/probes';
import type { AlertDefinition } from '../rules';
import { probeUptime } from '../signals';
import { phases, seriesName } from '../tests/series';

export function syntheticAlerts(ctx: RuleContext): AlertDefinition[] {
  const rule = ctx.env.alerts.syntheticUptime;
  const service = publicServices(ctx.env)[0];
  if (!service) return [];
  const share = ratio(rule.minPercent);
  // Prometheus 2.x range selectors include both ends: a window holds window/interval + 1 probe results.
  const samples = seconds(rule.window) / ctx.interval + 1;
  const tolerated = Math.floor(Number((samples * (1 - share)).toPrecision(12)));
  const failures = tolerated + 1;
  const probe = seriesName(metric.probeSuccess, {
    ...ctx.scope,
    [label.service]: service.name,
    [label.probeTarget]: probeTarget(ctx.env, service.ingressPath),
  });
  // A full window of successes, then failed probes; `failures` of them drop the window under the threshold.
  const failing = (failed: number) => ({
    series: probe,
    values: phases([
      [1, samples],
      [0, failed],
      [1, failures + 2 - failed],
    ]),
  });
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
        `${appHost(ctx.env)} succeeded over the rolling ${rule.window} (at one probe every ${ctx.interval} s, ` +
        `${tolerated} failed probe(s) per window stay within it). Users see what the probe sees.`,
      baseline: selector(baselineOf(signal.probeSuccess), {
        ...ctx.scope,
        [label.service]: '{{ $labels.service }}',
      }),
      scenario: {
        quiet: [failing(tolerated)],
        breach: [failing(failures)],
        breachFrom: (samples - 1 + failures) * ctx.interval,
        resultLabels: { ...ctx.scope, [label.service]: service.name },
      },
    },
  ];
}
