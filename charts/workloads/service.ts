// Everything one model service needs to run (runbook §1.1 stateless workloads): ServiceAccount with its IAM
// role, ConfigMap, Deployment or Rollout, Service, autoscaler, PDB, ServiceMonitor, network policy, and, where
// the model says so, mesh traffic policy and a public route.
import { Construct } from 'constructs';
import type { Volume, VolumeMount } from 'cdk8s-plus-27/lib/imports/k8s';
import type { EnvConfig } from '../../environments';
import { appHost, type NamedService, originHost, roleArnFor } from '../../constructs/contracts';
import { Autoscaler } from '../../constructs/k8s/autoscaler';
import { TuningConfigMap } from '../../constructs/k8s/config-map';
import { DisruptionBudget } from '../../constructs/k8s/disruption-budget';
import { PublicHttpRoute } from '../../constructs/k8s/http-route';
import { MeshTrafficPolicy } from '../../constructs/k8s/istio';
import { selectorFor, workloadLabels } from '../../constructs/k8s/labels';
import { NetworkPolicy } from '../../constructs/k8s/network-policy';
import { type Delivery, ReplicatedWorkload } from '../../constructs/k8s/replicated-workload';
import { type ServicePort, WorkloadService } from '../../constructs/k8s/service';
import { WorkloadServiceAccount } from '../../constructs/k8s/service-account';
import { WorkloadServiceMonitor } from '../../constructs/k8s/service-monitor';
import { CanaryAnalysis } from '../../constructs/k8s/analysis-template';
import { canaryMetrics, ROLLOUTS_HASH_LABEL } from '../plan/canary-analysis';
import {
  components,
  GATEWAY_NAMESPACE,
  hasComponent,
  prometheusUrl,
  PUBLIC_GATEWAY,
} from '../plan/components';
import { APP_LISTENER } from '../platform/gateway';
import { workloadConfig } from '../plan/config';
import { workloadFlows } from '../plan/flows';
import { isCanaryRoutedByMesh, isMeshed, meshPodAnnotations } from '../plan/mesh';
import { scalingOf } from '../plan/scaling';
import { managementPortOf } from '../plan/workloads';
import { workloadPodTemplate } from './pod-template';

const CANARY = { route: 'primary', stableSubset: 'stable', canarySubset: 'canary' } as const;
const METRICS_SERVICE_PORT = 'http-metrics';

export interface ServiceExtras {
  /** Container arguments (external images such as flagd). Default: the image's own. */
  readonly args?: readonly string[];
  readonly volumes?: readonly Volume[];
  readonly mounts?: readonly VolumeMount[];
  /** Hashes of further ConfigMaps the pods read, so their changes roll the pods too. Default: none. */
  readonly configHashes?: readonly string[];
}

