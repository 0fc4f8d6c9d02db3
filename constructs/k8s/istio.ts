// Istio objects: STRICT mutual TLS for a namespace, and per-service traffic policy (mTLS to the service, retries
// for transient failures, stable/canary subsets a Rollout shifts weight between).
import { Construct } from 'constructs';
import type { Labels } from './labels';
import { plainMeta } from './metadata';
import { Manifest } from './manifest';

export interface StrictMtlsProps {
  readonly namespace: string;
  readonly labels?: Labels;
}

/** The namespace-wide PeerAuthentication (named "default", as Istio expects) that refuses plain text. */
export class StrictMtls extends Construct {
  constructor(scope: Construct, id: string, props: StrictMtlsProps) {
    super(scope, id);
    new Manifest(this, 'Resource', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'PeerAuthentication',
      metadata: plainMeta({
        name: 'default',
        namespace: props.namespace,
        labels: props.labels,
        nfr: ['tls-minimum'],
      }),
      spec: { mtls: { mode: 'STRICT' } },
    });
  }
}

export interface MeshRetries {
  readonly attempts: number;
  readonly perTryTimeoutMs: number;
  readonly retryOn: string;
}

export interface MeshTrafficPolicyProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly port: number;
  readonly retries: MeshRetries;
  /** Adds stable and canary subsets for an Argo Rollouts canary. Default: a single destination. */
  readonly canary?: { readonly route: string; readonly stableSubset: string; readonly canarySubset: string };
}

/** DestinationRule + VirtualService for one in-mesh service. */
export class MeshTrafficPolicy extends Construct {
  constructor(scope: Construct, id: string, props: MeshTrafficPolicyProps) {
    super(scope, id);
    const host = `${props.name}.${props.namespace}.svc.cluster.local`;
    const meta = { name: props.name, namespace: props.namespace, labels: props.labels };
    const { canary } = props;
    new Manifest(this, 'DestinationRule', {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'DestinationRule',
      metadata: plainMeta({ ...meta, nfr: ['tls-minimum'] }),
      spec: {
        host,
        trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
        // Argo Rollouts adds the rollouts-pod-template-hash label to each subset while a canary runs.
        ...(canary ? { subsets: [{ name: canary.stableSubset }, { name: canary.canarySubset }] } : {}),
      },
    });
    const destination = (subset?: string) => ({
      host,
      port: { number: props.port },
      ...(subset ? { subset } : {}),
    });
    new Manifest(this, 'VirtualService', {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: plainMeta(meta),
      spec: {
        hosts: [host],
        http: [
          {
            name: canary?.route ?? 'primary',
            // Argo Rollouts moves these weights during a canary and returns them to 100/0 when it completes.
            route: canary
              ? [
                  { destination: destination(canary.stableSubset), weight: 100 },
                  { destination: destination(canary.canarySubset), weight: 0 },
                ]
              : [{ destination: destination() }],
            retries: {
              attempts: props.retries.attempts,
              // Istio durations are protobuf Durations: seconds with an "s" suffix, fractions allowed.
              perTryTimeout: `${props.retries.perTryTimeoutMs / 1000}s`,
              retryOn: props.retries.retryOn,
            },
          },
        ],
      },
    });
  }
}
