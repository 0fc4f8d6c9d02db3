// Routes one path of the public host to a Service. TLS terminates at the ingress controller with the host's
// certificate (issued once per environment by cert-manager, see charts/platform), never in plain text.
import { Construct } from 'constructs';
import { KubeIngress } from 'cdk8s-plus-27/lib/imports/k8s';
import type { Labels } from './labels';
import { objectMeta } from './metadata';
import { Manifest } from './manifest';

export interface PublicRouteProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly ingressClassName: string;
  readonly host: string;
  readonly path: string;
  readonly serviceName: string;
  readonly servicePort: string;
}

export class PublicRoute extends Construct {
  constructor(scope: Construct, id: string, props: PublicRouteProps) {
    super(scope, id);
    new Manifest(
      this,
      'Resource',
      KubeIngress.manifest({
        metadata: objectMeta({
          name: props.name,
          namespace: props.namespace,
          labels: props.labels,
          annotations: props.annotations,
          nfr: ['tls-minimum'],
        }),
        spec: {
          ingressClassName: props.ingressClassName,
          // No secretName: the controller serves its default certificate for the host, one Let's Encrypt
          // certificate per environment instead of one per Ingress (the duplicate-certificate limit is 5 a week).
          tls: [{ hosts: [props.host] }],
          rules: [
            {
              host: props.host,
              http: {
                paths: [
                  {
                    path: props.path,
                    pathType: 'Prefix',
                    backend: { service: { name: props.serviceName, port: { name: props.servicePort } } },
                  },
                ],
              },
            },
          ],
        },
      }),
    );
  }
}
