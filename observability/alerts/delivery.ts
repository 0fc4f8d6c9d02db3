// Runbook §4.2 "deployment failure > 2 consecutive attempts": more than alerts.failedSyncs.maxFailures failed
// Argo CD syncs of one application within alerts.failedSyncs.window.
import { label, metric } from '../../constructs/contracts';
import { baselineOf, signal } from '../baselines/names';
import type { RuleContext } from '../context';
import { selector } from '../promql';
import type { AlertDefinition } from '../rules';
import { syncFailures } from '../signals';
import { hold, seriesName } from '../tests/series';

export function deliveryAlerts(ctx: RuleContext): AlertDefinition[] {
  const rule = ctx.env.alerts.failedSyncs;
  // Any application name: the rule keeps one series per application.
  const app = { [label.argocdApp]: 'api' };
  const failed = seriesName(metric.argocdAppSync, { ...ctx.scope, ...app, [label.argocdPhase]: 'Failed' });
  // Two quiet samples, then one failed sync per scrape: `failures` of them, then no more.
  const failing = (failures: number) => ({
    series: failed,
    values: [
      hold(0, 2),
      ...Array.from({ length: failures }, (_, index) => String(index + 1)),
      hold(failures, 3),
    ].join(' '),
  });
  const breaches = rule.maxFailures + 1;
  return [
    {
      alert: 'ArgoCdSyncFailing',
      // increase() extrapolates to the window's edges, so two failures can read 2.03; floor keeps "more than N
      // failed syncs" a count of syncs.
      expr: `floor(${syncFailures(ctx.scope, [label.env, label.argocdApp], rule.window)}) > ${rule.maxFailures}`,
      severity: rule.severity,
      component: 'delivery',
      nfr: ['alert-failed-syncs'],
      summary: `Argo CD application {{ $labels.name }} failed to sync more than ${rule.maxFailures} times in ${rule.window}`,
      description:
        `In ${ctx.env.name}, Argo CD has recorded more than ${rule.maxFailures} failed syncs of {{ $labels.name }} ` +
        `within ${rule.window}: retries are not going to fix it. Read the sync result before syncing again.`,
      baseline: selector(baselineOf(signal.syncFailures), ctx.scope),
      scenario: {
        quiet: [failing(rule.maxFailures)],
        breach: [failing(breaches)],
        // Sample 0 and 1 are quiet, failure n arrives with sample n + 1.
        breachFrom: (breaches + 1) * ctx.interval,
        resultLabels: { ...ctx.scope, ...app },
      },
    },
  ];
}
