// Runbook §4.1 "Infrastructure" and §4.4 Kubernetes capacity baselines: node health, restarts, HPA headroom,
// requested and used CPU and memory, and Argo CD sync failures.
import { BytesIEC, PercentUnit, Short } from '@grafana/grafana-foundation-sdk/units';
import { label } from '../../constructs/contracts';
import { signal } from '../baselines/names';
import {
  hpaSaturation,
  namespaceCpu,
  namespaceMemory,
  nodesReady,
  podRestartsPerHour,
  requestedShare,
  syncFailures,
} from '../signals';
import {
  above,
  baselineTarget,
  below,
  type DashboardContext,
  type DashboardSpec,
  productionTarget,
  reference,
} from './spec';

export function infrastructure(ctx: DashboardContext): DashboardSpec {
  const { env } = ctx;
  const minimumNodes = Object.values(env.cluster.nodeGroups).reduce((sum, group) => sum + group.minSize, 0);
  const syncs = env.alerts.failedSyncs;
  return {
    uid: 'skillforge-infrastructure',
    title: 'Infrastructure',
    description: `Cluster capacity and health of ${env.name}, each next to its staging baseline.`,
    nfr: ['alert-failed-syncs'],
    panels: [
      {
        title: 'Nodes ready',
        description: `Red under the node groups' combined minimum of ${minimumNodes} (cluster.nodeGroups.*.minSize).`,
        unit: Short,
        production: productionTarget(ctx, nodesReady(ctx.scope, []), 'ready nodes'),
        baseline: baselineTarget(ctx, signal.nodesReady, 'ready nodes'),
        thresholds: below(minimumNodes),
        min: 0,
      },
      {
        title: 'Container restarts per hour by namespace',
        description:
          'Restarts are crash loops or failed liveness probes; compare with staging before blaming load.',
        unit: Short,
        production: productionTarget(ctx, podRestartsPerHour(ctx.scope, [], ctx.rate), '{{namespace}}'),
        baseline: baselineTarget(ctx, signal.podRestarts, '{{namespace}}'),
        thresholds: reference(),
        min: 0,
      },
      {
        title: 'HPA replicas as a share of their maximum',
        description: 'At 100 % an autoscaler cannot add pods: the service is at its replicas.max ceiling.',
        unit: PercentUnit,
        production: productionTarget(ctx, hpaSaturation(ctx.scope, []), '{{horizontalpodautoscaler}}'),
        baseline: baselineTarget(ctx, signal.hpaSaturation, '{{horizontalpodautoscaler}}'),
        thresholds: above(1),
        min: 0,
        max: 1,
      },
      {
        title: 'CPU requested / allocatable',
        description:
          'What the scheduler has promised; new pods stay Pending when requests reach allocatable.',
        unit: PercentUnit,
        production: productionTarget(ctx, requestedShare('cpu', ctx.scope, []), 'CPU requested'),
        baseline: baselineTarget(ctx, signal.cpuRequested, 'CPU requested'),
        thresholds: above(1),
        min: 0,
      },
      {
        title: 'Memory requested / allocatable',
        description:
          'What the scheduler has promised; new pods stay Pending when requests reach allocatable.',
        unit: PercentUnit,
        production: productionTarget(ctx, requestedShare('memory', ctx.scope, []), 'memory requested'),
        baseline: baselineTarget(ctx, signal.memoryRequested, 'memory requested'),
        thresholds: above(1),
        min: 0,
      },
      {
        title: 'CPU used by namespace',
        description: 'Cores in use (cAdvisor), pod-level cgroups excluded.',
        unit: Short,
        production: productionTarget(ctx, namespaceCpu(ctx.scope, [], ctx.rate), '{{namespace}}'),
        baseline: baselineTarget(ctx, signal.namespaceCpu, '{{namespace}}'),
        thresholds: reference(),
        min: 0,
      },
      {
        title: 'Memory working set by namespace',
        description:
          'Working set (cAdvisor): what the kernel would not reclaim and what OOM kills are judged on.',
        unit: BytesIEC,
        production: productionTarget(ctx, namespaceMemory(ctx.scope, []), '{{namespace}}'),
        baseline: baselineTarget(ctx, signal.namespaceMemory, '{{namespace}}'),
        thresholds: reference(),
        min: 0,
      },
      {
        title: `Argo CD failed syncs per application over ${syncs.window}`,
        description: `The ${syncs.severity} alert fires above ${syncs.maxFailures} failed syncs of one application within ${syncs.window}.`,
        unit: Short,
        production: productionTarget(
          ctx,
          syncFailures(ctx.scope, [label.argocdApp], syncs.window),
          '{{name}}',
        ),
        baseline: baselineTarget(ctx, signal.syncFailures, 'all applications'),
        thresholds: above(syncs.maxFailures + 1),
        min: 0,
      },
    ],
  };
}
