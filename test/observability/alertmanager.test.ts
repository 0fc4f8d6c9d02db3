// Alertmanager routing of runbook §3.4/§4.2: P1 and P2 to separate PagerDuty receivers with keys read from files,
// re-notification at the on-call response times, and a P1 inhibiting the matching P2s, checked with amtool and a
// live Alertmanager.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { alertmanagerConfig, PAGERDUTY_TEXT, receiverName } from '../../observability/alertmanager';
import {
  alertStatuses,
  postAlerts,
  type RunningAlertmanager,
  startAlertmanager,
} from './support/alertmanager';
import { AMTOOL, describeRun, requireTool, run } from './support/binaries';
import {
  content,
  environment,
  environmentNames,
  patchedEnvironment,
  removeTemporaryFolders,
  rendered,
  temporaryFolder,
  writeTemp,
} from './support/rendered';

afterAll(removeTemporaryFolders);

const CONFIG = 'observability/alertmanager.yaml';

interface Route {
  readonly receiver: string;
  readonly repeat_interval: string;
  readonly matchers?: readonly string[];
  readonly routes?: readonly Route[];
}
interface Config {
  readonly route: Route;
  readonly receivers: readonly { name: string; pagerduty_configs: readonly Record<string, unknown>[] }[];
}

beforeAll(() => requireTool(AMTOOL));

describe.each(environmentNames())('%s Alertmanager', (name) => {
  const env = environment(name);
  let root = '';
  let text = '';
  beforeAll(async () => {
    const files = await rendered(name);
    root = await writeTemp(files);
    text = content(files, CONFIG);
  });

  it('passes amtool check-config', () => {
    const result = run(AMTOOL, ['check-config', CONFIG], root);
    expect(result.status, describeRun(result)).toBe(0);
    expect(result.stdout).toContain('SUCCESS');
  });

  it.each([
    ['P1', 'pagerduty-p1'],
    ['P2', 'pagerduty-p2'],
  ])('routes severity %s to %s', (severity, receiver) => {
    const labels = [`severity=${severity}`, `env=${name}`, 'component=api', 'alertname=ApiErrorRateHigh'];
    const args = [
      'config',
      'routes',
      'test',
      `--config.file=${CONFIG}`,
      `--verify.receivers=${receiver}`,
      ...labels,
    ];
    const result = run(AMTOOL, args, root);
    expect(result.status, describeRun(result)).toBe(0);
  });

  it('sends an alert without a P1/P2 severity to the P2 receiver rather than dropping it', () => {
    const args = [
      'config',
      'routes',
      'test',
      `--config.file=${CONFIG}`,
      '--verify.receivers=pagerduty-p2',
      `env=${name}`,
    ];
    const result = run(AMTOOL, args, root);
    expect(result.status, describeRun(result)).toBe(0);
  });

  it('repeats notifications at the on-call response times of the model', () => {
    const config = alertmanagerConfig(env) as unknown as Config;
    const intervals = Object.fromEntries(
      (config.route.routes ?? []).map((route) => [route.receiver, route.repeat_interval]),
    );
    expect(intervals).toEqual({
      [receiverName('P1')]: `${env.oncall.p1ResponseMinutes}m`,
      [receiverName('P2')]: `${env.oncall.p2ResponseMinutes}m`,
    });
  });

  it('reads the PagerDuty keys from the files of the model and never holds a key', () => {
    const config = alertmanagerConfig(env) as unknown as Config;
    const files = config.receivers.map((receiver) => receiver.pagerduty_configs[0]?.routing_key_file);
    expect(files).toEqual([
      env.observability.pagerDuty.p1RoutingKeyFile,
      env.observability.pagerDuty.p2RoutingKeyFile,
    ]);
    expect(text).not.toMatch(/routing_key:|service_key|api_key/);
  });
});

