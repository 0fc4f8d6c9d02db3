// A data store run in the cluster (dev's Redis and OpenSearch): a StatefulSet with one volume per pod, a headless
// Service for pod identities, a client Service, and a disruption budget that drains one pod at a time.
import { Construct } from 'constructs';
import { KubeStatefulSet, type PodTemplateSpec } from 'cdk8s-plus-27/lib/imports/k8s';
import type { NfrId } from '../contracts';
import { DisruptionBudget } from './disruption-budget';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { gibibytes } from './quantities';
import { type ServicePort, WorkloadService } from './service';
import { Manifest } from './manifest';

export const DATA_VOLUME = 'data';

export interface StatefulStoreProps {
  /** The client Service, the StatefulSet and the PDB; the headless Service is `<name>-headless`. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly selector: Labels;
  /** Mounts the `data` volume claim wherever the store keeps its files. */
  readonly template: PodTemplateSpec;
  readonly replicas: number;
  readonly ports: readonly ServicePort[];
  readonly storageGiB: number;
  /** Runbook numbers the StatefulSet enforces. Default: none. */
  readonly nfr?: readonly NfrId[];
}

export class StatefulStore extends Construct {
  readonly headlessServiceName: string;

  constructor(scope: Construct, id: string, props: StatefulStoreProps) {
    super(scope, id);
    this.headlessServiceName = `${props.name}-headless`;
    const base = {
      namespace: props.namespace,
      labels: props.labels,
      selector: props.selector,
      ports: props.ports,
    };
    new WorkloadService(this, 'Service', { ...base, name: props.name });
    new WorkloadService(this, 'Headless', { ...base, name: this.headlessServiceName, headless: true });
    new Manifest(
      this,
      'Resource',
      KubeStatefulSet.manifest({
        metadata: objectMeta({
          name: props.name,
          namespace: props.namespace,
          labels: props.labels,
          nfr: props.nfr,
        }),
        spec: {
          serviceName: this.headlessServiceName,
          replicas: props.replicas,
          // Members of a cluster must start together to elect a leader; ordered start would wait forever.
          podManagementPolicy: 'Parallel',
          selector: { matchLabels: { ...props.selector } },
          template: props.template,
          updateStrategy: { type: 'RollingUpdate' },
          // Data outlives the StatefulSet: deleting or scaling it down never deletes a volume.
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
          volumeClaimTemplates: [
            {
              metadata: { name: DATA_VOLUME, labels: { ...props.labels } },
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: gibibytes(props.storageGiB) } },
              },
            },
          ],
        },
      }),
    );
    // One pod at a time: a quorum of three keeps two, and a single dev pod can still be drained.
    new DisruptionBudget(this, 'Budget', {
      name: props.name,
      namespace: props.namespace,
      labels: props.labels,
      selector: props.selector,
      budget: { maxUnavailable: 1 },
    });
  }
}
