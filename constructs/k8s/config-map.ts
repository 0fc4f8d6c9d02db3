// Non-secret tuning as a ConfigMap, plus the hash pods carry so a changed value rolls them (env vars from a
// ConfigMap are read once, at container start).
import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { KubeConfigMap } from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

export const CONFIG_HASH_ANNOTATION = 'skillforge.io/config-hash';

export interface TuningConfigMapProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly data: Readonly<Record<string, string>>;
}

export class TuningConfigMap extends Construct {
  readonly name: string;
  /** sha256 of the sorted data: put it on the pod template so a change restarts the pods. */
  readonly hash: string;

  constructor(scope: Construct, id: string, props: TuningConfigMapProps) {
    super(scope, id);
    this.name = props.name;
    const data = Object.fromEntries(
      Object.entries(props.data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    this.hash = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
    new Manifest(
      this,
      'Resource',
      KubeConfigMap.manifest({
        metadata: objectMeta({
          name: props.name,
          namespace: props.namespace,
          labels: props.labels,
          annotations: props.annotations,
        }),
        data,
      }),
    );
  }
}
