// A ClusterIP Service (or a headless one for StatefulSets) in front of a workload's pods.
import { Construct } from 'constructs';
import { IntOrString, KubeService } from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

export interface ServicePort {
  /** Istio reads the protocol from the name prefix (http, http-metrics, tcp-redis). */
  readonly name: string;
  readonly port: number;
  /** Name of the container port the traffic goes to. */
  readonly targetPort: string;
  readonly appProtocol: 'http' | 'tcp';
}

export interface WorkloadServiceProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly selector: Labels;
  readonly ports: readonly ServicePort[];
  /** A headless Service gives each StatefulSet pod a stable DNS name. Default: false. */
  readonly headless?: boolean;
}

export class WorkloadService extends Construct {
  constructor(scope: Construct, id: string, props: WorkloadServiceProps) {
    super(scope, id);
    new Manifest(
      this,
      'Resource',
      KubeService.manifest({
        metadata: objectMeta({ name: props.name, namespace: props.namespace, labels: props.labels }),
        spec: {
          type: 'ClusterIP',
          ...(props.headless ? { clusterIp: 'None', publishNotReadyAddresses: true } : {}),
          selector: { ...props.selector },
          ports: props.ports.map((port) => ({
            name: port.name,
            port: port.port,
            targetPort: IntOrString.fromString(port.targetPort),
            protocol: 'TCP',
            appProtocol: port.appProtocol,
          })),
        },
      }),
    );
  }
}
