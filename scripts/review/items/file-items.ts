// Which layer a file of `deploy/<env>/` belongs to, and its items. Paths are relative to the environment folder.
import type { Layer } from '../model';
import { extractDashboardItems } from './dashboard-items';
import { textItem, type ExtractedItem } from './extracted-item';
import { extractArgoCdItems, extractKubernetesItems } from './kubernetes-items';
import { extractRuleItems, isRuleFile } from './rule-items';
import { extractTerraformItems } from './terraform-items';

export interface FileItems {
  readonly layer: Layer;
  readonly items: readonly ExtractedItem[];
}

const YAML_FILE = /\.ya?ml$/;

export function extractFileItems(file: string, text: string): FileItems {
  const [top, second] = file.split('/');
  const depth = file.split('/').length;
  if (top === 'terraform' && file.endsWith('.tf.json')) {
    return { layer: 'terraform', items: extractTerraformItems(file, text) };
  }
  if (top === 'k8s' && depth >= 3 && YAML_FILE.test(file)) {
    return { layer: 'kubernetes', items: extractKubernetesItems(file, text) };
  }
  if (top === 'argocd' && YAML_FILE.test(file)) {
    return { layer: 'argocd', items: extractArgoCdItems(file, text) };
  }
  if (top === 'observability' && second === 'dashboards' && file.endsWith('.json')) {
    return { layer: 'dashboards', items: extractDashboardItems(file, text) };
  }
  // Alert, baseline and any other rule file: recognised by content, since promtool tests and the Alertmanager
  // configuration live in the same folder.
  if (top === 'observability' && YAML_FILE.test(file) && isRuleFile(file, text)) {
    return { layer: 'rules', items: extractRuleItems(file, text) };
  }
  return { layer: 'other', items: [textItem(file, text)] };
}
