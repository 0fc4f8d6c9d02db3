// Footprints of the platform charts (namespace platform and istio-system) and the Gateway API bundle with our
// values; each row cites the templates it was read from. See footprints.ts.
import {
  ADMISSION,
  crds,
  disabled,
  ISTIO_WEBHOOK_FIELDS,
  monitor,
  object,
  rbac,
  RBAC,
  type Row,
  value,
} from './footprint-helpers';
import { gk } from './model';

export const PLATFORM_ROWS: Readonly<Record<string, Row>> = {
  // webhook-*-webhook.yaml, servicemonitor.yaml.
  'cert-manager@v1.21.2': (values, ns) => {
    const s = 'cert-manager v1.21.2 deploy/charts/cert-manager/templates';
    const election = String(value(values, 'global.leaderElection.namespace') ?? 'kube-system');
    return {
      objects: [
        ...crds(`${s}/crd-*.yaml`, 'cert-manager.io', [
          'Certificate',
          'CertificateRequest',
          'Issuer',
          'ClusterIssuer',
        ]),
        ...crds(`${s}/crd-*.yaml`, 'acme.cert-manager.io', ['Order', 'Challenge']),
        ...rbac(`${s}/rbac.yaml`, 'cert-manager-controller-certificates'),
        object(`${s}/rbac.yaml`, gk(RBAC, 'Role'), 'cert-manager:leaderelection', election),
        object(`${s}/rbac.yaml`, gk(RBAC, 'RoleBinding'), 'cert-manager:leaderelection', election),
        object(
          `${s}/webhook-validating-webhook.yaml`,
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'cert-manager-webhook',
        ),
        object(
          `${s}/webhook-mutating-webhook.yaml`,
          gk(ADMISSION, 'MutatingWebhookConfiguration'),
          'cert-manager-webhook',
        ),
        object(`${s}/deployment.yaml`, gk('apps', 'Deployment'), 'cert-manager', ns),
        monitor(`${s}/servicemonitor.yaml`, 'cert-manager', ns),
      ],
    };
  },
  // kubernetes-sigs/external-dns charts/external-dns/templates: clusterrole.yaml, deployment.yaml, servicemonitor.yaml.
  'external-dns@1.20.0': (_values, ns) => {
    const s = 'external-dns 1.20.0 charts/external-dns/templates';
    return {
      objects: [
        ...rbac(`${s}/clusterrole.yaml`, 'external-dns'),
        object(`${s}/deployment.yaml`, gk('apps', 'Deployment'), 'external-dns', ns),
        monitor(`${s}/servicemonitor.yaml`, 'external-dns', ns),
      ],
    };
  },
  // external-secrets/external-secrets deploy/charts/external-secrets/templates: crds/ (installCRDs),
  // rbac.yaml, validatingwebhook.yaml, servicemonitor.yaml.
  'external-secrets@2.10.0': (_values, ns) => {
    const s = 'external-secrets 2.10.0 deploy/charts/external-secrets/templates';
    return {
      objects: [
        ...crds(`${s}/crds/`, 'external-secrets.io', [
          'ExternalSecret',
          'SecretStore',
          'ClusterSecretStore',
          'ClusterExternalSecret',
          'PushSecret',
        ]),
        ...rbac(`${s}/rbac.yaml`, 'external-secrets-controller'),
        object(
          `${s}/validatingwebhook.yaml`,
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'externalsecret-validate',
        ),
        object(`${s}/deployment.yaml`, gk('apps', 'Deployment'), 'external-secrets', ns),
        monitor(`${s}/servicemonitor.yaml`, 'external-secrets', ns),
      ],
    };
  },
  // 3.4.0, the version whose IAM policy is vendored (constructs/aws/upstream/README.md). kubernetes-sigs/aws-load-
  // balancer-controller helm/aws-load-balancer-controller: crds/crds.yaml (elbv2.k8s.aws), crds/gateway-crds.yaml
  // (gateway.k8s.aws, shipped in crds/ since the 3.x charts, so Helm and Argo CD apply them with the chart);
  // templates/rbac.yaml, webhook.yaml (with enableCertManager a cert-manager Issuer and Certificate, and the
  // webhooks' caBundle injected by cainjector; without it genCA makes a new CA on every render), ingressclass.yaml
  // (createIngressClassResource). Every object is in the release namespace or cluster-scoped.
  'aws-load-balancer-controller@3.4.0': (values, ns) => {
    const s = 'aws-load-balancer-controller 3.4.0 helm/aws-load-balancer-controller';
    const certManager = value(values, 'enableCertManager') === true;
    return {
      objects: [
        ...crds(`${s}/crds/crds.yaml`, 'elbv2.k8s.aws', ['TargetGroupBinding', 'IngressClassParams']),
        ...crds(`${s}/crds/gateway-crds.yaml`, 'gateway.k8s.aws', [
          'LoadBalancerConfiguration',
          'TargetGroupConfiguration',
          'ListenerRuleConfiguration',
        ]),
        ...rbac(`${s}/templates/rbac.yaml`, 'aws-load-balancer-controller-role'),
        object(
          `${s}/templates/webhook.yaml`,
          gk(ADMISSION, 'MutatingWebhookConfiguration'),
          'aws-load-balancer-webhook',
        ),
        object(
          `${s}/templates/webhook.yaml`,
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'aws-load-balancer-webhook',
        ),
        ...(certManager
          ? [
              object(
                `${s}/templates/webhook.yaml`,
                gk('cert-manager.io', 'Issuer'),
                'aws-load-balancer-selfsigned-issuer',
                ns,
              ),
              object(
                `${s}/templates/webhook.yaml`,
                gk('cert-manager.io', 'Certificate'),
                'aws-load-balancer-serving-cert',
                ns,
              ),
            ]
          : []),
        ...(disabled(values, 'createIngressClassResource')
          ? []
          : [object(`${s}/templates/ingressclass.yaml`, gk('networking.k8s.io', 'IngressClass'), 'alb')]),
        object(
          `${s}/templates/deployment.yaml`,
          gk('apps', 'Deployment'),
          'aws-load-balancer-controller',
          ns,
        ),
        monitor(`${s}/templates/servicemonitor.yaml`, 'aws-load-balancer-controller', ns),
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
  // aws/karpenter-provider-aws charts/karpenter, read at these commits of the repository: crds/ (karpenter.sh
  // NodePool, NodeClaim, NodeOverlay; karpenter.k8s.aws EC2NodeClass; autoscaling.x-k8s.io CapacityBuffer at
  // e3816068f450648874c6cd688e3adaf949b3c650), templates/clusterrole*.yaml (ClusterRoles and bindings),
  // templates/role.yaml (6c080f32e01fe32676671859b7ecfa2c0d5e3bf8) and rolebinding.yaml
  // (4d55611c9b729d7fc503130dcb7e9b914cc70962): besides the release namespace, a Role and RoleBinding
  // <release>-dns in kube-system (get the kube-dns Service) and <release>-lease in kube-node-lease (delete node
  // leases); the webhook objects only with webhook.enabled, which our values never set; deployment.yaml,
  // poddisruptionbudget.yaml, service.yaml. Its default affinity keeps it off nodes it launched
  // (karpenter.sh/nodepool DoesNotExist), which our values state explicitly.
  'karpenter@1.15.0': (values, ns) => {
    const s = 'karpenter 1.15.0 charts/karpenter';
    const release = 'karpenter';
    const webhook = value(values, 'webhook.enabled') === true;
    return {
      objects: [
        ...crds(`${s}/crds/`, 'karpenter.sh', ['NodePool', 'NodeClaim', 'NodeOverlay']),
        ...crds(`${s}/crds/`, 'karpenter.k8s.aws', ['EC2NodeClass']),
        ...crds(`${s}/crds/`, 'autoscaling.x-k8s.io', ['CapacityBuffer']),
        ...rbac(`${s}/templates/clusterrole-core.yaml`, `${release}-core`),
        ...rbac(`${s}/templates/clusterrole.yaml`, release),
        object(`${s}/templates/role.yaml`, gk(RBAC, 'Role'), release, ns),
        object(`${s}/templates/rolebinding.yaml`, gk(RBAC, 'RoleBinding'), release, ns),
        object(`${s}/templates/role.yaml`, gk(RBAC, 'Role'), `${release}-dns`, 'kube-system'),
        object(`${s}/templates/rolebinding.yaml`, gk(RBAC, 'RoleBinding'), `${release}-dns`, 'kube-system'),
        object(`${s}/templates/role.yaml`, gk(RBAC, 'Role'), `${release}-lease`, 'kube-node-lease'),
        object(
          `${s}/templates/rolebinding.yaml`,
          gk(RBAC, 'RoleBinding'),
          `${release}-lease`,
          'kube-node-lease',
        ),
        ...(webhook
          ? [
              object(
                `${s}/templates/webhooks.yaml`,
                gk(ADMISSION, 'ValidatingWebhookConfiguration'),
                'validation.webhook.karpenter.sh',
              ),
            ]
          : []),
        object(`${s}/templates/deployment.yaml`, gk('apps', 'Deployment'), release, ns),
        object(`${s}/templates/poddisruptionbudget.yaml`, gk('policy', 'PodDisruptionBudget'), release, ns),
      ],
    };
  },
  // argoproj/argo-helm charts/argo-rollouts/templates: crds/ (installCRDs), controller/clusterrole*.yaml,
  // controller/servicemonitor.yaml.
  'argo-rollouts@2.40.7': (_values, ns) => {
    const s = 'argo-rollouts 2.40.7 charts/argo-rollouts/templates';
    return {
      objects: [
        ...crds(`${s}/crds/`, 'argoproj.io', [
          'Rollout',
          'AnalysisTemplate',
          'ClusterAnalysisTemplate',
          'AnalysisRun',
          'Experiment',
        ]),
        ...rbac(`${s}/controller/clusterrole.yaml`, 'argo-rollouts'),
        object(`${s}/controller/deployment.yaml`, gk('apps', 'Deployment'), 'argo-rollouts', ns),
        monitor(`${s}/controller/servicemonitor.yaml`, 'argo-rollouts-metrics', ns),
      ],
    };
  },
  // kedacore/charts keda/templates: crds/, manager/, metrics-server/ (APIService v1beta1.external.metrics.k8s.io;
  // clusterrolebinding.yaml binds extension-apiserver-authentication-reader in kube-system), webhooks/.
  'keda@2.20.1': (_values, ns) => {
    const s = 'keda 2.20.1 keda/templates';
    return {
      objects: [
        ...crds(`${s}/crds/`, 'keda.sh', [
          'ScaledObject',
          'ScaledJob',
          'TriggerAuthentication',
          'ClusterTriggerAuthentication',
        ]),
        ...crds(`${s}/crds/`, 'eventing.keda.sh', ['CloudEventSource', 'ClusterCloudEventSource']),
        ...rbac(`${s}/manager/clusterrole.yaml`, 'keda-operator'),
        object(
          `${s}/metrics-server/clusterrolebinding.yaml`,
          gk(RBAC, 'RoleBinding'),
          'keda-operator-auth-reader',
          'kube-system',
        ),
        object(
          `${s}/metrics-server/apiservice.yaml`,
          gk('apiregistration.k8s.io', 'APIService'),
          'v1beta1.external.metrics.k8s.io',
        ),
        object(
          `${s}/webhooks/validatingconfiguration.yaml`,
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'keda-admission',
        ),
        object(`${s}/manager/deployment.yaml`, gk('apps', 'Deployment'), 'keda-operator', ns),
        monitor(`${s}/manager/servicemonitor.yaml`, 'keda-operator', ns),
      ],
    };
  },
  // kubernetes-sigs/metrics-server charts/metrics-server/templates: apiservice.yaml (v1beta1.metrics.k8s.io),
  // clusterrole*.yaml, rolebinding.yaml (extension-apiserver-authentication-reader in kube-system), pdb.yaml.
  'metrics-server@3.14.0': (_values, ns) => {
    const s = 'metrics-server 3.14.0 charts/metrics-server/templates';
    return {
      objects: [
        ...rbac(`${s}/clusterrole.yaml`, 'system:metrics-server'),
        object(`${s}/rolebinding.yaml`, gk(RBAC, 'RoleBinding'), 'metrics-server-auth-reader', 'kube-system'),
        object(`${s}/apiservice.yaml`, gk('apiregistration.k8s.io', 'APIService'), 'v1beta1.metrics.k8s.io'),
        object(`${s}/deployment.yaml`, gk('apps', 'Deployment'), 'metrics-server', ns),
        object(`${s}/pdb.yaml`, gk('policy', 'PodDisruptionBudget'), 'metrics-server', ns),
      ],
    };
  },
  // istio/istio manifests/charts/base: files/crd-all.gen.yaml, templates/reader-serviceaccount.yaml.
  'istio-base@1.31.0': (_values, ns) => {
    const s = 'istio 1.31.0 manifests/charts/base';
    return {
      objects: [
        ...crds(`${s}/files/crd-all.gen.yaml`, 'networking.istio.io', [
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
        ...crds(`${s}/files/crd-all.gen.yaml`, 'security.istio.io', [
          'PeerAuthentication',
          'AuthorizationPolicy',
          'RequestAuthentication',
        ]),
        ...crds(`${s}/files/crd-all.gen.yaml`, 'telemetry.istio.io', ['Telemetry']),
        ...crds(`${s}/files/crd-all.gen.yaml`, 'extensions.istio.io', ['WasmPlugin']),
        object(
          `${s}/templates/reader-serviceaccount.yaml`,
          gk('', 'ServiceAccount'),
          'istio-reader-service-account',
          ns,
        ),
      ],
      rewrites: ISTIO_WEBHOOK_FIELDS(ns).filter((field) => field.name === 'istiod-default-validator'),
    };
  },
  // istio/istio manifests/charts/istio-cni/templates: clusterrole.yaml, daemonset.yaml.
  'istio-cni@1.31.0': (_values, ns) => {
    const s = 'istio 1.31.0 manifests/charts/istio-cni/templates';
    return {
      objects: [
        ...rbac(`${s}/clusterrole.yaml`, 'istio-cni'),
        object(`${s}/daemonset.yaml`, gk('apps', 'DaemonSet'), 'istio-cni-node', ns),
      ],
    };
  },
  // istio/istio manifests/charts/istio-control/istio-discovery/templates: mutatingwebhook.yaml (the sidecar
  // injector, caBundle rendered empty), validatingwebhookconfiguration.yaml (istio-validator-<ns>,
  // istiod-default-validator with failurePolicy Ignore), clusterrole.yaml, deployment.yaml, autoscale.yaml.
  'istiod@1.31.0': (_values, ns) => {
    const s = 'istio 1.31.0 manifests/charts/istio-control/istio-discovery/templates';
    return {
      objects: [
        ...rbac(`${s}/clusterrole.yaml`, `istiod-${ns}`),
        object(
          `${s}/mutatingwebhook.yaml`,
          gk(ADMISSION, 'MutatingWebhookConfiguration'),
          'istio-sidecar-injector',
        ),
        object(
          `${s}/validatingwebhookconfiguration.yaml`,
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          `istio-validator-${ns}`,
        ),
        object(
          `${s}/validatingwebhookconfiguration.yaml`,
          gk(ADMISSION, 'ValidatingWebhookConfiguration'),
          'istiod-default-validator',
        ),
        object(`${s}/deployment.yaml`, gk('apps', 'Deployment'), 'istiod', ns),
        object(`${s}/autoscale.yaml`, gk('autoscaling', 'HorizontalPodAutoscaler'), 'istiod', ns),
      ],
      rewrites: ISTIO_WEBHOOK_FIELDS(ns),
      injectsSidecars: true,
    };
  },
  // prometheus-community/helm-charts charts/kube-prometheus-stack/templates: exporters/{core-dns,kube-controller-
  // manager,kube-etcd,kube-scheduler,kube-proxy}/service.yaml render into kube-system unless disabled;
  // prometheus-operator/admission-webhooks/ (certManager: an Issuer and Certificate; otherwise patch Jobs that
  // rewrite the webhooks' caBundle and failurePolicy), prometheus/prometheus.yaml, alertmanager/alertmanager.yaml,
  // prometheus/rules-1.14/*.yaml, the grafana subchart.
  'gateway-api@v1.4.1': () => ({
    objects: crds('gateway-api v1.4.1 config/crd/standard/', 'gateway.networking.k8s.io', [
      'GatewayClass',
      'Gateway',
      'HTTPRoute',
      'GRPCRoute',
      'ReferenceGrant',
      'BackendTLSPolicy',
    ]),
  }),
};
