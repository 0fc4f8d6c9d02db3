// Runbook §4.5 "Analytics Pipeline Health": ingestion against the staging baseline (the lag the P2 alert
// measures), consumer lag with the playbook's revert line, and the router's replicas.
import { CountsPerSecond, Seconds, Short } from '@grafana/grafana-foundation-sdk/units';
import { label } from '../../constructs/contracts';
import { signal } from '../baselines/names';
import { consumerLag, deploymentAvailable, ingestRate } from '../signals';
import {
  baselineTarget,
  type DashboardContext,
  type DashboardSpec,
  productionTarget,
  recovery,
  reference,
  replicaBands,
} from './spec';

export function analyticsPipelineHealth(ctx: DashboardContext): DashboardSpec {
  const { env } = ctx;
  const behind = env.alerts.ingestionBehindBaseline;
  const lag = env.alerts.consumerLag;
  const playbook = env.playbooks.analyticsBacklog;
  const router = env.services[playbook.service];
  const who = { [label.deployment]: playbook.service };
  return {
    uid: 'skillforge-analytics-pipeline',
    title: 'Analytics Pipeline Health',
    description: `Analytics ingestion and consumers of ${env.name}, each next to its staging baseline (runbook §4.5).`,
    nfr: ['analytics-ingestion-lag', 'alert-consumer-lag', 'analytics-revert', 'analytics-surge-replicas'],
    panels: [
      {
        title: `Events ingested per second over ${behind.window}`,
        description:
          `Production is "behind" by ${behind.window} × (1 − production / baseline) minutes; the ` +
          `${behind.severity} alert fires above ${behind.maxMinutes} minutes for ${behind.for} (docs/metrics.md).`,
        unit: CountsPerSecond,
        production: productionTarget(ctx, ingestRate(ctx.scope, [], behind.window), 'events ingested'),
        baseline: baselineTarget(ctx, signal.ingestRate, 'events ingested'),
        thresholds: reference(),
        min: 0,
      },
      {
        title: 'Consumer lag, slowest partition',
        description:
          `The ${lag.severity} alert fires above ${lag.maxSeconds} s for ${lag.for}; the §4.5 playbook reverts ` +
          `its scale-up only after ${playbook.revertAfterHours} h under ${playbook.revertBelowLagSeconds} s (green).`,
        unit: Seconds,
        production: productionTarget(ctx, consumerLag(ctx.scope, []), 'lag'),
        baseline: baselineTarget(ctx, signal.consumerLag, 'lag'),
        thresholds: recovery(playbook.revertBelowLagSeconds, lag.maxSeconds),
        min: 0,
      },
      {
        title: `${playbook.service} available replicas`,
        description: `Red under its replicas.min, orange from the ${playbook.surgeReplicas} replicas the §4.5 playbook scales to.`,
        unit: Short,
        production: productionTarget(
          ctx,
          deploymentAvailable({ ...ctx.scope, ...who }, []),
          playbook.service,
        ),
        baseline: baselineTarget(ctx, signal.deploymentAvailable, playbook.service, who),
        thresholds: replicaBands(router?.replicas.min ?? 1, playbook.surgeReplicas),
        min: 0,
      },
    ],
  };
}
