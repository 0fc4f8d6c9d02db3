// Staging baselines of runbook §4.1 "Data Pipelines" and §4.5 "Analytics Pipeline Health": backlog, ETL and data
// age, failed job pods, analytics ingestion and consumer lag.
import { jobsOf, label, metric } from '../../constructs/contracts';
import type { RuleContext } from '../context';
import type { BaselineDefinition } from '../rules';
import { consumerLag, datasetAge, etlAge, ingestRate, jobFailures, queueDepth } from '../signals';
import { counter, gauge } from '../tests/series';
import { signal } from './names';
import { baselineRule, decoyScope, fullWindow, sampleCount } from './record';

export function pipelineBaselines(ctx: RuleContext): BaselineDefinition[] {
  const evalTime = fullWindow(ctx.rateWindow);
  const count = sampleCount(ctx, evalTime);
  const decoy = decoyScope(ctx);
  const etl = jobsOf(ctx.baselineEnv).find((job) => job.refreshesDataset !== undefined);
  if (!etl?.refreshesDataset) throw new Error(`${ctx.baselineEnv.name} runs no job that refreshes a dataset`);
  const job = { [label.job]: etl.name };
  const dataset = { [label.dataset]: etl.refreshesDataset };
  const namespace = { [label.namespace]: etl.namespace };
  const ingestWindow = ctx.env.alerts.ingestionBehindBaseline.window;
  const ingestEval = fullWindow(ingestWindow);
  const ingestCount = sampleCount(ctx, ingestEval);
  return [
    baselineRule(ctx, signal.queueDepth, queueDepth(ctx.baselineScope, []), {
      input: [
        gauge(metric.queueDepth, { ...ctx.baselineScope, [label.queue]: 'enrichment' }, 5, count),
        gauge(metric.queueDepth, { ...decoy, [label.queue]: 'enrichment' }, 900, count),
      ],
      evalTime,
      expected: [{ labels: { [label.queue]: 'enrichment' }, value: 5 }],
    }),
    // Last success one hour before the evaluation: an age of 3600 s (time() is the evaluation time).
    baselineRule(ctx, signal.etlAge, etlAge(ctx.baselineScope, []), {
      input: [
        gauge(metric.etlLastSuccess, { ...ctx.baselineScope, ...job }, evalTime - 3600, count),
        gauge(metric.etlLastSuccess, { ...decoy, ...job }, evalTime - 999_999, count),
      ],
      evalTime,
      expected: [{ labels: job, value: 3600 }],
    }),
    baselineRule(ctx, signal.datasetAge, datasetAge(ctx.baselineScope, []), {
      input: [
        gauge(metric.dataLastRefresh, { ...ctx.baselineScope, ...dataset }, evalTime - 7200, count),
        gauge(metric.dataLastRefresh, { ...decoy, ...dataset }, evalTime - 999_999, count),
      ],
      evalTime,
      expected: [{ labels: dataset, value: 7200 }],
    }),
    baselineRule(ctx, signal.jobFailures, jobFailures(ctx.baselineScope, []), {
      input: [
        gauge(
          metric.kubeJobFailed,
          { ...ctx.baselineScope, ...namespace, job_name: `${etl.name}-1` },
          1,
          count,
        ),
        gauge(
          metric.kubeJobFailed,
          { ...ctx.baselineScope, ...namespace, job_name: `${etl.name}-2` },
          2,
          count,
        ),
        gauge(metric.kubeJobFailed, { ...decoy, ...namespace, job_name: `${etl.name}-1` }, 7, count),
      ],
      evalTime,
      expected: [{ labels: namespace, value: 3 }],
    }),
    baselineRule(ctx, signal.ingestRate, ingestRate(ctx.baselineScope, [], ingestWindow), {
      input: [
        counter(metric.analyticsEventsIngested, ctx.baselineScope, 50, ctx.interval, ingestCount),
        counter(metric.analyticsEventsIngested, decoy, 7, ctx.interval, ingestCount),
      ],
      evalTime: ingestEval,
      expected: [{ labels: {}, value: 50 }],
    }),
    baselineRule(ctx, signal.consumerLag, consumerLag(ctx.baselineScope, []), {
      input: [
        gauge(metric.analyticsConsumerLag, { ...ctx.baselineScope, partition: '0' }, 30, count),
        gauge(metric.analyticsConsumerLag, { ...ctx.baselineScope, partition: '1' }, 45, count),
        gauge(metric.analyticsConsumerLag, { ...decoy, partition: '0' }, 4000, count),
      ],
      evalTime,
      expected: [{ labels: {}, value: 45 }],
    }),
  ];
}
