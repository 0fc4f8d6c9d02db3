// The six namespaces of runbook §1.1 with their Pod Security level, quota and defaults from the model, and the
// in-cluster Redis and OpenSearch that only environments in in-cluster mode (dev) run.
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../environments';
import { namespaces, storeEndpoint } from '../../constructs/contracts';
import { at, envWith, find, objectsOf, objectsOfKind, podSpecOf } from './support';

const dev = loadEnvironment('dev');
const prod = loadEnvironment('prod');

describe('namespaces', () => {
  it('renders the six namespaces with the Pod Security level of the model, enforced, audited and warned', () => {
    // …and istio-system, privileged for istio-cni's node agent only (charts/platform/mesh-namespace.ts).
    expect(
      objectsOfKind(prod, 'Namespace')
        .map((ns) => ns.metadata.name)
        .sort(),
    ).toEqual([...namespaces, 'istio-system'].sort());
    expect(find(prod, 'Namespace', undefined, 'istio-system').metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
    });
    for (const name of namespaces) {
      const level = prod.namespaces[name].podSecurity;
      expect(find(prod, 'Namespace', undefined, name).metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': level,
        'pod-security.kubernetes.io/enforce-version': `v${prod.cluster.kubernetesVersion}`,
        'pod-security.kubernetes.io/audit': level,
        'pod-security.kubernetes.io/warn': level,
      });
    }
  });

  it('sets quota and container defaults from the model', () => {
    expect(at(find(prod, 'ResourceQuota', 'api', 'compute'), 'spec.hard')).toEqual({
      'requests.cpu': '32',
      'requests.memory': '40Gi',
      'limits.cpu': '160',
      'limits.memory': '80Gi',
      pods: 100,
    });
    const env = envWith('staging', { namespaces: { support: { containerDefaults: { memoryMiB: 192 } } } });
    expect(at(find(env, 'LimitRange', 'support', 'container-defaults'), 'spec.limits')).toEqual([
      {
        type: 'Container',
        defaultRequest: { cpu: '100m', memory: '192Mi', 'ephemeral-storage': '128Mi' },
        default: { cpu: '100m', memory: '192Mi', 'ephemeral-storage': '1024Mi' },
      },
    ]);
  });

  it('grants the model groups read-only access, and on-call only the runbook hand steps', () => {
    const binding = find(prod, 'RoleBinding', 'api', 'read-only');
    expect((at(binding, 'subjects') as { name: string }[]).map((s) => s.name).sort()).toEqual([
      'skillforge:developers',
      'skillforge:oncall',
      'skillforge:platform-admins',
    ]);
    const verbs = objectsOfKind(prod, 'Role')
      .filter((role) => role.metadata.name === 'read-only')
      .flatMap((role) => (at(role, 'rules') as { verbs: string[] }[]).flatMap((rule) => rule.verbs));
    expect([...new Set(verbs)].sort()).toEqual(['get', 'list', 'watch']);
    expect(at(find(prod, 'Role', 'api', 'oncall-run-cronjobs'), 'rules')).toEqual([
      { apiGroups: ['batch'], resources: ['cronjobs'], verbs: ['get'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] },
    ]);
    expect(at(find(prod, 'Role', 'observability', 'oncall-baseline-sync'), 'rules')).toEqual([
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['grafana-dashboards'],
        verbs: ['get', 'patch'],
      },
    ]);
  });
});

describe('in-cluster data stores', () => {
  it('run as StatefulSets in platform in dev, behind the Service names the workloads are given', () => {
    for (const store of ['redis', 'opensearch'] as const) {
      const endpoint = storeEndpoint(dev, store);
      expect(endpoint.placement).toBe('in-cluster');
      const set = find(dev, 'StatefulSet', 'platform', store);
      expect(at(set, 'spec.serviceName')).toBe(`${store}-headless`);
      expect(at(find(dev, 'Service', 'platform', `${store}-headless`), 'spec.clusterIP')).toBe('None');
      expect(endpoint).toMatchObject({ kind: 'named', host: `${store}.platform.svc.cluster.local` });
      expect(at(find(dev, 'Service', 'platform', store), 'spec.ports')).toEqual([
        { name: `tcp-${store}`, port: endpoint.port, targetPort: store, protocol: 'TCP', appProtocol: 'tcp' },
      ]);
      expect(at(find(dev, 'PodDisruptionBudget', 'platform', store), 'spec.maxUnavailable')).toBe(1);
      expect(at(set, 'spec.volumeClaimTemplates.0.metadata.name')).toBe('data');
      expect(at(set, 'spec.template.spec.affinity.podAntiAffinity')).toBeDefined();
    }
    expect(
      at(
        find(dev, 'StatefulSet', 'platform', 'opensearch'),
        'spec.volumeClaimTemplates.0.spec.resources.requests.storage',
      ),
    ).toBe('20Gi');
    // Runbook §1.2/§1.3: a Redis snapshot at least every RPO.
    expect(podSpecOf(find(dev, 'StatefulSet', 'platform', 'redis')).containers[0]).toMatchObject({
      args: expect.arrayContaining(['--save', '900 1']),
    });
  });

  it('are not rendered where the model uses managed services', () => {
    for (const env of [loadEnvironment('staging'), prod]) {
      expect(objectsOf(env).filter((o) => o.kind === 'StatefulSet')).toEqual([]);
    }
  });

  it('form an OpenSearch cluster when the model asks for three nodes', () => {
    const env = envWith('dev', { opensearch: { inCluster: { replicas: 3 } } });
    const spec = podSpecOf(find(env, 'StatefulSet', 'platform', 'opensearch'));
    expect(spec.containers[0]).toMatchObject({
      env: expect.arrayContaining([
        { name: 'discovery.seed_hosts', value: 'opensearch-headless' },
        { name: 'cluster.initial_cluster_manager_nodes', value: 'opensearch-0,opensearch-1,opensearch-2' },
      ]),
    });
    expect(at(find(env, 'StatefulSet', 'platform', 'opensearch'), 'spec.replicas')).toBe(3);
  });
});

describe('platform-wide objects', () => {
  it('renders the default gp3 StorageClass of the EBS CSI driver, encrypted, bound where the pod lands', () => {
    const gp3 = find(prod, 'StorageClass', undefined, 'gp3') as unknown as Record<string, unknown> & {
      metadata: { annotations?: Record<string, string> };
    };
    expect(gp3.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe('true');
    expect([gp3.provisioner, gp3.volumeBindingMode, gp3.parameters]).toEqual([
      'ebs.csi.aws.com',
      'WaitForFirstConsumer',
      { type: 'gp3', encrypted: 'true', 'csi.storage.k8s.io/fstype': 'ext4' },
    ]);
  });

  it('points the DNS-01 solver at the hosted zone by id, so cert-manager need not list zones by name', () => {
    const issuer = find(prod, 'ClusterIssuer', undefined, 'letsencrypt');
    expect(at(issuer, 'spec.acme.solvers.0.dns01.route53')).toEqual({
      region: prod.aws.region,
      hostedZoneID: prod.edge.hostedZoneId,
    });
  });
});
