// A long-running workload: a Deployment (rolling update) or an Argo Rollouts canary. Neither sets `replicas`:
// an autoscaler always owns the count, and a fixed value would fight it on every Argo CD sync.
import { Construct } from 'constructs';
import { KubeDeployment, type PodTemplateSpec, toJson_PodTemplateSpec } from 'cdk8s-plus-27/lib/imports/k8s';
import type { NfrId } from '../contracts';
import type { Labels } from './labels';
import { objectMeta, plainMeta } from './metadata';
import { CANARY_HASH_ARG } from './analysis-template';
import { Manifest } from './manifest';

/** Istio resources a canary shifts traffic with; without them the canary weight is approximated by pod counts. */
export interface CanaryTrafficRouting {
  readonly virtualService: string;
  readonly route: string;
  readonly destinationRule: string;
  readonly stableSubset: string;
  readonly canarySubset: string;
}

export type Delivery =
  | { readonly strategy: 'rolling' }
  | {
      readonly strategy: 'canary';
      /** Traffic share of the first step (runbook §2.1: 10 %); the rollout completes after the pause. */
      readonly firstStepPercent: number;
      readonly pauseMinutes: number;
      /** Default: none, weights follow replica counts. */
      readonly trafficRouting?: CanaryTrafficRouting;
      /**
       * AnalysisTemplate gating the first step: it runs instead of a blind pause, and a failure aborts the rollout.
       * Default: none (the step only pauses).
       */
      readonly analysisTemplate?: string;
    };

export interface ReplicatedWorkloadProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  /** Must be a subset of the template's labels. */
  readonly selector: Labels;
  readonly template: PodTemplateSpec;
  readonly revisionHistoryLimit: number;
  readonly delivery: Delivery;
}

export class ReplicatedWorkload extends Construct {
  /** What an autoscaler's scaleTargetRef points at. */
  readonly target: { readonly apiVersion: string; readonly kind: string; readonly name: string };

  constructor(scope: Construct, id: string, props: ReplicatedWorkloadProps) {
    super(scope, id);
    const selector = { matchLabels: { ...props.selector } };
    if (props.delivery.strategy === 'rolling') {
      this.target = { apiVersion: 'apps/v1', kind: 'Deployment', name: props.name };
      new Manifest(
        this,
        'Resource',
        KubeDeployment.manifest({
          metadata: objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels }),
          spec: {
            selector,
            template: props.template,
            revisionHistoryLimit: props.revisionHistoryLimit,
            strategy: { type: 'RollingUpdate' },
          },
        }),
      );
      return;
    }
    this.target = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: props.name };
    const { firstStepPercent, pauseMinutes, trafficRouting, analysisTemplate } = props.delivery;
    const gate = analysisTemplate
      ? {
          analysis: {
            templates: [{ templateName: analysisTemplate }],
            args: [{ name: CANARY_HASH_ARG, valueFrom: { podTemplateHashValue: 'Latest' } }],
          },
        }
      : { pause: { duration: `${pauseMinutes}m` } };
    const nfr: NfrId[] = ['canary-first-step'];
    new Manifest(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: plainMeta({ name: props.name, namespace: props.namespace, labels: props.labels, nfr }),
      spec: {
        selector,
        template: toJson_PodTemplateSpec(props.template),
        revisionHistoryLimit: props.revisionHistoryLimit,
        strategy: {
          canary: {
            // Runbook §2.1 "canary 10 %, rolling update": one canary step, gated by its analysis (§6: roll back on
            // failure), then the rest rolls out.
            steps: [{ setWeight: firstStepPercent }, gate],
            ...(trafficRouting
              ? {
                  trafficRouting: {
                    istio: {
                      virtualService: { name: trafficRouting.virtualService, routes: [trafficRouting.route] },
                      destinationRule: {
                        name: trafficRouting.destinationRule,
                        canarySubsetName: trafficRouting.canarySubset,
                        stableSubsetName: trafficRouting.stableSubset,
                      },
                    },
                  },
                }
              : {}),
          },
        },
      },
    });
  }
}
