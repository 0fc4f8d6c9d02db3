// The rendered tree as the scanners need to see it. Argo Rollouts run the services, and a Rollout's spec.template
// is the same PodTemplateSpec a Deployment has ("Rollout Specification", https://argo-rollouts.readthedocs.io/
// en/stable/features/specification/), but checkov, trivy and kube-score judge pod templates of the built-in
// workload kinds only. The view is a copy of deploy/<env> in which each Rollout file holds the equivalent
// Deployment (same path, metadata, selector, template) and autoscalers point at it, so every pod template the
// cluster runs is judged. Findings are reported against the original files.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toYaml } from '../../constructs/contracts/serialize';
import { REPO_ROOT } from './tools';

/** Part of every cache key of a scan over the view: bump it when the view changes. */
export const VIEW_VERSION = 'rollouts-as-deployments-1';

const ROLLOUT_API = 'argoproj.io/v1alpha1';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  spec?: Record<string, unknown>;
}

export function asDeployment(rollout: Manifest): Manifest {
  const { replicas, selector, template, minReadySeconds, revisionHistoryLimit } = rollout.spec ?? {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: rollout.metadata,
    spec: { replicas, selector, template, minReadySeconds, revisionHistoryLimit },
  };
}

function retargeted(autoscaler: Manifest): Manifest {
  const ref = autoscaler.spec?.scaleTargetRef as { apiVersion?: string; kind?: string } | undefined;
  if (ref?.kind !== 'Rollout' || ref.apiVersion !== ROLLOUT_API) return autoscaler;
  return {
    ...autoscaler,
    spec: { ...autoscaler.spec, scaleTargetRef: { ...ref, apiVersion: 'apps/v1', kind: 'Deployment' } },
  };
}

/** Annotations through which the model's records suppress findings on an object. */
const SUPPRESSING = /^(checkov\.io\/skip\d+|kube-score\/ignore)$/;

function unsuppressed(manifest: Manifest): Manifest {
  const annotations = manifest.metadata.annotations as Record<string, string> | undefined;
  if (!annotations) return manifest;
  const kept = Object.fromEntries(Object.entries(annotations).filter(([key]) => !SUPPRESSING.test(key)));
  return { ...manifest, metadata: { ...manifest.metadata, annotations: kept } };
}

/**
 * A fresh copy of deploy/<env> with Rollouts shown as Deployments; returns its folder. With `census`, the skip
 * annotations are removed too, to learn which records still suppress a finding.
 */
export function scannerView(env: string, options: { census?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), `skillforge-scan-${env}-`));
  cpSync(join(REPO_ROOT, 'deploy', env), root, { recursive: true });
  const k8s = join(root, 'k8s');
  for (const entry of readdirSync(k8s, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const file = join(entry.parentPath, entry.name);
    const rewrite = (change: (manifest: Manifest) => Manifest) =>
      writeFileSync(file, toYaml(change(parse(readFileSync(file, 'utf8')) as Manifest)));
    const census = (manifest: Manifest) => (options.census ? unsuppressed(manifest) : manifest);
    if (entry.name.startsWith('Rollout.')) rewrite((manifest) => census(asDeployment(manifest)));
    else if (entry.name.startsWith('HorizontalPodAutoscaler.'))
      rewrite((manifest) => census(retargeted(manifest)));
    else if (options.census) rewrite(unsuppressed);
  }
  return root;
}
