// Routes one path of the public hosts to a Service through the public Gateway (Gateway API, implemented by the
// Istio ingress gateway). TLS terminates at the gateway with the environment's certificate; the route adds HSTS to
// every response, as the retired ingress controller did.
import { Construct } from 'constructs';
import type { Labels } from './labels';
import { plainMeta } from './metadata';
import { Manifest } from './manifest';

export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';

export interface GatewayRef {
  readonly name: string;
  readonly namespace: string;
  /** The Gateway listener the route attaches to. */
  readonly sectionName: string;
}

export interface PublicHttpRouteProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly gateway: GatewayRef;
  readonly hostnames: readonly string[];
  /** Path prefix routed to the Service. */
  readonly path: string;
  /**
   * Replaces the matched prefix before the request reaches the Service (Gateway API URLRewrite,
   * ReplacePrefixMatch), for an application that serves from / behind a path of the public host. Default: the
   * path is passed on unchanged.
   */
  readonly stripPrefix?: boolean;
  readonly serviceName: string;
  readonly servicePort: number;
  readonly hstsMaxAgeSeconds: number;
}

export class PublicHttpRoute extends Construct {
  constructor(scope: Construct, id: string, props: PublicHttpRouteProps) {
    super(scope, id);
    new Manifest(this, 'Resource', {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'HTTPRoute',
      metadata: plainMeta({
        name: props.name,
        namespace: props.namespace,
        labels: props.labels,
        nfr: ['tls-minimum'],
      }),
      spec: {
        parentRefs: [{ ...props.gateway }],
        hostnames: [...props.hostnames],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: props.path } }],
            filters: [
              ...(props.stripPrefix
                ? [
                    {
                      type: 'URLRewrite',
                      urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } },
                    },
                  ]
                : []),
              {
                type: 'ResponseHeaderModifier',
                responseHeaderModifier: {
                  set: [
                    {
                      name: 'Strict-Transport-Security',
                      value: `max-age=${props.hstsMaxAgeSeconds}; includeSubDomains`,
                    },
                  ],
                },
              },
            ],
            backendRefs: [{ name: props.serviceName, port: props.servicePort }],
          },
        ],
      },
    });
  }
}
