// The @kubernetes/client-node wiring against a local HTTP server standing in for the API server: the context
// comes from the model (not the kubeconfig's current context), and each action sends the request kubectl would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeContext } from '../../constructs/contracts';
import { loadEnvironment } from '../../environments';
import { connectKube } from '../../scripts/ops/kubernetes/client';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

const env = loadEnvironment('dev');
const DISCOVERY: Record<string, { name: string; kind: string }[]> = {
  '/api/v1': [{ name: 'configmaps', kind: 'ConfigMap' }],
  '/apis/keda.sh/v1alpha1': [{ name: 'scaledobjects', kind: 'ScaledObject' }],
  '/apis/argoproj.io/v1alpha1': [{ name: 'applications', kind: 'Application' }],
};
const CRON_JOB = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'search-cache-warm', namespace: 'api', uid: 'uid-cron-1' },
  spec: {
    schedule: '30 7 * * *',
    jobTemplate: {
      metadata: { labels: { app: 'search-cache-warm' } },
      spec: {
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'warm', image: 'toolbox' }] } },
      },
    },
  },
};

let server: Server;
let seen: Seen[] = [];
let dir: string;
const previousKubeconfig = process.env.KUBECONFIG;

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const url = request.url ?? '';
      seen.push({
        method: request.method ?? '',
        url,
        contentType: request.headers['content-type'],
        authorization: request.headers.authorization,
        body: raw === '' ? undefined : JSON.parse(raw),
      });
      const reply = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const discovery = DISCOVERY[url];
      if (discovery !== undefined) {
        return reply(200, {
          kind: 'APIResourceList',
          groupVersion: url.replace(/^\/apis?\//, ''),
          resources: discovery.map((r) => ({ ...r, namespaced: true, singularName: '', verbs: [] })),
        });
      }
      if (url.endsWith('/cronjobs/search-cache-warm')) return reply(200, CRON_JOB);
      if (url.includes('/applications/missing'))
        return reply(404, { kind: 'Status', code: 404, reason: 'NotFound' });
      return reply(200, raw === '' ? {} : JSON.parse(raw));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
  const kubeconfig = path.join(dir, 'config');
  writeFileSync(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        // client-node refuses plain HTTP unless told to skip TLS; only this stand-in server speaks plain HTTP.
        { name: 'model', cluster: { server: address, 'insecure-skip-tls-verify': true } },
        { name: 'elsewhere', cluster: { server: 'http://127.0.0.1:1' } },
      ],
      users: [{ name: 'operator', user: { token: 'test-token' } }],
      contexts: [
        { name: kubeContext(env), context: { cluster: 'model', user: 'operator' } },
        { name: 'kind-local', context: { cluster: 'elsewhere', user: 'operator' } },
      ],
      // The operator's shell points somewhere else; the commands must not follow it.
      'current-context': 'kind-local',
    }),
  );
  process.env.KUBECONFIG = kubeconfig;
});

afterAll(async () => {
  if (previousKubeconfig === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = previousKubeconfig;
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

const last = (): Seen => seen.at(-1)!;

describe('connectKube', () => {
  it('scales through the scale subresource of the model context with a merge patch', async () => {
    seen = [];
    const kube = await connectKube(env);
    await kube.scaleDeployment('api', 'search-api', 9);
    expect(last()).toEqual({
      method: 'PATCH',
      url: '/apis/apps/v1/namespaces/api/deployments/search-api/scale',
      contentType: 'application/merge-patch+json',
      authorization: 'Bearer test-token',
      body: { spec: { replicas: 9 } },
    });
  });

  it('creates a Job from the CronJob template, owned by the CronJob like kubectl create job --from', async () => {
    seen = [];
    const kube = await connectKube(env);
    await kube.createJobFromCronJob('api', 'search-cache-warm', 'search-cache-warm-manual-1795768200');
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /apis/batch/v1/namespaces/api/cronjobs/search-cache-warm',
      'POST /apis/batch/v1/namespaces/api/jobs',
    ]);
    expect(last().body).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'search-cache-warm-manual-1795768200',
        namespace: 'api',
        labels: { app: 'search-cache-warm' },
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: 'search-cache-warm',
            uid: 'uid-cron-1',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: CRON_JOB.spec.jobTemplate.spec,
    });
  });

  it('merge-patches custom resources and annotates ConfigMaps by their discovered resource paths', async () => {
    seen = [];
    const kube = await connectKube(env);
    await kube.mergePatch(
      { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', namespace: 'api', name: 'search-api' },
      { spec: { minReplicaCount: 9 } },
    );
    expect(last()).toMatchObject({
      method: 'PATCH',
      url: '/apis/keda.sh/v1alpha1/namespaces/api/scaledobjects/search-api?fieldManager=skillforge-ops',
      contentType: 'application/merge-patch+json',
      body: { spec: { minReplicaCount: 9 } },
    });
    await kube.mergePatch(
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'observability', name: 'grafana-dashboards' },
      { metadata: { annotations: { 'skillforge.io/baseline-sync': 'abc' } } },
    );
    expect(last()).toMatchObject({
      url: '/api/v1/namespaces/observability/configmaps/grafana-dashboards?fieldManager=skillforge-ops',
      body: {
        metadata: { name: 'grafana-dashboards', annotations: { 'skillforge.io/baseline-sync': 'abc' } },
      },
    });
  });

  it('applies server-side with the tool field manager and reads a missing object as undefined', async () => {
    seen = [];
    const kube = await connectKube(env);
    const root = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'root', namespace: 'argocd' },
      spec: {},
    };
    await kube.applyServerSide(root);
    expect(last()).toMatchObject({
      method: 'PATCH',
      url: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/root?fieldManager=skillforge-ops&force=false',
      contentType: 'application/apply-patch+yaml',
      body: root,
    });
    const missing = await kube.read({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      namespace: 'argocd',
      name: 'missing',
    });
    expect(missing).toBeUndefined();
  });

  it('fails when the kubeconfig has no context for the environment, saying how to create it', async () => {
    await expect(connectKube(loadEnvironment('prod'))).rejects.toThrow(
      `kubeconfig has no context ${kubeContext(loadEnvironment('prod'))}; create it with: ` +
        'aws eks update-kubeconfig --name skillforge-prod --region eu-west-1',
    );
  });
});
