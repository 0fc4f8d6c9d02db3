// Control flow of real (not dry) runs of the cluster procedures with recording stand-ins: rollback only after a
// failed release, the playbooks' order of cluster calls and their Prometheus gates, bootstrap progress per wave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsBacklogDefinition } from '../../scripts/ops/commands/analytics-backlog';
import { bootstrapClusterDefinition } from '../../scripts/ops/commands/bootstrap-cluster';
import { deployAppDefinition } from '../../scripts/ops/commands/deploy-app';
import { searchLatencySurgeDefinition } from '../../scripts/ops/commands/search-latency-surge';
import { prometheus, RecordingKube, ScriptedExecutor } from './support/fakes';
import { run, testDeps } from './support/ops-harness';
import { ANALYTICS_DASHBOARD_UID, writeRenderedTree } from './support/rendered-tree';

let tree: { dir: string; remove(): void };
beforeAll(() => {
  tree = writeRenderedTree();
});
afterAll(() => tree.remove());

const summary = (kube: RecordingKube) =>
  kube.calls.map((call) =>
    call.call === 'patch'
      ? `patch ${call.ref.kind}/${call.ref.name} ${JSON.stringify(call.patch)}`
      : call.call === 'scale'
        ? `scale ${call.namespace}/${call.name} ${call.replicas}`
        : call.call === 'job'
          ? `job ${call.namespace}/${call.job} from ${call.cronJob}`
          : `apply ${String((call.object.metadata as { name: string }).name)}`,
  );

/** A cluster whose Applications turn Synced/Healthy on the poll after their sync was requested, except `failing`. */
function argoCluster(failing?: string) {
  const requested = new Map<string, number>();
  const polls = new Map<string, number>();
  const kube: RecordingKube = new RecordingKube((ref) => {
    const seen = (polls.get(ref.name) ?? 0) + 1;
    polls.set(ref.name, seen);
    const asked = requested.get(ref.name);
    if (asked === undefined)
      return { status: { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } } };
    if (ref.name === failing) {
      return {
        status: {
          sync: { status: 'OutOfSync' },
          health: { status: 'Degraded' },
          operationState: { phase: 'Failed', message: 'one or more objects failed to apply' },
        },
      };
    }
    return {
      status: {
        sync: { status: 'Synced' },
        health: { status: 'Healthy' },
        operationState: { phase: 'Succeeded' },
      },
    };
  });
  const patch = kube.mergePatch.bind(kube);
  kube.mergePatch = async (ref, body) => {
    if ('operation' in body) requested.set(ref.name, polls.get(ref.name) ?? 0);
    await patch(ref, body);
  };
  return kube;
}

describe('deploy-app, for real', () => {
  it('syncs every application in wave order with its own sync options and retry, through the cluster API', async () => {
    const kube = argoCluster();
    const exec = new ScriptedExecutor([[/^aws eks update-kubeconfig/, {}]]);
    const result = await run(
      deployAppDefinition,
      ['--env', 'prod', '--confirm', 'prod'],
      testDeps(tree.dir, { exec, kube: async () => kube }),
    );
    expect(result.code).toBe(0);
    const synced = kube.calls.flatMap((call) => (call.call === 'patch' ? [call] : []));
    expect(synced.map((call) => call.ref.name)).toEqual([
      'root',
      'namespaces',
      'istiod',
      'cert-manager',
      'platform',
      'observability',
      'data-pipelines',
      'support',
      'api',
      'frontend',
    ]);
    expect(synced[1]!.patch).toEqual({
      operation: {
        initiatedBy: { username: 'skillforge-ops' },
        sync: {
          syncStrategy: { hook: {} },
          syncOptions: ['CreateNamespace=false', 'FailOnSharedResource=true', 'PruneLast=true'],
        },
        retry: { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } },
      },
    });
    expect(result.stdout()).toContain('wave 8: 1/1 synced and healthy');
  });

  it('rolls back the failed wave’s canaries after pausing automated sync, and stops there', async () => {
    const exec = new ScriptedExecutor([
      [/^aws eks update-kubeconfig/, {}],
      [/kubectl argo rollouts (undo|status) /, {}],
    ]);
    const kube = argoCluster('api');
    const result = await run(
      deployAppDefinition,
      ['--env', 'staging'],
      testDeps(tree.dir, { exec, kube: async () => kube }),
    );

    expect(result.code).toBe(1);
    expect(result.stdout()).toContain(
      'deploy-app: step wave-7 failed: sync of api Failed: one or more objects failed to apply',
    );
    expect(exec.calls.map((call) => call.split(' ').slice(0, 5).join(' '))).toEqual([
      'aws eks update-kubeconfig --region eu-west-1',
      'kubectl argo rollouts undo assessment-api',
      'kubectl argo rollouts status assessment-api',
      'kubectl argo rollouts undo data-api',
      'kubectl argo rollouts status data-api',
      'kubectl argo rollouts undo recommendation-api',
      'kubectl argo rollouts status recommendation-api',
      'kubectl argo rollouts undo user-api',
      'kubectl argo rollouts status user-api',
    ]);
    expect(summary(kube).filter((line) => line.includes('automated'))).toEqual([
      'patch Application/root {"spec":{"syncPolicy":{"automated":null}}}',
      'patch Application/api {"spec":{"syncPolicy":{"automated":null}}}',
    ]);
    const skipped = result
      .logs()
      .filter((log) => log.event === 'step.skipped')
      .map((log) => log.step);
    expect(skipped).toEqual(['wave-8', 'pause-auto-sync-frontend', 'rollback-frontend']);
  });
});

