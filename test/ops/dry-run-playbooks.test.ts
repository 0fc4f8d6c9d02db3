// --dry-run of the §4.5 playbooks for every environment, with both autoscaler shapes the Kubernetes side may
// render for search-api, and the return step inside and outside the EU peak window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvConfig } from '../../environments';
import { analyticsBacklogDefinition } from '../../scripts/ops/commands/analytics-backlog';
import { searchLatencySurgeDefinition } from '../../scripts/ops/commands/search-latency-surge';
import { dryRun, environments, header, kc } from './support/expected';
import { FIXED_NOW, testDeps } from './support/ops-harness';
import { ANALYTICS_DASHBOARD_UID, writeRenderedTree } from './support/rendered-tree';

let keda: { dir: string; remove(): void };
let hpa: { dir: string; remove(): void };
beforeAll(() => {
  keda = writeRenderedTree({ searchAutoscaler: 'ScaledObject' });
  hpa = writeRenderedTree({ searchAutoscaler: 'HorizontalPodAutoscaler' });
});
afterAll(() => {
  keda.remove();
  hpa.remove();
});

const PAUSE = `'{"spec":{"syncPolicy":{"automated":null}}}'`;
const RESUME = `'{"spec":{"syncPolicy":{"automated":{"prune":true,"selfHeal":true}}}}'`;
const PROMETHEUS = 'https://prometheus.shared.skillforge.example/api/v1/query';
const OUTSIDE_PEAK = new Date('2026-11-27T13:00:00.000Z');

/** Pause (or resume) lines for an application, only where the environment syncs automatically. */
function autoSync(env: EnvConfig, app: string, patch: string, order: 'pause' | 'resume'): string[] {
  if (!env.gitops.automatedSync) return [];
  const lines = ['root', app].map(
    (name) => `${kc(env, 'argocd')} patch applications.argoproj.io ${name} --type merge -p ${patch}`,
  );
  return order === 'pause' ? lines : lines.reverse();
}

function numbered(sections: [string, string[]][]): string[] {
  const present = sections.filter(([, lines]) => lines.length > 0);
  return present.flatMap(([name, lines], index) => [
    `# step ${index + 1}/${present.length}: ${name}`,
    ...lines,
  ]);
}

describe.each(environments())('search-latency-surge in $name', (env) => {
  const { surgeReplicas, watchMinutes, recoveredBelowMs } = env.playbooks.searchLatencySurge;
  const p95 = `histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{env="${env.name}",namespace="api",service="search-api"}[5m]))) * 1000`;
  const hitRatio = `redis:cache_hit_ratio:ratio{env="${env.name}"}`;

  it('pauses automated sync, raises the KEDA floor, scales, warms the cache and watches the panels', async () => {
    expect(await dryRun(searchLatencySurgeDefinition, env, testDeps(keda.dir))).toEqual([
      header('search-latency-surge', env),
      ...numbered([
        ['pause-auto-sync', autoSync(env, 'api', PAUSE, 'pause')],
        [
          'raise-autoscaler-floor',
          [
            `${kc(env, 'api')} patch scaledobjects.keda.sh search-api --type merge -p '{"spec":{"minReplicaCount":${surgeReplicas}}}'`,
          ],
        ],
        ['scale-up', [`${kc(env, 'api')} scale deployment search-api --replicas=${surgeReplicas}`]],
        [
          'warm-cache',
          [
            `${kc(env, 'api')} create job --from=cronjob/search-cache-warm search-cache-warm-manual-${FIXED_NOW.getTime() / 1000}`,
          ],
        ],
        [
          'watch',
          [
            `# every minute for ${watchMinutes} min:`,
            `curl -fsS --get ${PROMETHEUS} --data-urlencode 'query=${p95}'`,
            `curl -fsS --get ${PROMETHEUS} --data-urlencode 'query=${hitRatio}'`,
            `# then the worst P95 of the last 5 min must be below ${recoveredBelowMs} ms:`,
            `curl -fsS --get ${PROMETHEUS} --data-urlencode 'query=max_over_time((${p95})[5m:1m])'`,
          ],
        ],
      ]),
    ]);
  });

  it('raises minReplicas when an HPA owns the floor', async () => {
    const lines = await dryRun(searchLatencySurgeDefinition, env, testDeps(hpa.dir));
    expect(lines).toContain(
      `${kc(env, 'api')} patch horizontalpodautoscaler search-api --type merge -p '{"spec":{"minReplicas":${surgeReplicas}}}'`,
    );
  });

  it.each([
    // The autoscaler's floor always returns to replicas.min: the eu-peak cron trigger holds 7 while its window is
    // open, and a floor pinned at 7 would hold it after the window closes.
    ['inside the EU peak window, restoring the normal floor', FIXED_NOW, 7, 'peak window eu-peak open'],
    ['outside the EU peak window, back to replicas.min', OUTSIDE_PEAK, 6, 'no peak window open'],
  ])('--return %s', async (_case, now, floor, why) => {
    const service = env.services['search-api']!;
    expect(floor).toBe(
      why.startsWith('peak') ? service.peakWindows['eu-peak']!.minReplicas : service.replicas.min,
    );
    expect(
      await dryRun(searchLatencySurgeDefinition, env, testDeps(keda.dir, { now: () => now }), ['--return']),
    ).toEqual([
      header('search-latency-surge', env),
      ...numbered([
        [
          'explain-floor',
          [`# floor at ${now.toISOString()}: ${floor} (replicas.min ${service.replicas.min}, ${why})`],
        ],
        [
          'lower-autoscaler-floor',
          [
            `${kc(env, 'api')} patch scaledobjects.keda.sh search-api --type merge -p '{"spec":{"minReplicaCount":${service.replicas.min}}}'`,
          ],
        ],
        ['scale-down', [`${kc(env, 'api')} scale deployment search-api --replicas=${floor}`]],
        ['resume-auto-sync', autoSync(env, 'api', RESUME, 'resume')],
      ]),
    ]);
  });
});

