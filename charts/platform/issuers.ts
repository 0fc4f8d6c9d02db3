// Cluster-wide trust objects the platform owns: the ACME ClusterIssuer (DNS-01 through Route 53), the
// environment's one public certificate, and the ClusterSecretStore for AWS Secrets Manager.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { appHost, namespaces, originHost, publicZone } from '../../constructs/contracts';
import { plainMeta } from '../../constructs/k8s/metadata';
import { components, GATEWAY_NAMESPACE, namespaceOf } from '../plan/components';
import { jobsIn } from '../../constructs/contracts';
import { credentialStoresIn, SECRET_STORE } from '../workloads/credentials';
import { passwordStoresOf } from '../plan/workloads';
import { alertmanagerSecretMounts } from './observability-secrets';
import { Manifest } from '../../constructs/k8s/manifest';

export const CLUSTER_ISSUER = 'letsencrypt';
export const APP_CERTIFICATE_SECRET = 'app-tls';
const ACME_SERVER = 'https://acme-v02.api.letsencrypt.org/directory';

export function renderIssuers(scope: Construct, env: EnvConfig): void {
  new Manifest(scope, 'ClusterIssuer', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: plainMeta({ name: CLUSTER_ISSUER }),
    spec: {
      acme: {
        server: ACME_SERVER,
        privateKeySecretRef: { name: `${CLUSTER_ISSUER}-account` },
        solvers: [
          {
            // DNS-01 needs no inbound HTTP; cert-manager's IRSA role may only change this zone's TXT records. The
            // zone id spares the solver looking the zone up by name (route53:ListHostedZonesByName).
            selector: { dnsZones: [publicZone(env)] },
            dns01: { route53: { region: env.aws.region, hostedZoneID: env.edge.hostedZoneId } },
          },
        ],
      },
    },
  });
  // The gateway reads its certificates from Secrets in its own namespace.
  const certificate = (id: string, secretName: string, dnsNames: readonly string[]) =>
    new Manifest(scope, id, {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: plainMeta({ name: secretName, namespace: GATEWAY_NAMESPACE, nfr: ['tls-minimum'] }),
      spec: {
        secretName,
        dnsNames: [...dnsNames],
        issuerRef: { kind: 'ClusterIssuer', name: CLUSTER_ISSUER },
        privateKey: { algorithm: 'ECDSA', rotationPolicy: 'Always' },
      },
    });
  // The public host, and the origin name CloudFront connects to (its TLS check uses that name).
  certificate('AppCertificate', APP_CERTIFICATE_SECRET, [appHost(env), originHost(env)]);
  new Manifest(scope, 'SecretStore', {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: plainMeta({ name: SECRET_STORE }),
    spec: {
      provider: {
        aws: {
          service: 'SecretsManager',
          region: env.aws.region,
          auth: {
            jwt: {
              serviceAccountRef: {
                name: 'external-secrets',
                namespace: namespaceOf(env, components.externalSecrets),
              },
            },
          },
        },
      },
      // Only namespaces that have a credential to read may use the store.
      conditions: [{ namespaces: secretConsumerNamespaces(env) }],
    },
  });
}

/** Namespaces with at least one ExternalSecret. */
export function secretConsumerNamespaces(env: EnvConfig): string[] {
  const consumers = namespaces.filter(
    (namespace) =>
      credentialStoresIn(env, namespace).length > 0 ||
      jobsIn(env, namespace).some((job) => passwordStoresOf(env, job).length > 0),
  );
  const alerting =
    alertmanagerSecretMounts(env).length > 0 ? [namespaceOf(env, components.alertmanager)] : [];
  return [...new Set([...consumers, ...alerting])].sort();
}