export class ServiceWorkload extends Construct {
  constructor(scope: Construct, env: EnvConfig, service: NamedService, extras: ServiceExtras = {}) {
    super(scope, service.name);
    const { name, namespace } = service;
    const labels = workloadLabels(name, service.kind === 'http' ? 'server' : 'worker');
    const selector = selectorFor(name);
    const base = { name, namespace, labels };
    const management = managementPortOf(env, service);
    const meshed = isMeshed(env, namespace);

    new WorkloadServiceAccount(this, 'ServiceAccount', {
      ...base,
      roleArn: roleArnFor(env, namespace, name),
    });
    const config = new TuningConfigMap(this, 'Config', {
      ...base,
      name: `${name}-config`,
      data: workloadConfig(env, service),
    });
    const template = workloadPodTemplate({
      env,
      workload: service,
      labels,
      annotations: {
        ...meshPodAnnotations(env, namespace, management),
        ...(extras.configHashes ? { 'skillforge.io/extra-config-hash': extras.configHashes.join(',') } : {}),
      },
      configMap: config,
      container: {
        ports: [
          ...(service.port !== undefined ? [{ name: 'http', containerPort: service.port }] : []),
          { name: 'metrics', containerPort: management },
        ],
        probes: {
          port: 'metrics',
          livenessPath: service.healthPath,
          readinessPath: service.readinessPath ?? service.healthPath,
          ...env.workloadDefaults.probes,
        },
        ...(extras.args ? { args: extras.args } : {}),
        ...(extras.mounts ? { mounts: extras.mounts } : {}),
      },
      volumes: extras.volumes,
      spread: true,
    });
    const analysis =
      service.delivery === 'canary' && hasComponent(env, components.prometheus)
        ? new CanaryAnalysis(this, 'Analysis', {
            name: `${name}-canary`,
            namespace,
            labels,
            prometheusAddress: prometheusUrl(env),
            metrics: canaryMetrics(env, service),
            minutes: env.delivery.canaryStepPauseMinutes,
            nfr: ['canary-first-step'],
          })
        : undefined;
    const delivery: Delivery =
      service.delivery === 'canary'
        ? {
            strategy: 'canary',
            firstStepPercent: env.delivery.canaryFirstStepPercent,
            pauseMinutes: env.delivery.canaryStepPauseMinutes,
            ...(analysis ? { analysisTemplate: `${name}-canary` } : {}),
            ...(isCanaryRoutedByMesh(env, service)
              ? { trafficRouting: { virtualService: name, destinationRule: name, ...CANARY } }
              : {}),
          }
        : { strategy: 'rolling' };
    const workload = new ReplicatedWorkload(this, 'Workload', {
      ...base,
      selector,
      template,
      revisionHistoryLimit: env.workloadDefaults.revisionHistoryLimit,
      delivery,
    });

    const ports: ServicePort[] = [
      ...(service.port !== undefined
        ? [{ name: 'http', port: service.port, targetPort: 'http', appProtocol: 'http' as const }]
        : []),
      { name: METRICS_SERVICE_PORT, port: management, targetPort: 'metrics', appProtocol: 'http' },
    ];
    new WorkloadService(this, 'Service', { ...base, selector, ports });
    new Autoscaler(this, 'Autoscaler', { ...base, target: workload.target, ...scalingOf(env, service) });
    new DisruptionBudget(this, 'Budget', {
      ...base,
      selector,
      budget: { minAvailable: service.pdbMinAvailable },
    });
    if (hasComponent(env, components.prometheus)) {
      new WorkloadServiceMonitor(this, 'Monitor', {
        ...base,
        selector,
        port: METRICS_SERVICE_PORT,
        intervalSeconds: env.observability.scrapeIntervalSeconds,
        // The canary analysis selects the canary's pods by the hash Argo Rollouts labels them with.
        ...(service.delivery === 'canary' ? { podTargetLabels: [ROLLOUTS_HASH_LABEL] } : {}),
      });
    }
    // Meshed services that take calls get retries (runbook §1.3) and, for canaries, the subsets Rollouts shifts.
    if (meshed && service.port !== undefined) {
      new MeshTrafficPolicy(this, 'Mesh', {
        ...base,
        port: service.port,
        retries: env.mesh.retries,
        ...(service.delivery === 'canary' ? { canary: CANARY } : {}),
      });
    }
    if (service.exposure === 'public' && service.ingressPath !== undefined && service.port !== undefined) {
      new PublicHttpRoute(this, 'Route', {
        ...base,
        gateway: { name: PUBLIC_GATEWAY, namespace: GATEWAY_NAMESPACE, sectionName: APP_LISTENER },
        // CloudFront sends its origin name; app.<zone> is its alias (Terraform's), never published by external-dns.
        hostnames: [appHost(env), originHost(env)],
        path: service.ingressPath,
        serviceName: name,
        servicePort: service.port,
        hstsMaxAgeSeconds: env.edge.cdn.hstsMaxAgeSeconds,
      });
    }
    const flows = workloadFlows(env, service);
    new NetworkPolicy(this, 'Policy', { name, namespace, podLabels: selector, ...flows });
  }
}
