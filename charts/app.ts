// One cdk8s App per environment with one chart per namespace (runbook §1.1). Charts are built in the order of
// the contracts' namespace list; the order does not matter for the output, which is sorted by path.
import { App, Chart } from 'cdk8s';
import type { EnvConfig } from '../environments';
import { apiChart } from './api';
import { NamespaceChart } from './namespace-chart';
import { assertControllers } from './plan/components';
import { observabilityChart } from './observability';
import { platformChart } from './platform/chart';
import { supportChart } from './support';

export function buildKubernetesApp(env: EnvConfig): { app: App; charts: Chart[] } {
  assertControllers(env);
  // No outdir is written: render.ts serialises the objects itself.
  const app = new App({ outdir: 'unused' });
  const plain = (namespace: 'frontend' | 'data-pipelines') => {
    const chart = new NamespaceChart(app, env, namespace);
    chart.addWorkloads();
    return chart;
  };
  const charts = [
    platformChart(app, env),
    observabilityChart(app, env),
    plain('data-pipelines'),
    supportChart(app, env),
    apiChart(app, env),
    plain('frontend'),
  ];
  return { app, charts };
}
