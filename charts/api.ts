// Namespace `api`: the services of runbook §1.1, flagd with the model's feature flags (runbook §2.2 OpenFeature),
// and the one hand-run action the runbook gives on-call here: starting search-cache-warm from its CronJob (§4.5).
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { jobsIn, servicesIn } from '../constructs/contracts';
import { GroupRole } from '../constructs/k8s/access-roles';
import { TuningConfigMap } from '../constructs/k8s/config-map';
import { selectorFor } from '../constructs/k8s/labels';
import { NamespaceChart } from './namespace-chart';
import { managementPortOf } from './plan/workloads';
import type { ServiceExtras } from './workloads/service';

const FLAGS_DIR = '/etc/flagd';
const FLAGS_FILE = 'flags.json';

export function apiChart(scope: Construct, env: EnvConfig): NamespaceChart {
  const chart = new NamespaceChart(scope, env, 'api');
  const services: Record<string, ServiceExtras> = {};
  for (const flagd of servicesIn(env, 'api').filter((service) => service.image === 'flagd')) {
    const flags = new TuningConfigMap(chart, `${flagd.name}-flags`, {
      name: `${flagd.name}-flags`,
      namespace: 'api',
      labels: selectorFor(flagd.name),
      data: { [FLAGS_FILE]: flagDefinitions(env) },
    });
    services[flagd.name] = {
      args: [
        'start',
        '--uri',
        `file:${FLAGS_DIR}/${FLAGS_FILE}`,
        '--port',
        String(flagd.port),
        '--management-port',
        String(managementPortOf(env, flagd)),
      ],
      volumes: [{ name: 'flags', configMap: { name: flags.name } }],
      mounts: [{ name: 'flags', mountPath: FLAGS_DIR, readOnly: true }],
      configHashes: [flags.hash],
    };
  }
  chart.addWorkloads({ services });
  const manual = jobsIn(env, 'api').filter((job) => job.trigger === 'cron');
  if (manual.length > 0) {
    new GroupRole(chart, 'OncallJobs', {
      name: 'oncall-run-cronjobs',
      namespace: 'api',
      // `kubectl create job --from=cronjob/…` reads the CronJob and creates a Job; nothing else changes.
      rules: [
        { apiGroups: ['batch'], resources: ['cronjobs'], verbs: ['get'] },
        { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] },
      ],
      groups: [env.access.groups.oncall],
      reason: `runbook §4.5: on-call starts ${manual.map((job) => job.name).join(', ')} by hand during a surge`,
    });
  }
  return chart;
}

/** flagd's flag file (schema https://flagd.dev/schema/v0/flags.json): each model flag as an on/off switch. */
export function flagDefinitions(env: EnvConfig): string {
  const flags = Object.fromEntries(
    Object.entries(env.featureFlags)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, flag]) => [
        name,
        { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: flag.enabled ? 'on' : 'off' },
      ]),
  );
  return `${JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags }, null, 2)}\n`;
}