describe('search-latency-surge, for real', () => {
  const surge = (worstP95: number) => {
    const kube = new RecordingKube();
    const queries: string[] = [];
    const fetch = prometheus((query) => {
      queries.push(query);
      if (query.startsWith('max_over_time')) return worstP95;
      return query.startsWith('histogram_quantile') ? 352 : 0.91;
    });
    return { kube, queries, deps: testDeps(tree.dir, { kube: async () => kube, fetch }) };
  };

  it('makes the surge stick, warms the cache and confirms recovery', async () => {
    const { kube, queries, deps } = surge(331);
    const result = await run(searchLatencySurgeDefinition, ['--env', 'prod', '--confirm', 'prod'], deps);

    expect(result.code).toBe(0);
    // Production syncs by hand, so there is no automated sync to pause.
    expect(summary(kube)).toEqual([
      'patch ScaledObject/search-api {"spec":{"minReplicaCount":9}}',
      'scale api/search-api 9',
      'job api/search-cache-warm-manual-1795768200 from search-cache-warm',
    ]);
    expect(queries).toHaveLength(15 * 2 + 1);
    expect(result.stdout()).toBe('recovered: worst P95 of the last 5 min is 331 ms\n');
    expect(result.logs().filter((log) => log.event === 'playbook.watch')[0]!.fields).toEqual({
      minute: 1,
      p95Ms: 352,
      cacheHitRatio: 0.91,
    });
  });

  it('--return inside the EU peak restores the floor of 6 and leaves the 7th replica to the cron trigger', async () => {
    const { kube, deps } = surge(0);
    // FIXED_NOW is 08:30 UTC, inside eu-peak (08:00–12:00).
    const result = await run(
      searchLatencySurgeDefinition,
      ['--env', 'prod', '--return', '--confirm', 'prod'],
      deps,
    );
    expect(result.code).toBe(0);
    expect(summary(kube)).toEqual([
      'patch ScaledObject/search-api {"spec":{"minReplicaCount":6}}',
      'scale api/search-api 7',
    ]);
  });

  it('exits 2 and points at escalation when P95 has not recovered', async () => {
    const { deps } = surge(361);
    const result = await run(searchLatencySurgeDefinition, ['--env', 'prod', '--confirm', 'prod'], deps);
    expect(result.code).toBe(2);
    expect(result.stdout()).toBe(
      'search-latency-surge: step watch failed: search P95 has not recovered: worst of the last 5 min is 361 ms, ' +
        'target < 340 ms; escalate per docs/runbooks/oncall-escalation.md\n',
    );
  });
});