describe.each(environments())('analytics-backlog in $name', (env) => {
  const { surgeReplicas, revertAfterHours, revertBelowLagSeconds } = env.playbooks.analyticsBacklog;
  const min = env.services['analytics-event-router']!.replicas.min;
  const grafana = (text: string) =>
    `curl -fsS -X POST https://app.${env.edge.hostPrefix}skillforge.example/grafana/api/annotations -H "Authorization: Bearer \${GRAFANA_TOKEN}" -H 'Content-Type: application/json' --data '${JSON.stringify({ dashboardUID: ANALYTICS_DASHBOARD_UID, time: FIXED_NOW.getTime(), tags: ['incident', 'analytics-backlog', env.name], text })}'`;
  const router = (floor: number) => [
    `${kc(env, 'data-pipelines')} patch scaledobjects.keda.sh analytics-event-router --type merge -p '{"spec":{"minReplicaCount":${floor}}}'`,
  ];

  it('scales the router behind a raised floor and annotates the dashboard with the incident', async () => {
    expect(
      await dryRun(analyticsBacklogDefinition, env, testDeps(keda.dir), ['--incident', 'INC-42']),
    ).toEqual([
      header('analytics-backlog', env),
      ...numbered([
        ['pause-auto-sync', autoSync(env, 'data-pipelines', PAUSE, 'pause')],
        ['raise-autoscaler-floor', router(surgeReplicas)],
        [
          'scale-up',
          [
            `${kc(env, 'data-pipelines')} scale deployment analytics-event-router --replicas=${surgeReplicas}`,
          ],
        ],
        [
          'annotate-dashboard',
          [
            grafana(
              `analytics-backlog: scaled analytics-event-router ${min}→${surgeReplicas} replicas; incident INC-42`,
            ),
          ],
        ],
      ]),
    ]);
  });

  it('--revert checks the lag window in Prometheus before scaling back', async () => {
    const lag = `max(analytics_consumer_lag_seconds{env="${env.name}"})`;
    expect(await dryRun(analyticsBacklogDefinition, env, testDeps(keda.dir), ['--revert'])).toEqual([
      header('analytics-backlog', env),
      ...numbered([
        [
          'check-lag-window',
          [
            `# revert only if the lag stayed below ${revertBelowLagSeconds} s for ${revertAfterHours} h, with a data point every minute:`,
            `curl -fsS --get ${PROMETHEUS} --data-urlencode 'query=max_over_time(${lag}[${revertAfterHours}h:1m])'`,
            `curl -fsS --get ${PROMETHEUS} --data-urlencode 'query=count_over_time(${lag}[${revertAfterHours}h:1m])'`,
          ],
        ],
        ['lower-autoscaler-floor', router(min)],
        [
          'scale-down',
          [`${kc(env, 'data-pipelines')} scale deployment analytics-event-router --replicas=${min}`],
        ],
        ['resume-auto-sync', autoSync(env, 'data-pipelines', RESUME, 'resume')],
        [
          'annotate-dashboard',
          [
            grafana(
              `analytics-backlog: reverted analytics-event-router to ${min} replicas after ${revertAfterHours} h of lag < ${revertBelowLagSeconds} s`,
            ),
          ],
        ],
      ]),
    ]);
  });
});
