// Tells the Prometheus operator to scrape a workload's metrics port through its Service.
import { Construct } from 'constructs';
import type { Labels } from './labels';
import { plainMeta } from './metadata';
import { Manifest } from './manifest';

export interface WorkloadServiceMonitorProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly selector: Labels;
  /** Name of the Service port serving /metrics. */
  readonly port: string;
  readonly intervalSeconds: number;
  /** Pod labels copied onto every series (e.g. the canary's pod-template hash). Default: none. */
  readonly podTargetLabels?: readonly string[];
}

export class WorkloadServiceMonitor extends Construct {
  constructor(scope: Construct, id: string, props: WorkloadServiceMonitorProps) {
    super(scope, id);
    new Manifest(this, 'Resource', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: plainMeta({ name: props.name, namespace: props.namespace, labels: props.labels }),
      spec: {
        selector: { matchLabels: { ...props.selector } },
        namespaceSelector: { matchNames: [props.namespace] },
        endpoints: [{ port: props.port, path: '/metrics', interval: `${props.intervalSeconds}s` }],
        ...(props.podTargetLabels ? { podTargetLabels: [...props.podTargetLabels] } : {}),
      },
    });
  }
}
