// Every pod the charts render: pinned images, the IAM role the AWS side created for it, the hardened security
// context, probes on the model's paths, credentials from Secrets Manager, and the jobs' runbook numbers.
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../environments';
import {
  dataStoreSecretPath,
  imageReference,
  jobsOf,
  roleArnFor,
  runAsUserOf,
  secretName,
  servicesOf,
} from '../../constructs/contracts';
import { at, envWith, find, objectsOf, objectsOfKind, podSpecOf, WORKLOAD_KINDS } from './support';

const envs = ['dev', 'staging', 'prod'].map((name) => loadEnvironment(name));
const prod = loadEnvironment('prod');

describe.each(envs.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  const workloads = [...servicesOf(env), ...jobsOf(env)];
  const pods = objectsOf(env).filter((object) => WORKLOAD_KINDS.includes(object.kind));

  it('runs every model workload on its pinned image', () => {
    for (const workload of workloads) {
      const kind =
        'kind' in workload
          ? workload.delivery === 'canary'
            ? 'Rollout'
            : 'Deployment'
          : workload.trigger === 'cron'
            ? 'CronJob'
            : 'Job';
      const container = podSpecOf(find(env, kind, workload.namespace, workload.name)).containers[0]!;
      expect(container.image).toBe(imageReference(env, workload.image));
    }
    for (const pod of pods) {
      for (const container of [...podSpecOf(pod).containers, ...(podSpecOf(pod).initContainers ?? [])]) {
        expect(container.image, `${pod.metadata.name}/${container.name}`).toMatch(
          /:[A-Za-z0-9_][A-Za-z0-9_.-]*(@sha256:[a-f0-9]{64})?$/,
        );
        expect(container.image).not.toMatch(/:latest(@|$)/);
      }
    }
  });

  it('annotates each ServiceAccount with exactly the role roleArnFor gives it', () => {
    for (const account of objectsOfKind(env, 'ServiceAccount')) {
      const expected = roleArnFor(env, account.metadata.namespace ?? '', account.metadata.name);
      expect(account.metadata.annotations?.['eks.amazonaws.com/role-arn'], account.metadata.name).toBe(
        expected,
      );
      expect(at(account, 'automountServiceAccountToken')).toBe(false);
    }
    for (const workload of workloads) {
      expect(find(env, 'ServiceAccount', workload.namespace, workload.name).metadata.name).toBe(
        workload.name,
      );
    }
  });

  it('hardens every container: high non-root UID, read-only root with a /tmp volume, no capabilities', () => {
    for (const pod of pods) {
      const spec = podSpecOf(pod);
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      expect(spec.securityContext.runAsUser).toBeGreaterThanOrEqual(10001);
      expect(spec.securityContext.runAsGroup).toBe(spec.securityContext.runAsUser);
      expect(spec.volumes.find((volume) => volume.name === 'tmp')?.emptyDir).toBeDefined();
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          privileged: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      }
    }
    for (const workload of workloads) {
      const pod = pods.find(
        (object) =>
          object.metadata.name === workload.name && object.metadata.namespace === workload.namespace,
      )!;
      expect(podSpecOf(pod).securityContext.runAsUser).toBe(runAsUserOf(env, workload.image));
    }
  });

  it('probes every service on the model health and readiness paths, on its management port', () => {
    for (const service of servicesOf(env)) {
      const kind = service.delivery === 'canary' ? 'Rollout' : 'Deployment';
      const container = podSpecOf(find(env, kind, service.namespace, service.name)).containers[0]!;
      const management = service.managementPort ?? env.observability.workloadManagementPort;
      expect(container.ports).toContainEqual({ name: 'metrics', containerPort: management, protocol: 'TCP' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: service.healthPath, port: 'metrics' });
      expect(container.startupProbe?.httpGet).toEqual({ path: service.healthPath, port: 'metrics' });
      expect(container.readinessProbe?.httpGet).toEqual({
        path: service.readinessPath ?? service.healthPath,
        port: 'metrics',
      });
    }
  });

  it('syncs each password credential from its Secrets Manager secret at the model refresh interval', () => {
    const secrets = objectsOfKind(env, 'ExternalSecret').filter((s) =>
      s.metadata.name.endsWith('postgres-credentials'),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(at(secret, 'spec.dataFrom')).toEqual([
        { extract: { key: secretName(env, dataStoreSecretPath.postgres!) } },
      ]);
      expect(at(secret, 'spec.refreshInterval')).toBe(`${env.secrets.refreshMinutes}m`);
      expect(secret.metadata.annotations?.['skillforge.io/nfr']).toBe('secret-rotation');
    }
  });
});

describe('jobs', () => {
  it('prewarms the top occupations of the model from namespace api (the runbook playbook command)', () => {
    const cron = find(prod, 'CronJob', 'api', 'search-cache-warm');
    expect(cron.metadata.annotations?.['skillforge.io/nfr']).toBe('cache-warm-top-occupations');
    expect(
      at(find(prod, 'ConfigMap', 'api', 'search-cache-warm-config'), 'data.CACHE_WARM_TOP_OCCUPATIONS'),
    ).toBe('10000');
    const changed = envWith('prod', { slo: { cacheWarmTopOccupations: 25000 } });
    expect(
      at(find(changed, 'ConfigMap', 'api', 'search-cache-warm-config'), 'data.CACHE_WARM_TOP_OCCUPATIONS'),
    ).toBe('25000');
  });

  it('runs database migrations as an Argo CD PreSync hook with its own hook-scoped credentials', () => {
    const job = find(prod, 'Job', 'support', 'db-migrations');
    expect(job.metadata.annotations).toMatchObject({
      'argocd.argoproj.io/hook': 'PreSync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
    });
    for (const [kind, name] of [
      ['ServiceAccount', 'db-migrations'],
      ['ExternalSecret', 'db-migrations-postgres-credentials'],
      ['NetworkPolicy', 'db-migrations'],
      ['ConfigMap', 'db-migrations-config'],
    ] as const) {
      expect(find(prod, kind, 'support', name).metadata.annotations?.['argocd.argoproj.io/sync-wave']).toBe(
        '-1',
      );
    }
  });

  it('verifies backups monthly against the RTO and RPO, and runs synthetic traffic in staging only', () => {
    expect(
      find(prod, 'CronJob', 'support', 'backup-verification').metadata.annotations?.['skillforge.io/nfr'],
    ).toBe('rpo,rto');
    expect(at(find(prod, 'ConfigMap', 'support', 'backup-verification-config'), 'data')).toMatchObject({
      RTO_MINUTES: '30',
      RPO_MINUTES: '15',
    });
    const staging = loadEnvironment('staging');
    expect(at(find(staging, 'CronJob', 'support', 'synthetic-traffic'), 'spec.schedule')).toBe('0 6 * * 4');
    const script = (
      at(find(staging, 'ConfigMap', 'support', 'synthetic-traffic-script'), 'data') as Record<string, string>
    )['smoke.js'];
    expect(script).toContain('"http_req_duration{service:search-api}": [\n      "p(95)<350"');
    expect(objectsOf(prod).filter((object) => object.metadata.name.startsWith('synthetic-traffic'))).toEqual(
      [],
    );
  });
});
