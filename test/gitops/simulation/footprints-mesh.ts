// Footprints of the mesh: the three Istio charts (namespace istio-system) and the Gateway API's CRD bundle. Each
// object cites the repository path and commit its template was read at, and whether that is the pinned version
// (footprint-helpers.ts, cite). See footprints.ts.
import {
  ADMISSION,
  cite,
  crds,
  ISTIO_WEBHOOK_FIELDS,
  LISTED,
  object,
  otherCommit,
  rbac,
  type Row,
} from './footprint-helpers';
import { gk } from './model';

const ISTIO = (path: string, commit: string, version: string) =>
  cite('istio/istio', `manifests/charts/${path}`, commit, version);
const AFTER_1_24 = otherCommit('main after 1.24, whose global.resourceScope it uses; not the 1.30.4 tag');

export const MESH_ROWS: Readonly<Record<string, Row>> = {
  // files/crd-all.gen.yaml, the reader ServiceAccount, and the default validator: base renders
  // istiod-default-validator whenever defaultRevision is set (we set "default"; istiod's values set none).
  'istio-base@1.30.4': (_values, ns) => {
    const crdYaml = ISTIO('base/files/crd-all.gen.yaml', '6466054c1c090037878c15a6223212a6384ae126', LISTED);
    return {
      objects: [
        ...crds(crdYaml, 'networking.istio.io', [
          'VirtualService',
          'DestinationRule',
          'Gateway',
          'ServiceEntry',
          'Sidecar',
          'EnvoyFilter',
          'WorkloadEntry',
          'WorkloadGroup',
          'ProxyConfig',
        ]),
        ...crds(crdYaml, 'security.istio.io', [
          'PeerAuthentication',
          'AuthorizationPolicy',
          'RequestAuthentication',
        ]),
        ...crds(crdYaml, 'telemetry.istio.io', ['Telemetry']),
        ...crds(crdYaml, 'extensions.istio.io', ['WasmPlugin']),
        object(
          ISTIO(
            'base/templates/reader-serviceaccount.yaml',
            'ebf58ea0c1f7f6ba5c50730d51b2dc1a5d924eca',
            LISTED,
          ),
          gk('', 'ServiceAccount'),
          'istio-reader-service-account',
          ns,
        ),
        object(
          ISTIO(
            'base/templates/defaultrevision-validatingwebhookconfiguration.yaml',
            '2c782511c3031302d4090d20386cf3b596989097',
            AFTER_1_24,
          ),
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'istiod-default-validator',
        ),
      ],
      rewrites: ISTIO_WEBHOOK_FIELDS(ns).filter((field) => field.name === 'istiod-default-validator'),
    };
  },
  // clusterrolebinding.yaml: istio-cni (and istio-cni-repair-rolebinding when cni.repair is on, same kinds).
  'istio-cni@1.30.4': (_values, ns) => ({
    objects: [
      ...rbac(
        ISTIO(
          'istio-cni/templates/clusterrolebinding.yaml',
          '0e87500e49c7cc9fa353744323948db83739b8fb',
          otherCommit('version not determined'),
        ),
        'istio-cni',
      ),
      object(
        ISTIO('istio-cni/templates/daemonset.yaml', '398e1bf2ed48530f53b740cdc69d5fd3e250d878', LISTED),
        gk('apps', 'DaemonSet'),
        'istio-cni-node',
        ns,
      ),
    ],
  }),
  // istio-control/istio-discovery/templates: clusterrole(binding).yaml (istiod-clusterrole-<ns> and
  // istiod-gateway-controller-<ns>), mutatingwebhook.yaml (the sidecar injector, caBundle rendered empty),
  // validatingwebhookconfiguration.yaml (istio-validator-<ns>, failurePolicy Ignore until istiod serves).
  'istiod@1.30.4': (_values, ns) => {
    const at = (
      path: string,
      commit: string,
      version = otherCommit('1.26 or later, ClusterTrustBundle rules'),
    ) => ISTIO(`istio-control/istio-discovery/templates/${path}`, commit, version);
    const binding = at('clusterrolebinding.yaml', 'cede5ec87b405ac8caf905e0f74dadab0e411a73');
    return {
      objects: [
        ...rbac(binding, `istiod-clusterrole-${ns}`),
        ...rbac(binding, `istiod-gateway-controller-${ns}`),
        object(
          at('mutatingwebhook.yaml', 'e01d56cbef3072d23bf14aeb9822f9974982220d', LISTED),
          gk(ADMISSION, 'MutatingWebhookConfiguration'),
          'istio-sidecar-injector',
        ),
        object(
          at(
            'validatingwebhookconfiguration.yaml',
            'b8442325e0ea0a4a174dbccf7b4fc9f2a2e52d77',
            otherCommit('1.x'),
          ),
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          `istio-validator-${ns}`,
        ),
        object(
          at('deployment.yaml', 'a639b94dca446fa61ec837728225e367b0c95f1c', LISTED),
          gk('apps', 'Deployment'),
          'istiod',
          ns,
        ),
        object(
          at('autoscale.yaml', 'f1e942183d6aafc4624903df42d5a3d31c604700', LISTED),
          gk('autoscaling', 'HorizontalPodAutoscaler'),
          'istiod',
          ns,
        ),
      ],
      rewrites: ISTIO_WEBHOOK_FIELDS(ns).filter((field) => field.name !== 'istiod-default-validator'),
      injectsSidecars: true,
    };
  },
  // The standard channel of v1.5: TLSRoute and ListenerSet joined it. Since v1.4 the bundle also carries a
  // ValidatingAdmissionPolicy and its binding that refuse experimental CRDs over standard ones and CRDs older than
  // v1.4 (the v1.4.1 row lacked them). The stored directory also holds gateway.networking.k8s.io_rbac_aggregation.yaml
  // (ClusterRoles aggregating to view/edit), but it lists TCPRoute and UDPRoute as standard, so it is later than
  // v1.5 and not counted here; ClusterRoles are whitelisted for the platform project either way.
  'gateway-api@v1.5.1': () => {
    const at = (path: string, commit: string, version: string) =>
      cite('kubernetes-sigs/gateway-api', `config/crd/standard/${path}`, commit, version);
    const vap = at(
      'gateway.networking.k8s.io_vap_safeupgrades.yaml',
      '33f41863ebe857e37f3aae72c3d54dd82a60b32b',
      otherCommit('bundle-version v1.4.0; the file is kept in the later standard channel'),
    );
    return {
      objects: [
        ...crds(
          at('gateway.networking.k8s.io_tlsroutes.yaml', 'eab8b944d3d80487d3eb304dfbc87de3b8e87c2c', LISTED),
          'gateway.networking.k8s.io',
          [
            'GatewayClass',
            'Gateway',
            'HTTPRoute',
            'GRPCRoute',
            'ReferenceGrant',
            'BackendTLSPolicy',
            'TLSRoute',
            'ListenerSet',
          ],
        ),
        object(vap, gk(ADMISSION, 'ValidatingAdmissionPolicy'), 'safe-upgrades.gateway.networking.k8s.io'),
        object(
          vap,
          gk(ADMISSION, 'ValidatingAdmissionPolicyBinding'),
          'safe-upgrades.gateway.networking.k8s.io',
        ),
      ],
    };
  },
};
