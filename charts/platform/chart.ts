// Namespace `platform`: the cluster-wide objects (ClusterIssuer, ClusterSecretStore, the default StorageClass,
// istio-system's Namespace), the public Gateway with its certificates,
// the in-cluster data stores where the model selects them, and the network policies of the platform controllers.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { NamespaceChart } from '../namespace-chart';
import { renderPlatformPolicies } from '../system/platform-policies';
import { renderSystemNamespacePolicies } from '../system/shared-policies';
import { renderGateway } from './gateway';
import { renderIssuers } from './issuers';
import { renderMeshNamespace } from './mesh-namespace';
import { renderStorageClass } from './storage';
import { renderKarpenterNodes } from './karpenter';
import { renderInClusterStores } from './stores';

export function platformChart(scope: Construct, env: EnvConfig): NamespaceChart {
  const chart = new NamespaceChart(scope, env, 'platform');
  renderIssuers(chart, env);
  renderStorageClass(chart);
  renderMeshNamespace(chart, env);
  renderGateway(chart, env);
  renderInClusterStores(chart, env);
  renderKarpenterNodes(chart, env);
  renderSystemNamespacePolicies(chart, env, 'platform');
  renderPlatformPolicies(chart, env);
  chart.addWorkloads();
  return chart;
}