describe('Alertmanager settings follow the model', () => {
  it('moves the repeat intervals with oncall.*ResponseMinutes', () => {
    const env = patchedEnvironment('prod', { oncall: { p1ResponseMinutes: 10, p2ResponseMinutes: 20 } });
    const config = alertmanagerConfig(env) as unknown as Config;
    expect(config.route.routes?.map((route) => route.repeat_interval)).toEqual(['10m', '20m']);
  });

  it('uses notification templates that Alertmanager parses', () => {
    requireTool(AMTOOL);
    const root = temporaryFolder();
    writeFileSync(join(root, 'none.tmpl'), '');
    const templates = [
      PAGERDUTY_TEXT.description,
      ...PAGERDUTY_TEXT.links.map((link) => link.href),
      ...Object.values(PAGERDUTY_TEXT.details),
    ];
    for (const template of templates) {
      const result = run(
        AMTOOL,
        ['template', 'render', '--template.glob=none.tmpl', `--template.text=${template}`],
        root,
      );
      expect(result.status, `${template}\n${describeRun(result)}`).toBe(0);
    }
  });
});

describe('inhibition in a live Alertmanager', () => {
  const env = environment('prod');
  let alertmanager: RunningAlertmanager | undefined;
  beforeAll(async () => {
    const root = temporaryFolder();
    // The real key files are mounted from Secrets Manager; here they are stand-ins in the temporary folder.
    const config = alertmanagerConfig(env) as unknown as Config;
    const receivers = config.receivers.map((receiver) => {
      const keyFile = join(root, `${receiver.name}.key`);
      writeFileSync(keyFile, 'test-routing-key\n');
      return {
        ...receiver,
        pagerduty_configs: receiver.pagerduty_configs.map((pd) => ({ ...pd, routing_key_file: keyFile })),
      };
    });
    alertmanager = await startAlertmanager(root, stringify({ ...config, receivers }));
  });
  afterAll(async () => alertmanager?.stop());

  it('suppresses a P2 while a P1 of the same environment, component and service or job fires, and nothing else', async () => {
    const url = alertmanager?.url ?? '';
    const alert = (alertname: string, severity: string, extra: Record<string, string>) => ({
      alertname,
      severity,
      env: 'prod',
      component: 'api',
      ...extra,
    });
    await postAlerts(url, [
      alert('ApiErrorRateHigh', 'P1', { service: 'recommendation-api' }),
      alert('ServiceLatencyP95AboveTarget', 'P2', { service: 'recommendation-api' }),
      alert('ServiceLatencyP95AboveTarget', 'P2', { service: 'assessment-api' }),
      alert('ServiceLatencyP95AboveTarget', 'P2', { service: 'recommendation-api', env: 'staging' }),
      alert('RedisCacheHitRatioLow', 'P2', { component: 'cache' }),
      alert('AnalyticsConsumerLagHigh', 'P1', { component: 'analytics' }),
      alert('AnalyticsIngestionBehindBaseline', 'P2', { component: 'analytics' }),
      alert('DatasetStale', 'P1', {
        component: 'pipelines',
        dataset: 'onet-occupations',
        job: 'onet-refresh',
      }),
      alert('EtlJobLate', 'P2', { component: 'pipelines', job: 'onet-refresh' }),
      alert('EtlJobLate', 'P2', { component: 'pipelines', job: 'jaat-refresh' }),
    ]);
    const statuses = await alertStatuses(url);
    const state = (alertname: string, labels: Record<string, string>) =>
      statuses.find(
        (status) =>
          status.labels.alertname === alertname &&
          Object.entries(labels).every(([key, value]) => status.labels[key] === value),
      )?.status.state;
    expect(state('ApiErrorRateHigh', { env: 'prod' })).toBe('active');
    expect(state('ServiceLatencyP95AboveTarget', { env: 'prod', service: 'recommendation-api' })).toBe(
      'suppressed',
    );
    expect(state('ServiceLatencyP95AboveTarget', { env: 'prod', service: 'assessment-api' })).toBe('active');
    expect(state('ServiceLatencyP95AboveTarget', { env: 'staging' })).toBe('active');
    expect(state('RedisCacheHitRatioLow', {})).toBe('active');
    // The §4.5 backlog: saturated consumers (P1) explain the ingestion lag (P2).
    expect(state('AnalyticsIngestionBehindBaseline', {})).toBe('suppressed');
    // A stale dataset (P1) explains its own job's lateness (P2), not another job's.
    expect(state('EtlJobLate', { job: 'onet-refresh' })).toBe('suppressed');
    expect(state('EtlJobLate', { job: 'jaat-refresh' })).toBe('active');
  });
});
