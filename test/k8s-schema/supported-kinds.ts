// Every apiVersion + kind the rendered tree may contain, mapped to the kubernetes-models class whose schema
// validates it. One entry per kind, at the newest version its package ships: an object written at any other
// version of a known kind is rejected, so a deprecated or removed API cannot slip into deploy/ unnoticed.
// Adding a kind here means adding its valid and invalid fixture in fixtures/ (the tests check both lists match).
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { Issuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { ClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import { SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import { ServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1beta1/ServiceEntry';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication';
import { EC2NodeClass } from '@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass';
import { NodePool } from '@kubernetes-models/karpenter/karpenter.sh/v1/NodePool';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { Probe } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Probe';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { PriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

/** A kubernetes-models class; its prototype's `validate()` checks `this` and throws the ajv errors. */
export interface SchemaModel {
  readonly apiVersion: string;
  readonly kind: string;
  readonly prototype: { validate(): void };
}

export interface SupportedKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** npm package whose schema is used, named in messages and in the decision record. */
  readonly source: string;
  readonly model: SchemaModel;
}

const KUBERNETES = 'kubernetes-models';

function kindsFrom(source: string, models: readonly SchemaModel[]): SupportedKind[] {
  return models.map((model) => ({ apiVersion: model.apiVersion, kind: model.kind, source, model }));
}

export const supportedKinds: readonly SupportedKind[] = [
  ...kindsFrom(KUBERNETES, [
    Namespace,
    ResourceQuota,
    LimitRange,
    ConfigMap,
    Secret,
    Service,
    ServiceAccount,
    PersistentVolumeClaim,
    Deployment,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    HorizontalPodAutoscaler,
    PodDisruptionBudget,
    NetworkPolicy,
    Ingress,
    Role,
    RoleBinding,
    ClusterRole,
    ClusterRoleBinding,
    PriorityClass,
    StorageClass,
  ]),
  ...kindsFrom('@kubernetes-models/argo-rollouts', [Rollout, AnalysisTemplate]),
  ...kindsFrom('@kubernetes-models/argo-cd', [Application, AppProject, ApplicationSet]),
  ...kindsFrom('@kubernetes-models/keda', [ScaledObject, TriggerAuthentication]),
  ...kindsFrom('@kubernetes-models/karpenter', [NodePool, EC2NodeClass]),
  ...kindsFrom('@kubernetes-models/external-secrets', [ExternalSecret, SecretStore, ClusterSecretStore]),
  ...kindsFrom('@kubernetes-models/prometheus-operator', [ServiceMonitor, PodMonitor, PrometheusRule, Probe]),
  ...kindsFrom('@kubernetes-models/istio', [
    PeerAuthentication,
    AuthorizationPolicy,
    DestinationRule,
    VirtualService,
    ServiceEntry,
  ]),
  ...kindsFrom('@kubernetes-models/cert-manager', [ClusterIssuer, Issuer, Certificate]),
  ...kindsFrom('@kubernetes-models/gateway-api', [Gateway, HTTPRoute]),
];

export function findSupportedKind(apiVersion: string, kind: string): SupportedKind | undefined {
  return supportedKinds.find((entry) => entry.apiVersion === apiVersion && entry.kind === kind);
}

/** Why an apiVersion + kind has no schema here, and what to render instead. */
export function unsupportedKindMessage(apiVersion: string, kind: string): string {
  const sameKind = supportedKinds.filter((entry) => entry.kind === kind);
  if (sameKind.length > 0) {
    const allowed = sameKind.map((entry) => entry.apiVersion).join(' or ');
    return (
      `${apiVersion} ${kind} is not an API version this repository renders: use ${allowed} ` +
      `(the newest version the schema packages ship; older ones are deprecated or removed)`
    );
  }
  return (
    `no schema for ${apiVersion} ${kind}: add its kubernetes-models class to test/k8s-schema/supported-kinds.ts ` +
    `with valid and invalid fixtures, or stop rendering it`
  );
}
