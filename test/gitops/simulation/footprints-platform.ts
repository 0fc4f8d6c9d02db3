// Footprints of the platform charts (namespace platform and istio-system) with our values. Each object cites the
// repository path and commit its template was read at, and whether that is the pinned version
// (footprint-helpers.ts, cite). The Istio charts and the Gateway API bundle: footprints-mesh.ts. See footprints.ts.
import {
  ADMISSION,
  chartFiles,
  cite,
  crds,
  disabled,
  LISTED,
  monitor,
  object,
  otherCommit,
  rbac,
  RBAC,
  type Row,
  value,
} from './footprint-helpers';
import { gk } from './model';

const UNKNOWN = otherCommit('version not determined');

export const PLATFORM_ROWS: Readonly<Record<string, Row>> = {
  // crd-*.yaml (crds.enabled); rbac.yaml: the leader-election Role and RoleBinding go to
  // global.leaderElection.namespace (default kube-system); the webhooks; the ServiceMonitor.
  'cert-manager@v1.21.2': (values, ns) => {
    const at = chartFiles('cert-manager/cert-manager', 'deploy/charts/cert-manager/templates/', UNKNOWN);
    const rbacYaml = at('rbac.yaml', 'c38e37ed27f6b0b7169b0cf5393fd3d9a0225556');
    const crdYaml = at(
      'crd-cert-manager.io_certificates.yaml',
      '0509c05ab4c8b11acbe28e8c23ca000bfd33676b',
      false,
    );
    const election = String(value(values, 'global.leaderElection.namespace') ?? 'kube-system');
    return {
      objects: [
        ...crds(crdYaml, 'cert-manager.io', ['Certificate', 'CertificateRequest', 'Issuer', 'ClusterIssuer']),
        ...crds(crdYaml, 'acme.cert-manager.io', ['Order', 'Challenge']),
        ...rbac(rbacYaml, 'cert-manager-controller-certificates'),
        object(rbacYaml, gk(RBAC, 'Role'), 'cert-manager:leaderelection', election),
        object(rbacYaml, gk(RBAC, 'RoleBinding'), 'cert-manager:leaderelection', election),
        object(
          at('webhook-validating-webhook.yaml', 'f20d9d752dbab36cd0ba0e39d65ac5a5eff0bae1', false),
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'cert-manager-webhook',
        ),
        object(
          at('webhook-mutating-webhook.yaml', 'dddc6abd2e0075648df2eddcff765b4986e9497d', false),
          gk(ADMISSION, 'MutatingWebhookConfiguration'),
          'cert-manager-webhook',
        ),
        object(
          at('deployment.yaml', '5bd0a3768602cfd246e6a38a626824d237d9e01a', false),
          gk('apps', 'Deployment'),
          'cert-manager',
          ns,
        ),
        monitor(
          at('servicemonitor.yaml', 'b1624bf7b3a32a1b9566f86b7ac403b279750aa6', false),
          'cert-manager',
          ns,
        ),
      ],
    };
  },
  // The ClusterRole is <fullname>, its binding <fullname>-viewer (tests/rbac_test.yaml); the chart also installs the
  // DNSEndpoint CRD by default (crds.install, tests/crds_test.yaml @5cf2b81), which the 1.20.0 row left out.
  'external-dns@1.22.0': (_values, ns) => {
    const at = chartFiles('kubernetes-sigs/external-dns', 'charts/external-dns/', UNKNOWN);
    return {
      objects: [
        ...crds(
          at('templates/dnsendpoint-crd.yaml', '06d547f826387b6d7ecddf0f10979d23814c7c96'),
          'externaldns.k8s.io',
          ['DNSEndpoint'],
        ),
        ...rbac(
          at('tests/rbac_test.yaml', '0d2a7020b54a53fa68dcb2fb947ecdb09c7660a6'),
          'external-dns',
          'external-dns-viewer',
        ),
        object(
          at('templates/deployment.yaml', '0cd8a022ccddc7ee9921ef93c6b0f5bc9902f3a4', false),
          gk('apps', 'Deployment'),
          'external-dns',
          ns,
        ),
        monitor(
          at('templates/servicemonitor.yaml', '6e15aa0406de22319212fab901f347421d6731b8', false),
          'external-dns',
          ns,
        ),
      ],
    };
  },
  // crds/ (installCRDs), rbac.yaml (the controller's ClusterRole and binding; its leader-election Role in the release
  // namespace), validatingwebhook.yaml (no caBundle rendered: the cert-controller's injection is no diff).
  'external-secrets@2.10.0': (_values, ns) => {
    const at = chartFiles(
      'external-secrets/external-secrets',
      'deploy/charts/external-secrets/templates/',
      UNKNOWN,
    );
    const webhooks = at('validatingwebhook.yaml', '12b708af64ea22f6a3083ddea01d39137ea6ac96');
    return {
      objects: [
        ...crds(
          at('crds/externalsecret.yaml', '1ebf5525377bbdf1e3cf7d03b34f9f084e6fc172', false),
          'external-secrets.io',
          ['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'ClusterExternalSecret', 'PushSecret'],
        ),
        ...rbac(at('rbac.yaml', '00e58aa3f72f63a4216fa0f7b29a631f0221339d'), 'external-secrets-controller'),
        object(webhooks, gk(ADMISSION, 'ValidatingWebhookConfiguration'), 'secretstore-validate'),
        object(webhooks, gk(ADMISSION, 'ValidatingWebhookConfiguration'), 'externalsecret-validate'),
        object(
          at('deployment.yaml', '21b5ee1c2da50fc2feb387fa5df09097bcbd21ea', false),
          gk('apps', 'Deployment'),
          'external-secrets',
          ns,
        ),
        monitor(
          at('servicemonitor.yaml', 'c07d689428b024be4de568564c41cd010738578c', false),
          'external-secrets',
          ns,
        ),
      ],
    };
  },
  // crds/crds.yaml; templates/rbac.yaml (ClusterRole <fullname>-role, ClusterRoleBinding <fullname>-rolebinding),
  // webhook.yaml (with enableCertManager a cert-manager Issuer and Certificate, and the webhooks' caBundle injected
  // by cainjector; without it genCA makes a new CA on every render), ingressclass.yaml (createIngressClassResource).
  // 3.4.0 is the version whose IAM policy is vendored and simulated (constructs/aws/upstream/README.md). Since the
  // 3.x charts, crds/gateway-crds.yaml also ships the gateway.k8s.aws CRDs, which Helm and Argo CD apply with it.
  'aws-load-balancer-controller@3.4.0': (values, ns) => {
    const at = chartFiles('aws/eks-charts', 'stable/aws-load-balancer-controller/', UNKNOWN);
    const webhook = at('templates/webhook.yaml', 'e1669601cfc203953f3d52896b1def4b3609d759', false);
    const certManager = value(values, 'enableCertManager') === true;
    return {
      objects: [
        ...crds(at('crds/crds.yaml', '27337f23c09ea4e9415bda639c59fb528c978e41', false), 'elbv2.k8s.aws', [
          'TargetGroupBinding',
          { kind: 'IngressClassParams', plural: 'ingressclassparams' },
        ]),
        ...crds(
          cite(
            'kubernetes-sigs/aws-load-balancer-controller',
            'helm/aws-load-balancer-controller/crds/gateway-crds.yaml',
            'bf600cc3e0d6357956e3b7fbf6b804f8a5b983ed',
            LISTED,
          ),
          'gateway.k8s.aws',
          ['LoadBalancerConfiguration', 'TargetGroupConfiguration', 'ListenerRuleConfiguration'],
        ),
        ...rbac(
          at('templates/rbac.yaml', '0f5e8f1e9c767bb4f277c165c9bff20959a35dc5'),
          'aws-load-balancer-controller-role',
          'aws-load-balancer-controller-rolebinding',
        ),
        object(webhook, gk(ADMISSION, 'MutatingWebhookConfiguration'), 'aws-load-balancer-webhook'),
        object(webhook, gk(ADMISSION, 'ValidatingWebhookConfiguration'), 'aws-load-balancer-webhook'),
        ...(certManager
          ? [
              object(webhook, gk('cert-manager.io', 'Issuer'), 'aws-load-balancer-selfsigned-issuer', ns),
              object(webhook, gk('cert-manager.io', 'Certificate'), 'aws-load-balancer-serving-cert', ns),
            ]
          : []),
        ...(disabled(values, 'createIngressClassResource')
          ? []
          : [
              object(
                at('templates/ingressclass.yaml', 'a2758daeb4f8c291695d638babc9db1c9c4233c9', false),
                gk('networking.k8s.io', 'IngressClass'),
                'alb',
              ),
            ]),
        object(
          at('templates/deployment.yaml', 'bdaa4711a5b484db41be32bc04665e628dae4e5e', false),
          gk('apps', 'Deployment'),
          'aws-load-balancer-controller',
          ns,
        ),
        monitor(
          at('templates/servicemonitor.yaml', 'f2b9fa2e58d9d7ecc24f9a934f5f07dfd7f93728', false),
          'aws-load-balancer-controller',
          ns,
        ),
      ],
      // A generated CA differs on every render: the webhook's caBundle and the Secret would never be Synced.
      rewrites: certManager
        ? []
        : [
            {
              kind: gk(ADMISSION, 'MutatingWebhookConfiguration'),
              name: 'aws-load-balancer-webhook',
              jq: '.webhooks[]?.clientConfig.caBundle',
              by: 'Helm genCA on every render (templates/_helpers.tpl)',
            },
          ],
    };
  },
  // crds/ (karpenter.sh NodePool, NodeClaim, NodeOverlay; karpenter.k8s.aws EC2NodeClass; autoscaling.x-k8s.io
  // CapacityBuffer); templates/clusterrole-core.yaml and clusterrole.yaml (ClusterRoles and bindings); role.yaml and
  // rolebinding.yaml: besides the release namespace, a Role and RoleBinding <release>-dns in kube-system (get the
  // kube-dns Service) and <release>-lease in kube-node-lease (delete node leases); the webhook only with
  // webhook.enabled, which our values never set. Its default affinity keeps it off nodes it launched
  // (karpenter.sh/nodepool DoesNotExist), which our values state explicitly.
  'karpenter@1.15.0': (values, ns) => {
    const at = chartFiles('aws/karpenter-provider-aws', 'charts/karpenter/', UNKNOWN);
    const role = at('templates/role.yaml', '6c080f32e01fe32676671859b7ecfa2c0d5e3bf8');
    const binding = at('templates/rolebinding.yaml', '4d55611c9b729d7fc503130dcb7e9b914cc70962');
    const release = 'karpenter';
    return {
      objects: [
        ...crds(
          at('crds/karpenter.sh_nodeoverlays.yaml', '70c1f73b2fc085e0a048e3f696e2f6538c642088', false),
          'karpenter.sh',
          ['NodePool', 'NodeClaim', 'NodeOverlay'],
        ),
        ...crds(
          at('crds/karpenter.sh_nodeoverlays.yaml', '70c1f73b2fc085e0a048e3f696e2f6538c642088', false),
          'karpenter.k8s.aws',
          [{ kind: 'EC2NodeClass', plural: 'ec2nodeclasses' }],
        ),
        ...crds(
          at('crds/autoscaling.x-k8s.io_capacitybuffers.yaml', 'e3816068f450648874c6cd688e3adaf949b3c650'),
          'autoscaling.x-k8s.io',
          ['CapacityBuffer'],
        ),
        ...rbac(
          at('templates/clusterrole-core.yaml', '4cecea29d04b34c9b7a8a2ec5261b71d8be4af4f', false),
          `${release}-core`,
        ),
        ...rbac(at('templates/clusterrole.yaml', '93f2cf916742c17394d60ee3c18c17d0d581159a', false), release),
        object(role, gk(RBAC, 'Role'), release, ns),
        object(binding, gk(RBAC, 'RoleBinding'), release, ns),
        object(role, gk(RBAC, 'Role'), `${release}-dns`, 'kube-system'),
        object(binding, gk(RBAC, 'RoleBinding'), `${release}-dns`, 'kube-system'),
        object(role, gk(RBAC, 'Role'), `${release}-lease`, 'kube-node-lease'),
        object(binding, gk(RBAC, 'RoleBinding'), `${release}-lease`, 'kube-node-lease'),
        ...(value(values, 'webhook.enabled') === true
          ? [
              object(
                at('templates/webhooks.yaml', '1e405183fe518d58236710dc3127df056f545459', false),
                gk(ADMISSION, 'ValidatingWebhookConfiguration'),
                'validation.webhook.karpenter.sh',
              ),
            ]
          : []),
        object(
          at('templates/deployment.yaml', '0721b9aee652a5a947ede904f2c11f7051418e31', false),
          gk('apps', 'Deployment'),
          release,
          ns,
        ),
        object(
          at('templates/poddisruptionbudget.yaml', '81af7c80a58b5cbcc781843a40a4c3769cbda04d', false),
          gk('policy', 'PodDisruptionBudget'),
          release,
          ns,
        ),
      ],
    };
  },
  // crds/ (installCRDs); controller/clusterrolebinding.yaml and servicemonitor.yaml both name <fullname>.
  'argo-rollouts@2.41.0': (_values, ns) => {
    const at = chartFiles('argoproj/argo-helm', 'charts/argo-rollouts/templates/', UNKNOWN);
    return {
      objects: [
        ...crds(
          at('crds/rollout-crd.yaml', 'd7ad31380833075f4ca29e910f4d7494b9dbb008', false),
          'argoproj.io',
          ['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun', 'Experiment'],
        ),
        ...rbac(
          at('controller/clusterrolebinding.yaml', 'd89c78ea59ad7e373d8aa5f7ab5fbba0ab28bf59'),
          'argo-rollouts',
        ),
        object(
          at('controller/deployment.yaml', 'aa7036bc4dda5b29427202ab7be51ac1bdeef3da', false),
          gk('apps', 'Deployment'),
          'argo-rollouts',
          ns,
        ),
        monitor(
          at('controller/servicemonitor.yaml', 'c074138cc628fea89bdec650d310bf2679e98721'),
          'argo-rollouts',
          ns,
        ),
      ],
    };
  },
  // crds/, manager/, metrics-server/ (APIService v1beta1.external.metrics.k8s.io, no caBundle rendered;
  // clusterrolebinding.yaml binds extension-apiserver-authentication-reader in kube-system), webhooks/.
  'keda@2.20.1': (_values, ns) => {
    const at = chartFiles('kedacore/charts', 'keda/templates/', UNKNOWN);
    const crdYaml = at('crds/crd-scaledobjects.yaml', 'cf0b4029b17a3c3435eb232b635a35552afa6cb0', false);
    return {
      objects: [
        ...crds(crdYaml, 'keda.sh', [
          'ScaledObject',
          'ScaledJob',
          'TriggerAuthentication',
          'ClusterTriggerAuthentication',
        ]),
        ...crds(crdYaml, 'eventing.keda.sh', ['CloudEventSource', 'ClusterCloudEventSource']),
        ...rbac(
          at('manager/clusterrole.yaml', 'd62619761f889d04970c3aeae668ee14f4633fb7', false),
          'keda-operator',
        ),
        object(
          at('metrics-server/clusterrolebinding.yaml', '3e082872a3452f442fd7b7ebcbfb18e0d6ba9d35'),
          gk(RBAC, 'RoleBinding'),
          'keda-operator-auth-reader',
          'kube-system',
        ),
        object(
          at('metrics-server/apiservice.yaml', '008b720420797ff8fd8fcc43dbbb64e020efc5ab'),
          gk('apiregistration.k8s.io', 'APIService'),
          'v1beta1.external.metrics.k8s.io',
        ),
        object(
          at('webhooks/validatingconfiguration.yaml', '008b720420797ff8fd8fcc43dbbb64e020efc5ab'),
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'keda-admission',
        ),
        object(
          at('manager/deployment.yaml', '6e4d3620dacbabaaca479ce03bece3e2d0e3fd8d', false),
          gk('apps', 'Deployment'),
          'keda-operator',
          ns,
        ),
        monitor(
          at('manager/servicemonitor.yaml', '3e082872a3452f442fd7b7ebcbfb18e0d6ba9d35', false),
          'keda-operator',
          ns,
        ),
      ],
    };
  },
  // apiservice.yaml (v1beta1.metrics.k8s.io), clusterrolebinding.yaml (system:<fullname>), rolebinding.yaml
  // (<fullname>-auth-reader for extension-apiserver-authentication-reader in kube-system), pdb.yaml.
  'metrics-server@3.14.0': (_values, ns) => {
    const at = chartFiles('kubernetes-sigs/metrics-server', 'charts/metrics-server/templates/', UNKNOWN);
    return {
      objects: [
        ...rbac(
          at('clusterrolebinding.yaml', '402b879417c077e89ac60510b1357e4b99640c88'),
          'system:metrics-server',
        ),
        object(
          at('rolebinding.yaml', 'c0ec59c7f72043aff470f376daa1500f4ff01419'),
          gk(RBAC, 'RoleBinding'),
          'metrics-server-auth-reader',
          'kube-system',
        ),
        object(
          at('apiservice.yaml', 'c0ec59c7f72043aff470f376daa1500f4ff01419'),
          gk('apiregistration.k8s.io', 'APIService'),
          'v1beta1.metrics.k8s.io',
        ),
        object(
          at('deployment.yaml', 'c947981e07ff660eb4ed83ef36a8cd45c9b579d6', false),
          gk('apps', 'Deployment'),
          'metrics-server',
          ns,
        ),
        object(
          at('pdb.yaml', 'bc415d2a66021b39a5e6f1bb4f3eceafc90f093a', false),
          gk('policy', 'PodDisruptionBudget'),
          'metrics-server',
          ns,
        ),
      ],
    };
  },
};
