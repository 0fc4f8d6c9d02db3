// Turns what the weekly health check read into findings: ok, attention (a person should act) or error (the
// section could not be read). Pure functions of their inputs, apart from the cluster reads passed in.
import type { EnvConfig } from '../../../environments';
import { imageReference, type ManagedSecret, servicesOf } from '../../../constructs/contracts';
import type { RenderedApplications } from '../gitops/rendered-tree';
import type { KubeActions } from '../kubernetes/client';
import { workloadOf } from '../kubernetes/steps';

export interface Finding {
  readonly status: 'ok' | 'attention' | 'error';
  readonly text: string;
}

// Nightly snapshots: a day plus the backup window and some slack before "yesterday's snapshot is missing".
const SNAPSHOT_MAX_AGE_HOURS = 26;
// Monthly drill: a month plus a day.
const DRILL_MAX_AGE_DAYS = 32;
// "Upcoming expirations" (§4.3): rotations due within a week are listed.
const ROTATION_NOTICE_DAYS = 7;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface ArgoListItem {
  metadata?: { name?: string };
  spec?: { source?: { chart?: string; repoURL?: string; targetRevision?: string } };
  status?: { sync?: { status?: string; revision?: string }; health?: { status?: string } };
}

export function argocdFindings(
  env: EnvConfig,
  apps: RenderedApplications,
  list: readonly unknown[],
): Finding[] {
  const live = new Map((list as ArgoListItem[]).map((item) => [item.metadata?.name ?? '', item]));
  const expected = [apps.root, ...apps.children].map((app) => app.name);
  const findings = expected.map((name): Finding => {
    const item = live.get(name);
    if (item === undefined) return { status: 'attention', text: `${name}: rendered but not in Argo CD` };
    const sync = item.status?.sync?.status ?? 'Unknown';
    const health = item.status?.health?.status ?? 'Unknown';
    const chart = chartDrift(env, item);
    const revision = item.spec?.source?.targetRevision ?? item.status?.sync?.revision ?? '';
    const ok = sync === 'Synced' && health === 'Healthy' && chart === undefined;
    return {
      status: ok ? 'ok' : 'attention',
      text: `${name}: ${sync}/${health} ${revision}${chart ?? ''}`.trim(),
    };
  });
  const extra = [...live.keys()].filter((name) => !expected.includes(name)).sort();
  return [
    ...findings,
    ...extra.map((name): Finding => ({ status: 'attention', text: `${name}: in Argo CD but not rendered` })),
  ];
}

function chartDrift(env: EnvConfig, item: ArgoListItem): string | undefined {
  const source = item.spec?.source;
  if (source?.chart === undefined) return undefined;
  const pinned = Object.values(env.platformCharts).find(
    (chart) => chart.chart === source.chart && chart.repoURL === source.repoURL,
  );
  if (pinned === undefined || pinned.version === source.targetRevision) return undefined;
  return ` (chart ${source.chart} ${source.targetRevision}, model pins ${pinned.version})`;
}

/** Days before a chart's published end of life from which the health check lists it. */
export const CHART_EOL_NOTICE_DAYS = 90;

/**
 * Every pinned chart and manifest bundle with a published end of life: attention once the date has passed, a
 * notice within CHART_EOL_NOTICE_DAYS of it; one ok line when none is near.
 */
export function chartLifecycleFindings(env: EnvConfig, now: Date): Finding[] {
  const pinned = [
    ...Object.entries(env.platformCharts).map(([name, chart]) => ({
      name,
      version: chart.version,
      eol: chart.endOfLife,
    })),
    ...Object.entries(env.platformManifests).map(([name, bundle]) => ({
      name,
      version: bundle.version,
      eol: bundle.endOfLife,
    })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const findings = pinned.flatMap(({ name, version, eol }): Finding[] => {
    if (eol === undefined) return [];
    const days = (Date.parse(`${eol}T23:59:59Z`) - now.getTime()) / DAY_MS;
    if (days < 0)
      return [{ status: 'attention', text: `${name} ${version}: past its end of life (${eol}); upgrade it` }];
    if (days <= CHART_EOL_NOTICE_DAYS)
      return [{ status: 'ok', text: `${name} ${version}: end of life ${eol}, in ${Math.ceil(days)} days` }];
    return [];
  });
  return findings.length > 0
    ? findings
    : [{ status: 'ok', text: `no chart within ${CHART_EOL_NOTICE_DAYS} days of its end of life` }];
}

export async function releaseFindings(env: EnvConfig, kube: KubeActions): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const service of servicesOf(env)) {
    const workload = workloadOf(service);
    const object = await kube.read({
      apiVersion: workload.kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
      kind: workload.kind,
      namespace: workload.namespace,
      name: workload.name,
    });
    const expected = imageReference(env, service.image);
    const template = (
      object?.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined
    )?.template;
    const images = (template?.spec?.containers ?? []).map((container) => container.image ?? '');
    findings.push(
      object === undefined
        ? { status: 'attention', text: `${service.name}: ${workload.kind} not found in ${service.namespace}` }
        : images.includes(expected)
          ? { status: 'ok', text: `${service.name}: ${env.releases[service.image]?.tag ?? expected}` }
          : {
              status: 'attention',
              text: `${service.name}: runs ${images.join(', ') || 'nothing'}; the model pins ${expected}`,
            },
    );
  }
  return findings;
}

