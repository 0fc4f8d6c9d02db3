// Runs every Kubernetes policy rule over the rendered tree (deploy/<env>/k8s/**) and lists what must be fixed.
import { isoToday } from '../shared/exceptions';
import { listRenderedFiles, parseManifestFile } from '../../k8s-schema/rendered-files';
import {
  describeFinding,
  evaluateManifests,
  type KubernetesPolicyException,
  type PolicyReport,
} from './engine';
import { kubernetesExceptions } from './exceptions';
import { isManifest, type PolicyObject } from './manifest';
import { kubernetesRules } from './rules';

export interface RenderedPolicyResult {
  readonly objectCount: number;
  /** Everything that fails the check, one line each; empty only when objects were found and all pass. */
  readonly problems: readonly string[];
  readonly report: PolicyReport;
}

export function loadRenderedObjects(deployDir: string): { objects: PolicyObject[]; unreadable: string[] } {
  const objects: PolicyObject[] = [];
  const unreadable: string[] = [];
  for (const rendered of listRenderedFiles(deployDir, ['k8s'])) {
    const { manifest, errors } = parseManifestFile(rendered.file);
    if (manifest !== undefined && isManifest(manifest)) {
      objects.push({ file: rendered.file, env: rendered.env, folder: rendered.folder, manifest });
    } else {
      const why = errors.length > 0 ? errors.join('; ') : 'needs string apiVersion, kind and metadata.name';
      unreadable.push(`${rendered.file}: cannot be checked: ${why}`);
    }
  }
  return { objects, unreadable };
}

export function checkRenderedManifests(
  deployDir: string,
  exceptions: readonly KubernetesPolicyException[] = kubernetesExceptions,
  today: string = isoToday(),
): RenderedPolicyResult {
  const { objects, unreadable } = loadRenderedObjects(deployDir);
  const report = evaluateManifests(objects, kubernetesRules, exceptions, today);
  const nothingRendered =
    objects.length === 0
      ? [`no rendered Kubernetes manifests under ${deployDir}/*/k8s: nothing was checked`]
      : [];
  return {
    objectCount: objects.length,
    problems: [
      ...nothingRendered,
      ...unreadable,
      ...report.violations.map(describeFinding),
      ...report.exceptionProblems,
      ...report.unusedExceptions,
    ],
    report,
  };
}
