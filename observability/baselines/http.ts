// Staging baselines of the HTTP signals of runbook §4.1 "API Performance": P95 latency, throughput, error ratio.
import { label, metric, servicesOf } from '../../constructs/contracts';
import type { RuleContext } from '../context';
import { errorRatio, latencyQuantile, requestRate } from '../signals';
import { counter } from '../tests/series';
import { P95 } from '../thresholds';
import { signal } from './names';
import { baselineRule, decoyScope, fullWindow, sampleCount } from './record';
import type { BaselineDefinition } from '../rules';

const BY = [label.namespace, label.service];

export function httpBaselines(ctx: RuleContext): BaselineDefinition[] {
  const service = servicesOf(ctx.baselineEnv).find((candidate) => candidate.latencyP95Ms !== undefined);
  if (!service?.latencyP95Ms)
    throw new Error(`${ctx.baselineEnv.name} has no http service with a latency objective`);
  const who = { [label.namespace]: service.namespace, [label.service]: service.name };
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const target = service.latencyP95Ms / 1000;
  const half = target / 2;
  const http = (scope: Record<string, string>, status: string, perSecond: number) =>
    counter(
      `${metric.httpServerDuration}_count`,
      { ...scope, ...who, [label.status]: status },
      perSecond,
      ctx.interval,
      count,
    );
  // Nine successes and one server error per second: rate 10, error ratio 0.1. The decoy would change both.
  const traffic = [
    http(ctx.baselineScope, '200', 9),
    http(ctx.baselineScope, '500', 1),
    http(decoyScope(ctx), '500', 40),
  ];
  const bucket = (scope: Record<string, string>, le: string, perSecond: number) =>
    counter(
      `${metric.httpServerDuration}_bucket`,
      { ...scope, ...who, [label.bucket]: le },
      perSecond,
      ctx.interval,
      count,
    );
  // Every request lands between target/2 and target: P95 interpolates to target/2 + (target/2) × 0.95.
  const buckets = [
    bucket(ctx.baselineScope, String(half), 0),
    bucket(ctx.baselineScope, String(target), 20),
    bucket(ctx.baselineScope, '+Inf', 20),
    bucket(decoyScope(ctx), '+Inf', 20),
  ];
  const observations = 20;
  return [
    baselineRule(ctx, signal.serviceLatencyP95, latencyQuantile(P95, ctx.baselineScope, BY, ctx.rateWindow), {
      input: buckets,
      evalTime,
      // histogram_quantile's linear interpolation, in the order Prometheus evaluates it.
      expected: [
        { labels: who, value: half + (target - half) * ((P95 * observations - 0) / (observations - 0)) },
      ],
    }),
    baselineRule(ctx, signal.serviceRequestRate, requestRate(ctx.baselineScope, BY, ctx.rateWindow), {
      input: traffic,
      evalTime,
      expected: [{ labels: who, value: 10 }],
    }),
    baselineRule(ctx, signal.serviceErrorRatio, errorRatio(ctx.baselineScope, BY, ctx.rateWindow), {
      input: traffic,
      evalTime,
      expected: [{ labels: who, value: 1 / 10 }],
    }),
  ];
}