export function backupFindings(latestSnapshotTime: string, now: Date): Finding[] {
  const taken = Date.parse(latestSnapshotTime);
  if (Number.isNaN(taken))
    return [{ status: 'error', text: `latest automated snapshot time unreadable: ${latestSnapshotTime}` }];
  const hours = (now.getTime() - taken) / HOUR_MS;
  return [
    {
      status: hours <= SNAPSHOT_MAX_AGE_HOURS ? 'ok' : 'attention',
      text: `latest automated RDS snapshot ${new Date(taken).toISOString()} (${hours.toFixed(1)} h ago, expected ≤ ${SNAPSHOT_MAX_AGE_HOURS} h)`,
    },
  ];
}

export async function drillFindings(
  kube: KubeActions,
  namespace: string,
  name: string,
  schedule: string | undefined,
  now: Date,
): Promise<Finding[]> {
  const cronJob = await kube.read({ apiVersion: 'batch/v1', kind: 'CronJob', namespace, name });
  if (cronJob === undefined) return [{ status: 'attention', text: `cronjob ${namespace}/${name} not found` }];
  const last = (cronJob.status as { lastSuccessfulTime?: string } | undefined)?.lastSuccessfulTime;
  const next = `next drill on schedule "${schedule ?? 'none'}" (UTC)`;
  if (last === undefined)
    return [{ status: 'attention', text: `restore drill has never succeeded; ${next}` }];
  const days = (now.getTime() - Date.parse(last)) / DAY_MS;
  return [
    {
      status: days <= DRILL_MAX_AGE_DAYS ? 'ok' : 'attention',
      text: `last successful restore drill ${last} (${days.toFixed(1)} days ago, expected ≤ ${DRILL_MAX_AGE_DAYS}); ${next}`,
    },
  ];
}

export function secretFindings(
  env: EnvConfig,
  described: readonly { secret: ManagedSecret; description: Record<string, unknown> }[],
  now: Date,
): Finding[] {
  return described.map(({ secret, description }): Finding => {
    const name = String(description.Name ?? secret.path);
    const date = (key: string): number =>
      typeof description[key] === 'string' ? Date.parse(description[key] as string) : NaN;
    if (secret.rotation === 'external-issuer') {
      const changed = date('LastChangedDate');
      return {
        status: 'ok',
        text: `${name}: replaced by hand; last changed ${Number.isNaN(changed) ? 'unknown' : new Date(changed).toISOString()}`,
      };
    }
    if (description.RotationEnabled !== true)
      return { status: 'attention', text: `${name}: automatic rotation is off` };
    const lastRotated = date('LastRotatedDate');
    const nextRotation = date('NextRotationDate');
    const ageDays = (now.getTime() - lastRotated) / DAY_MS;
    if (Number.isNaN(lastRotated) || ageDays > env.secrets.rotationDays + 1) {
      return {
        status: 'attention',
        text: `${name}: last rotated ${Number.isNaN(lastRotated) ? 'never' : `${ageDays.toFixed(0)} days ago`}; rotation every ${env.secrets.rotationDays} days`,
      };
    }
    const dueInDays = (nextRotation - now.getTime()) / DAY_MS;
    const upcoming =
      !Number.isNaN(nextRotation) && dueInDays <= ROTATION_NOTICE_DAYS
        ? `; rotates in ${dueInDays.toFixed(1)} days`
        : '';
    return { status: 'ok', text: `${name}: rotated ${ageDays.toFixed(0)} days ago${upcoming}` };
  });
}
