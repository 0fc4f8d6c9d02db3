// Staging baselines of runbook §4.1 "Frontend Experience" and §4.4: TTI, CLS and synthetic uptime.
import { label, metric, publicServices } from '../../constructs/contracts';
import { probeTarget } from '../kubernetes/probes';
import type { RuleContext } from '../context';
import type { BaselineDefinition } from '../rules';
import { frontendClsAverage, frontendTti, probeUptime } from '../signals';
import { counter, gauge } from '../tests/series';
import { webVitalsQuantile } from '../thresholds';
import { signal } from './names';
import { baselineRule, decoyScope, fullWindow, sampleCount } from './record';

export function frontendBaselines(ctx: RuleContext): BaselineDefinition[] {
  return [tti(ctx), cls(ctx), uptime(ctx)];
}

function tti(ctx: RuleContext): BaselineDefinition {
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const quantile = webVitalsQuantile(ctx.env);
  const slo = ctx.env.slo.frontendTtiSeconds;
  const half = slo / 2;
  const bucket = (scope: Record<string, string>, device: string, le: string, perSecond: number) =>
    counter(
      `${metric.frontendTti}_bucket`,
      { ...scope, [label.deviceClass]: device, [label.bucket]: le },
      perSecond,
      ctx.interval,
      count,
    );
  // Mobile loads take between slo/2 and slo, desktop ones under slo/2: the maximum is mobile's percentile.
  const input = [
    bucket(ctx.baselineScope, 'mobile', String(half), 0),
    bucket(ctx.baselineScope, 'mobile', String(slo), 10),
    bucket(ctx.baselineScope, 'mobile', '+Inf', 10),
    bucket(ctx.baselineScope, 'desktop', String(half), 10),
    bucket(ctx.baselineScope, 'desktop', String(slo), 10),
    bucket(ctx.baselineScope, 'desktop', '+Inf', 10),
    bucket(decoyScope(ctx), 'mobile', '+Inf', 10),
  ];
  return baselineRule(ctx, signal.frontendTti, frontendTti(quantile, ctx.baselineScope, [], ctx.rateWindow), {
    input,
    evalTime,
    expected: [{ labels: {}, value: half + (slo - half) * ((quantile * 10 - 0) / (10 - 0)) }],
  });
}

function cls(ctx: RuleContext): BaselineDefinition {
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const series = (scope: Record<string, string>, suffix: string, perSecond: number) =>
    counter(`${metric.frontendCls}${suffix}`, scope, perSecond, ctx.interval, count);
  // One unit of layout shift over twenty page loads a second: an average CLS of 0.05.
  const input = [
    series(ctx.baselineScope, '_sum', 1),
    series(ctx.baselineScope, '_count', 20),
    series(decoyScope(ctx), '_sum', 20),
    series(decoyScope(ctx), '_count', 20),
  ];
  return baselineRule(ctx, signal.frontendCls, frontendClsAverage(ctx.baselineScope, [], ctx.rateWindow), {
    input,
    evalTime,
    expected: [{ labels: {}, value: 1 / 20 }],
  });
}

function uptime(ctx: RuleContext): BaselineDefinition {
  const window = ctx.env.alerts.syntheticUptime.window;
  const evalTime = fullWindow(window);
  const count = sampleCount(ctx, evalTime);
  const service = publicServices(ctx.baselineEnv)[0];
  if (!service) throw new Error(`${ctx.baselineEnv.name} has no public service to probe`);
  const probe = (scope: Record<string, string>, path: string | undefined) => ({
    ...scope,
    [label.service]: service.name,
    [label.probeTarget]: probeTarget(ctx.baselineEnv, path),
  });
  // Two targets of one service, one always up and one always down: the service averages 0.5. Constant series keep
  // avg_over_time exact whichever summation a Prometheus version uses.
  const input = [
    gauge(metric.probeSuccess, probe(ctx.baselineScope, service.ingressPath), 1, count),
    gauge(
      metric.probeSuccess,
      probe(ctx.baselineScope, `${service.ingressPath ?? ''}/unreachable`),
      0,
      count,
    ),
    gauge(metric.probeSuccess, probe(decoyScope(ctx), service.ingressPath), 0, count),
  ];
  return baselineRule(ctx, signal.probeSuccess, probeUptime(ctx.baselineScope, [], window), {
    input,
    evalTime,
    expected: [{ labels: { [label.service]: service.name }, value: (1 + 0) / 2 }],
  });
}
