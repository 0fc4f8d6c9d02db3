// Namespace `support`: maintenance jobs (runbook §1.1, §3.3, §4.4). The k6 synthetic-traffic job gets its script
// from a ConfigMap generated from the model: the public routes and the latency and error-rate objectives.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { jobsIn, publicServices } from '../constructs/contracts';
import { TuningConfigMap } from '../constructs/k8s/config-map';
import { selectorFor } from '../constructs/k8s/labels';
import { NamespaceChart } from './namespace-chart';
import type { JobExtras } from './workloads/job';

const SCRIPT_DIR = '/scripts';

export function supportChart(scope: Construct, env: EnvConfig): NamespaceChart {
  const chart = new NamespaceChart(scope, env, 'support');
  const jobs: Record<string, JobExtras> = {};
  for (const job of jobsIn(env, 'support').filter((candidate) => candidate.image === 'k6')) {
    const script = new TuningConfigMap(chart, `${job.name}-script`, {
      name: `${job.name}-script`,
      namespace: 'support',
      labels: selectorFor(job.name),
      data: { 'smoke.js': k6Script(env, job.load) },
    });
    jobs[job.name] = {
      volumes: [{ name: 'script', configMap: { name: script.name } }],
      mounts: [{ name: 'script', mountPath: SCRIPT_DIR, readOnly: true }],
    };
  }
  chart.addWorkloads({ jobs });
  return chart;
}

/**
 * Requests each public route for the run's duration. Only 5xx responses count as failures (the error-rate
 * objective); a 4xx from a route that expects parameters is still a served request.
 */
export function k6Script(
  env: EnvConfig,
  load: { readonly virtualUsers: number; readonly durationMinutes: number } | undefined,
): string {
  const routes = publicServices(env).filter((service) => service.ingressPath !== undefined);
  const thresholds: Record<string, string[]> = {
    http_req_failed: [`rate<${env.alerts.apiErrorRate.maxPercent / 100}`],
  };
  for (const service of routes) {
    if (service.latencyP95Ms !== undefined) {
      thresholds[`http_req_duration{service:${service.name}}`] = [`p(95)<${service.latencyP95Ms}`];
    }
  }
  const options = {
    ...(load ? { vus: load.virtualUsers, duration: `${load.durationMinutes}m` } : {}),
    thresholds,
  };
  const requests = routes.map((service) => ({ service: service.name, path: service.ingressPath }));
  return [
    "import http from 'k6/http';",
    '',
    `export const options = ${JSON.stringify(options, null, 2)};`,
    '',
    `const routes = ${JSON.stringify(requests, null, 2)};`,
    'http.setResponseCallback(http.expectedStatuses({ min: 200, max: 499 }));',
    '',
    'export default function () {',
    '  for (const route of routes) {',
    '    http.get(`${__ENV.BASE_URL}${route.path}`, { tags: { service: route.service } });',
    '  }',
    '}',
    '',
  ].join('\n');
}
