// One chart per namespace of runbook §1.1. Every namespace gets the same baseline: Pod Security labels, quota and
// container defaults, default-deny network policies with DNS allowed, STRICT mTLS when meshed, read-only RBAC for
// the model's groups, the data-store credentials its workloads use, and then its services and jobs.
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvConfig, NamespaceName } from '../environments';
import { jobsIn, servicesIn } from '../constructs/contracts';
import { GroupRole, MESH_READ_ONLY_RULE, READ_ONLY_RULES } from '../constructs/k8s/access-roles';
import { StrictMtls } from '../constructs/k8s/istio';
import { PART_OF, PART_OF_LABEL } from '../constructs/k8s/labels';
import { NamespaceBaseline } from '../constructs/k8s/namespace-baseline';
import { NetworkPolicy } from '../constructs/k8s/network-policy';
import { clusterDns, componentPorts, istiod } from './plan/components';
import { isMeshed } from './plan/mesh';
import { renderCredentials } from './workloads/credentials';
import { type JobExtras, JobWorkload } from './workloads/job';
import { type ServiceExtras, ServiceWorkload } from './workloads/service';

export const COMMON_LABELS = { [PART_OF_LABEL]: PART_OF } as const;

export interface WorkloadExtras {
  /** Per service name. Default: none. */
  readonly services?: Readonly<Record<string, ServiceExtras>>;
  /** Per job name. Default: none. */
  readonly jobs?: Readonly<Record<string, JobExtras>>;
}

export class NamespaceChart extends Chart {
  readonly namespaceName: NamespaceName;

  constructor(
    scope: Construct,
    readonly env: EnvConfig,
    namespace: NamespaceName,
  ) {
    super(scope, namespace, { labels: COMMON_LABELS, disableResourceNameHashes: true });
    this.namespaceName = namespace;
    const meshed = isMeshed(env, namespace);
    new NamespaceBaseline(this, 'Baseline', {
      name: namespace,
      config: env.namespaces[namespace],
      kubernetesVersion: env.cluster.kubernetesVersion,
      meshInjection: meshed,
    });
    new NetworkPolicy(this, 'DefaultDeny', { name: 'default-deny', namespace, ingress: [], egress: [] });
    new NetworkPolicy(this, 'AllowDns', {
      name: 'allow-dns',
      namespace,
      egress: [
        {
          peers: [clusterDns],
          ports: [
            { port: componentPorts.dns, protocol: 'UDP' },
            { port: componentPorts.dns, protocol: 'TCP' },
          ],
          why: 'name resolution (CoreDNS)',
        },
      ],
    });
    if (meshed) {
      new StrictMtls(this, 'Mtls', { namespace });
      new NetworkPolicy(this, 'AllowMesh', {
        name: 'allow-istio-control-plane',
        namespace,
        egress: [
          {
            peers: [istiod],
            ports: [{ port: componentPorts.istiodXds }],
            why: 'sidecars fetch configuration and certificates from istiod',
          },
        ],
      });
    }
    const groups = env.access.groups;
    new GroupRole(this, 'ReadOnly', {
      name: 'read-only',
      namespace,
      rules: meshed ? [...READ_ONLY_RULES, MESH_READ_ONLY_RULE] : READ_ONLY_RULES,
      groups: [groups.oncall, groups.developers, groups.platformAdmins],
      reason: 'people read; every change goes through Git and Argo CD (runbook §1.3 SOC 2)',
    });
  }

  /** Renders the namespace's credentials, services and jobs from the model. */
  addWorkloads(extras: WorkloadExtras = {}): void {
    renderCredentials(this, this.env, this.namespaceName);
    for (const service of servicesIn(this.env, this.namespaceName)) {
      new ServiceWorkload(this, this.env, service, extras.services?.[service.name]);
    }
    for (const job of jobsIn(this.env, this.namespaceName)) {
      new JobWorkload(this, this.env, job, extras.jobs?.[job.name]);
    }
  }
}
