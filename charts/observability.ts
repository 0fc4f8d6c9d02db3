// Namespace `observability`: the PagerDuty keys Alertmanager reads, the stack's network policies, and the one
// hand-run step of runbook §4.4: annotating the dashboards ConfigMap with the synced Git revision.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../environments';
import { appHost, GRAFANA_PATH, originHost } from '../constructs/contracts';
import { PublicHttpRoute } from '../constructs/k8s/http-route';
import { GroupRole } from '../constructs/k8s/access-roles';
import { NamespaceChart } from './namespace-chart';
import {
  components,
  GATEWAY_NAMESPACE,
  hasComponent,
  PUBLIC_GATEWAY,
  PROMETHEUS_RELEASE,
} from './plan/components';
import { APP_LISTENER } from './platform/gateway';
import { renderAlertingSecrets } from './platform/observability-secrets';
import { renderObservabilityPolicies } from './system/observability-policies';
import { renderSystemNamespacePolicies } from './system/shared-policies';

/** The ConfigMap the §4.4 step annotates (`kubectl -n observability annotate configmap grafana-dashboards …`). */
export const DASHBOARDS_CONFIG_MAP = 'grafana-dashboards';

export function observabilityChart(scope: Construct, env: EnvConfig): NamespaceChart {
  const chart = new NamespaceChart(scope, env, 'observability');
  renderAlertingSecrets(chart, env);
  renderSystemNamespacePolicies(chart, env, 'observability');
  renderObservabilityPolicies(chart, env);
  new GroupRole(chart, 'BaselineSync', {
    name: 'oncall-baseline-sync',
    namespace: 'observability',
    rules: [
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: [DASHBOARDS_CONFIG_MAP],
        verbs: ['get', 'patch'],
      },
    ],
    groups: [env.access.groups.oncall],
    reason:
      'runbook §4.4: record the synced Git revision on the dashboards ConfigMap (an audit annotation only)',
  });
  if (hasComponent(env, components.grafana) && hasComponent(env, components.ingressGateway)) {
    new PublicHttpRoute(chart, 'GrafanaRoute', {
      name: 'grafana',
      namespace: 'observability',
      // Under the app host, through CloudFront like every public route (it sends its origin name as Host).
      gateway: { name: PUBLIC_GATEWAY, namespace: GATEWAY_NAMESPACE, sectionName: APP_LISTENER },
      hostnames: [appHost(env), originHost(env)],
      path: GRAFANA_PATH,
      // Grafana serves from / and builds its links from root_url (charts/platform/values/observability.ts).
      stripPrefix: true,
      // The grafana subchart's Service: <release>-grafana on port 80 (its service.port default).
      serviceName: `${PROMETHEUS_RELEASE}-grafana`,
      servicePort: 80,
      hstsMaxAgeSeconds: env.edge.cdn.hstsMaxAgeSeconds,
    });
  }
  chart.addWorkloads();
  return chart;
}
