// Kubernetes capacity baselines (runbook §4.1 "Infrastructure", §4.4): nodes, restarts, HPA headroom, requested
// share of allocatable CPU and memory, namespace usage, available replicas, and Argo CD sync failures.
import { label, metric } from '../../constructs/contracts';
import type { RuleContext } from '../context';
import type { BaselineDefinition } from '../rules';
import {
  deploymentAvailable,
  hpaSaturation,
  namespaceCpu,
  namespaceMemory,
  nodesReady,
  podRestartsPerHour,
  requestedShare,
  syncFailures,
} from '../signals';
import { counter, gauge, ramp, seriesName } from '../tests/series';
import { signal } from './names';
import { baselineRule, decoyScope, fullWindow, sampleCount } from './record';

export function kubernetesBaselines(ctx: RuleContext): BaselineDefinition[] {
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const decoy = decoyScope(ctx);
  const base = ctx.baselineScope;
  // The analytics router: a Deployment with an HPA in every environment (runbook §4.5 scales it).
  const routerName = ctx.baselineEnv.playbooks.analyticsBacklog.service;
  const router = ctx.baselineEnv.services[routerName];
  if (!router) throw new Error(`${ctx.baselineEnv.name} has no service ${routerName}`);
  const workload = { name: routerName, namespace: router.namespace };
  const ns = { [label.namespace]: workload.namespace };
  const node = (scope: Record<string, string>, name: string, extra: Record<string, string> = {}) => ({
    ...scope,
    [label.node]: name,
    ...extra,
  });
  const ready = (scope: Record<string, string>, name: string, value: number) =>
    gauge(
      metric.kubeNodeCondition,
      node(scope, name, { [label.condition]: 'Ready', [label.conditionStatus]: 'true' }),
      value,
      count,
    );
  const perResource = (
    name: string,
    scope: Record<string, string>,
    extra: Record<string, string>,
    value: number,
  ) => gauge(name, { ...scope, ...extra }, value, count);
  const container = (scope: Record<string, string>, name: string) => ({
    ...scope,
    ...ns,
    pod: `${workload.name}-0`,
    [label.container]: name,
  });
  const gib = 1024 ** 3;
  const syncWindow = ctx.env.alerts.failedSyncs.window;
  const syncEval = fullWindow(syncWindow);
  const syncCount = sampleCount(ctx, syncEval);
  const sync = (scope: Record<string, string>, phase: string, perSample: number) => ({
    series: seriesName(metric.argocdAppSync, {
      ...scope,
      [label.argocdApp]: workload.namespace,
      [label.argocdPhase]: phase,
    }),
    values: ramp(0, perSample, syncCount),
  });
  return [
    baselineRule(ctx, signal.nodesReady, nodesReady(base, []), {
      input: [
        ready(base, 'node-a', 1),
        ready(base, 'node-b', 1),
        ready(base, 'node-c', 0),
        ready(decoy, 'node-d', 1),
      ],
      evalTime,
      expected: [{ labels: {}, value: 2 }],
    }),
    baselineRule(ctx, signal.podRestarts, podRestartsPerHour(base, [], ctx.rateWindow), {
      // One restart per scrape interval, as a per-hour rate: (restarts in the window / window seconds) × 3600.
      input: [
        {
          series: seriesName(metric.kubePodRestarts, container(base, workload.name)),
          values: ramp(0, 1, count),
        },
        {
          series: seriesName(metric.kubePodRestarts, container(decoy, workload.name)),
          values: ramp(0, 50, count),
        },
      ],
      evalTime,
      expected: [{ labels: ns, value: (evalTime / ctx.interval / evalTime) * 3600 }],
    }),
    baselineRule(ctx, signal.hpaSaturation, hpaSaturation(base, []), {
      input: [
        gauge(metric.kubeHpaCurrentReplicas, { ...base, ...ns, [label.hpa]: workload.name }, 3, count),
        gauge(metric.kubeHpaMaxReplicas, { ...base, ...ns, [label.hpa]: workload.name }, 12, count),
        gauge(metric.kubeHpaCurrentReplicas, { ...decoy, ...ns, [label.hpa]: workload.name }, 12, count),
      ],
      evalTime,
      expected: [{ labels: { ...ns, [label.hpa]: workload.name }, value: 3 / 12 }],
    }),
    ...(['cpu', 'memory'] as const).map((resource) => {
      const unit = resource === 'cpu' ? 1 : gib;
      const res = { [label.resource]: resource };
      return baselineRule(
        ctx,
        resource === 'cpu' ? signal.cpuRequested : signal.memoryRequested,
        requestedShare(resource, base, []),
        {
          // Requests of 1.5 + 0.5 units on nodes allocating 4 + 4: a quarter requested.
          input: [
            perResource(metric.kubePodResourceRequests, container(base, 'a'), res, 1.5 * unit),
            perResource(metric.kubePodResourceRequests, container(base, 'b'), res, 0.5 * unit),
            perResource(metric.kubeNodeAllocatable, node(base, 'node-a'), res, 4 * unit),
            perResource(metric.kubeNodeAllocatable, node(base, 'node-b'), res, 4 * unit),
            perResource(metric.kubePodResourceRequests, container(decoy, 'a'), res, 64 * unit),
          ],
          evalTime,
          expected: [{ labels: {}, value: (1.5 * unit + 0.5 * unit) / (4 * unit + 4 * unit) }],
        },
      );
    }),
    baselineRule(ctx, signal.namespaceCpu, namespaceCpu(base, [], ctx.rateWindow), {
      // The pod-level cgroup (container="") repeats its containers' usage and must not be counted.
      input: [
        counter(metric.containerCpuUsage, container(base, workload.name), 2, ctx.interval, count),
        counter(metric.containerCpuUsage, container(base, ''), 2, ctx.interval, count),
        counter(metric.containerCpuUsage, container(decoy, workload.name), 9, ctx.interval, count),
      ],
      evalTime,
      expected: [{ labels: ns, value: 2 }],
    }),
    baselineRule(ctx, signal.namespaceMemory, namespaceMemory(base, []), {
      input: [
        gauge(metric.containerMemoryWorkingSet, container(base, workload.name), gib, count),
        gauge(metric.containerMemoryWorkingSet, container(base, ''), gib, count),
        gauge(metric.containerMemoryWorkingSet, container(decoy, workload.name), 9 * gib, count),
      ],
      evalTime,
      expected: [{ labels: ns, value: gib }],
    }),
    baselineRule(ctx, signal.deploymentAvailable, deploymentAvailable(base, []), {
      input: [
        gauge(
          metric.kubeDeploymentAvailableReplicas,
          { ...base, ...ns, [label.deployment]: workload.name },
          3,
          count,
        ),
        gauge(
          metric.kubeDeploymentAvailableReplicas,
          { ...decoy, ...ns, [label.deployment]: workload.name },
          8,
          count,
        ),
      ],
      evalTime,
      expected: [{ labels: { ...ns, [label.deployment]: workload.name }, value: 3 }],
    }),
    baselineRule(ctx, signal.syncFailures, syncFailures(base, [], syncWindow), {
      // One failed sync per scrape interval over a full window; successful syncs are not counted.
      input: [sync(base, 'Failed', 1), sync(base, 'Succeeded', 5), sync(decoy, 'Failed', 3)],
      evalTime: syncEval,
      expected: [{ labels: {}, value: syncEval / ctx.interval }],
    }),
  ];
}
