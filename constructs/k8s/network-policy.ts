// A NetworkPolicy built from flows: who may talk to the selected pods (ingress) and whom they may reach (egress),
// each flow carrying the reason it exists. Charts derive the flows from the model's declared dependencies.
import { Construct } from 'constructs';
import {
  IntOrString,
  KubeNetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
} from 'cdk8s-plus-27/lib/imports/k8s';
import { type Labels, NAMESPACE_NAME_LABEL } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

/** Pods with these labels in a namespace; no labels means every pod, no namespace means every namespace. */
export interface PodPeer {
  readonly namespace?: string;
  readonly pods?: Labels;
}

/** Addresses outside the cluster's pods (subnets of the VPC, the internet). */
export interface CidrPeer {
  readonly cidr: string;
  readonly except?: readonly string[];
}

export type Peer = PodPeer | CidrPeer;

export interface PortRef {
  readonly port: number | string;
  /** Default: TCP. */
  readonly protocol?: 'TCP' | 'UDP';
}

export interface Flow {
  readonly peers: readonly Peer[];
  readonly ports: readonly PortRef[];
  /** Why the flow exists, in model terms ("calls user-api", "depends on postgres"); listed in an annotation. */
  readonly why: string;
}

export interface NetworkPolicyProps {
  readonly name: string;
  readonly namespace: string;
  /** Pods the policy applies to. Default: every pod in the namespace. */
  readonly podLabels?: Labels;
  /** Allowed inbound flows. Default: the policy does not govern ingress (another policy does). */
  readonly ingress?: readonly Flow[];
  /** Allowed outbound flows. Default: the policy does not govern egress. */
  readonly egress?: readonly Flow[];
  /** Extra annotations (Argo CD hook markers). Default: only the list of allowed flows. */
  readonly annotations?: Labels;
}

export const ALLOWS_ANNOTATION = 'skillforge.io/allows';

export class NetworkPolicy extends Construct {
  constructor(scope: Construct, id: string, props: NetworkPolicyProps) {
    super(scope, id);
    const policyTypes = [...(props.ingress ? ['Ingress'] : []), ...(props.egress ? ['Egress'] : [])];
    const reasons = [
      ...(props.ingress ?? []).map((flow) => `ingress: ${flow.why}`),
      ...(props.egress ?? []).map((flow) => `egress: ${flow.why}`),
    ];
    new Manifest(
      this,
      'Resource',
      KubeNetworkPolicy.manifest({
        metadata: objectMeta({
          name: props.name,
          namespace: props.namespace,
          annotations: {
            ...props.annotations,
            ...(reasons.length > 0 ? { [ALLOWS_ANNOTATION]: reasons.join('; ') } : {}),
          },
        }),
        spec: {
          podSelector: props.podLabels ? { matchLabels: { ...props.podLabels } } : {},
          policyTypes,
          ...(props.ingress
            ? { ingress: props.ingress.map((flow) => ({ from: flow.peers.map(peerOf), ...portsOf(flow) })) }
            : {}),
          ...(props.egress
            ? { egress: props.egress.map((flow) => ({ to: flow.peers.map(peerOf), ...portsOf(flow) })) }
            : {}),
        },
      }),
    );
  }
}

export const isCidrPeer = (peer: Peer): peer is CidrPeer => 'cidr' in peer;

function peerOf(peer: Peer): NetworkPolicyPeer {
  if (isCidrPeer(peer)) {
    return { ipBlock: { cidr: peer.cidr, ...(peer.except ? { except: [...peer.except] } : {}) } };
  }
  return {
    namespaceSelector:
      peer.namespace === undefined ? {} : { matchLabels: { [NAMESPACE_NAME_LABEL]: peer.namespace } },
    ...(peer.pods ? { podSelector: { matchLabels: { ...peer.pods } } } : {}),
  };
}

/** No ports means every port (used only for traffic inside a platform namespace). */
function portsOf(flow: Flow): { ports?: NetworkPolicyPort[] } {
  if (flow.ports.length === 0) return {};
  return {
    ports: flow.ports.map(({ port, protocol }) => ({
      port: typeof port === 'number' ? IntOrString.fromNumber(port) : IntOrString.fromString(port),
      protocol: protocol ?? 'TCP',
    })),
  };
}
