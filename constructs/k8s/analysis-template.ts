// The gate of a canary step (Argo Rollouts AnalysisTemplate): Prometheus queries on the canary's own pods, each
// measured every minute for the step, each failing the rollout as soon as it crosses its objective. A failed
// analysis aborts the Rollout, which sends all traffic back to the stable pods
// (https://argo-rollouts.readthedocs.io/en/stable/features/analysis/, "Canary Analysis": "If the AnalysisRun
// fails, the Rollout is aborted"; https://argo-rollouts.readthedocs.io/en/stable/analysis/prometheus/).
import { Construct } from 'constructs';
import type { NfrId } from '../contracts';
import type { Labels } from './labels';
import { plainMeta } from './metadata';
import { Manifest } from './manifest';

/** The argument the Rollout fills with the canary ReplicaSet's pod-template hash. */
export const CANARY_HASH_ARG = 'canary-hash';

export interface CanaryMetric {
  readonly name: string;
  /** PromQL returning one value; `{{args.canary-hash}}` selects the canary's pods. */
  readonly query: string;
  /** The value passes at or below this. */
  readonly max: number;
}

export interface CanaryAnalysisProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly prometheusAddress: string;
  readonly metrics: readonly CanaryMetric[];
  /** Measurements, one a minute: the length of the canary step. */
  readonly minutes: number;
  readonly nfr?: readonly NfrId[];
}

export class CanaryAnalysis extends Construct {
  constructor(scope: Construct, id: string, props: CanaryAnalysisProps) {
    super(scope, id);
    new Manifest(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: plainMeta({
        name: props.name,
        namespace: props.namespace,
        labels: props.labels,
        nfr: props.nfr,
      }),
      spec: {
        args: [{ name: CANARY_HASH_ARG }],
        metrics: props.metrics.map((metric) => ({
          name: metric.name,
          interval: '1m',
          count: props.minutes,
          // One measurement over the objective fails the step and aborts the rollout.
          failureLimit: 0,
          // No request in the window (NaN) is no evidence against the canary.
          successCondition: `isNaN(result[0]) || result[0] <= ${metric.max}`,
          provider: { prometheus: { address: props.prometheusAddress, query: metric.query } },
        })),
      },
    });
  }
}