describe('analytics-backlog --revert, for real', () => {
  const revert = (peak: number, points: number) => {
    const kube = new RecordingKube();
    const posted: unknown[] = [];
    const metrics = prometheus((query) => (query.startsWith('max_over_time') ? peak : points));
    const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes('/api/annotations')) {
        posted.push({ url: String(input), headers: init?.headers, body: JSON.parse(String(init?.body)) });
        return new Response('{"id":1}');
      }
      return metrics(input, init);
    }) as typeof fetch;
    const deps = testDeps(tree.dir, {
      kube: async () => kube,
      fetch: fetcher,
      processEnv: { GRAFANA_TOKEN: 'glsa_test' },
    });
    return { kube, posted, deps };
  };

  it.each([
    [
      150,
      1440,
      'revert refused: the consumer lag peaked at 150 s in the last 24 h; it must stay below 120 s for 24 h',
    ],
    [
      40,
      1300,
      'revert refused: only 1300 of 1440 one-minute lag points in the last 24 h; the window must be complete',
    ],
  ])('refuses with exit 2 when the peak is %i s over %i points', async (peak, points, message) => {
    const { kube, posted, deps } = revert(peak, points);
    const result = await run(analyticsBacklogDefinition, ['--env', 'staging', '--revert'], deps);
    expect(result.code).toBe(2);
    expect(result.stdout()).toBe(`analytics-backlog: step check-lag-window failed: ${message}\n`);
    expect(kube.calls).toEqual([]);
    expect(posted).toEqual([]);
  });

  it('scales back, resumes automated sync and annotates the dashboard after 24 h below 120 s', async () => {
    const { kube, posted, deps } = revert(95, 1440);
    const result = await run(analyticsBacklogDefinition, ['--env', 'staging', '--revert'], deps);
    expect(result.code).toBe(0);
    expect(summary(kube)).toEqual([
      'patch ScaledObject/analytics-event-router {"spec":{"minReplicaCount":2}}',
      'scale data-pipelines/analytics-event-router 2',
      'patch Application/data-pipelines {"spec":{"syncPolicy":{"automated":{"prune":true,"selfHeal":true}}}}',
      'patch Application/root {"spec":{"syncPolicy":{"automated":{"prune":true,"selfHeal":true}}}}',
    ]);
    expect(posted).toEqual([
      {
        url: 'https://app.staging.skillforge.example/grafana/api/annotations',
        headers: { Authorization: 'Bearer glsa_test', 'Content-Type': 'application/json' },
        body: {
          dashboardUID: ANALYTICS_DASHBOARD_UID,
          time: Date.parse('2026-11-27T08:30:00Z'),
          tags: ['incident', 'analytics-backlog', 'staging'],
          text: 'analytics-backlog: reverted analytics-event-router to 2 replicas after 24 h of lag < 120 s',
        },
      },
    ]);
  });
});

describe('bootstrap-cluster, for real', () => {
  it('requests each wave only after the previous one is healthy and reports progress per wave', async () => {
    const exec = new ScriptedExecutor([[/^aws eks update-kubeconfig|^helm upgrade --install argocd/, {}]]);
    const polls = new Map<string, number>();
    const kube = new RecordingKube((ref) => {
      const seen = (polls.get(ref.name) ?? 0) + 1;
      polls.set(ref.name, seen);
      if (seen === 1) return undefined;
      const ready = seen >= 3;
      return {
        status: {
          sync: { status: ready ? 'Synced' : 'OutOfSync' },
          health: { status: ready ? 'Healthy' : 'Progressing' },
        },
      };
    });
    const result = await run(
      bootstrapClusterDefinition,
      ['--env', 'prod', '--confirm', 'prod'],
      testDeps(tree.dir, { exec, kube: async () => kube }),
    );

    expect(result.code).toBe(0);
    expect(summary(kube).filter((line) => !line.startsWith('apply'))[0]).toBe(
      'patch Application/root {"operation":{"initiatedBy":{"username":"skillforge-ops"},"sync":{"syncStrategy":{"hook":{}},' +
        '"syncOptions":["CreateNamespace=false","FailOnSharedResource=true","PruneLast=true"]},' +
        '"retry":{"limit":10,"backoff":{"duration":"15s","factor":2,"maxDuration":"5m"}}}}',
    );
    expect(
      summary(kube)
        .filter((line) => line.startsWith('patch'))
        .map((line) => line.split(' ')[1]),
    ).toEqual([
      'Application/root',
      'Application/namespaces',
      'Application/istiod',
      'Application/cert-manager',
      'Application/platform',
      'Application/observability',
      'Application/data-pipelines',
      'Application/support',
      'Application/api',
      'Application/frontend',
    ]);
    expect(result.stdout().split('\n').slice(0, 3)).toEqual([
      'wave -1: 0/1 synced and healthy; waiting for namespaces: not created',
      'wave -1: 0/1 synced and healthy; waiting for namespaces: OutOfSync/Progressing',
      'wave -1: 1/1 synced and healthy',
    ]);
    expect(result.stdout()).toContain('wave 8: 1/1 synced and healthy');
  });
});
