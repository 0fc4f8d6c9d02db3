// A Kubernetes Secret kept in step with one Secrets Manager secret by the External Secrets Operator.
import { Construct } from 'constructs';
import type { Labels } from './labels';
import { plainMeta } from './metadata';
import { Manifest } from './manifest';

export interface SyncedSecretProps {
  /** Name of the ExternalSecret and of the Secret it writes. */
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  /** The Secrets Manager name (secretName in constructs/contracts). */
  readonly remoteKey: string;
  readonly store: string;
  /** How soon a rotated value reaches the cluster (runbook §3.2). */
  readonly refreshMinutes: number;
  /**
   * Keys of the Secret and where each comes from: a property of a JSON secret, or the whole value when no
   * property is given. Default: every property of the JSON secret becomes a key (dataFrom extract).
   */
  readonly keys?: readonly { readonly secretKey: string; readonly property?: string }[];
}

export class SyncedSecret extends Construct {
  constructor(scope: Construct, id: string, props: SyncedSecretProps) {
    super(scope, id);
    const source = props.keys
      ? {
          data: props.keys.map(({ property, secretKey }) => ({
            secretKey,
            remoteRef: { key: props.remoteKey, ...(property === undefined ? {} : { property }) },
          })),
        }
      : { dataFrom: [{ extract: { key: props.remoteKey } }] };
    new Manifest(this, 'Resource', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: plainMeta({
        name: props.name,
        namespace: props.namespace,
        labels: props.labels,
        annotations: props.annotations,
        nfr: ['secret-rotation'],
      }),
      spec: {
        refreshInterval: `${props.refreshMinutes}m`,
        secretStoreRef: { kind: 'ClusterSecretStore', name: props.store },
        // Owner: the Secret is deleted with its ExternalSecret, so a removed dependency leaves no credential behind.
        target: { name: props.name, creationPolicy: 'Owner' },
        ...source,
      },
    });
  }
}
