// Scales a workload on CPU and memory utilisation. When it must also follow a schedule (a higher floor during a
// peak window) or a Prometheus query (latency, consumer lag), it is a KEDA ScaledObject: KEDA then owns the
// HorizontalPodAutoscaler, so there is exactly one autoscaler per workload either way (docs/decisions).
import { Construct } from 'constructs';
import { KubeHorizontalPodAutoscalerV2 } from 'cdk8s-plus-27/lib/imports/k8s';
import type { NfrId } from '../contracts';
import type { Labels } from './labels';
import { objectMeta, plainMeta } from './metadata';
import { Manifest } from './manifest';

export interface ScheduledFloor {
  /** Trigger name, e.g. the model's window name "eu-peak". */
  readonly name: string;
  /** Five-field cron expressions (UTC) opening and closing the window. */
  readonly start: string;
  readonly end: string;
  readonly minReplicas: number;
}

export interface PrometheusTarget {
  readonly name: string;
  readonly serverAddress: string;
  /** Must return one series; the workload scales so that the value stays at or below `threshold`. */
  readonly query: string;
  readonly threshold: number;
}

export interface AutoscalerProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly target: { readonly apiVersion: string; readonly kind: string; readonly name: string };
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly cpuTargetPercent: number;
  readonly memoryTargetPercent: number;
  /** Default: none. */
  readonly scheduledFloors?: readonly ScheduledFloor[];
  /** Default: none. */
  readonly prometheusTargets?: readonly PrometheusTarget[];
  /** Runbook numbers this autoscaler enforces (in addition to the CPU/memory targets). */
  readonly nfr?: readonly NfrId[];
}

export class Autoscaler extends Construct {
  /** HorizontalPodAutoscaler, or ScaledObject when KEDA drives the scaling. */
  readonly kind: 'HorizontalPodAutoscaler' | 'ScaledObject';

  constructor(scope: Construct, id: string, props: AutoscalerProps) {
    super(scope, id);
    const floors = props.scheduledFloors ?? [];
    const queries = props.prometheusTargets ?? [];
    const nfr: NfrId[] = ['hpa-cpu-target', 'hpa-memory-target', ...(props.nfr ?? [])];
    const meta = { name: props.name, namespace: props.namespace, labels: props.labels, nfr };
    if (floors.length === 0 && queries.length === 0) {
      this.kind = 'HorizontalPodAutoscaler';
      new Manifest(
        this,
        'Resource',
        KubeHorizontalPodAutoscalerV2.manifest({
          metadata: objectMeta(meta),
          spec: {
            scaleTargetRef: { ...props.target },
            minReplicas: props.minReplicas,
            maxReplicas: props.maxReplicas,
            metrics: [
              utilisation('cpu', props.cpuTargetPercent),
              utilisation('memory', props.memoryTargetPercent),
            ],
          },
        }),
      );
      return;
    }
    this.kind = 'ScaledObject';
    new Manifest(this, 'Resource', {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: plainMeta(meta),
      spec: {
        scaleTargetRef: { ...props.target },
        minReplicaCount: props.minReplicas,
        maxReplicaCount: props.maxReplicas,
        // A stable name for the HPA KEDA creates, so `kubectl get hpa <workload>` works as for every other one.
        advanced: { horizontalPodAutoscalerConfig: { name: props.name } },
        triggers: [
          {
            type: 'cpu',
            name: 'cpu',
            metricType: 'Utilization',
            metadata: { value: String(props.cpuTargetPercent) },
          },
          {
            type: 'memory',
            name: 'memory',
            metricType: 'Utilization',
            metadata: { value: String(props.memoryTargetPercent) },
          },
          ...floors.map((floor) => ({
            type: 'cron',
            name: floor.name,
            metadata: {
              timezone: 'Etc/UTC',
              start: floor.start,
              end: floor.end,
              desiredReplicas: String(floor.minReplicas),
            },
          })),
          ...queries.map((target) => ({
            type: 'prometheus',
            name: target.name,
            // Value, not AverageValue: latency and lag do not grow with the pod count, so they are not divided by it.
            metricType: 'Value',
            metadata: {
              serverAddress: target.serverAddress,
              query: target.query,
              threshold: String(target.threshold),
            },
          })),
        ],
      },
    });
  }
}

function utilisation(name: 'cpu' | 'memory', percent: number) {
  return {
    type: 'Resource',
    resource: { name, target: { type: 'Utilization', averageUtilization: percent } },
  };
}
