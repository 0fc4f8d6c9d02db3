// How close an EKS Kubernetes version is to the end of its standard support, from the model's lifecycle table
// (environments/defaults/kubernetes-versions.ts). The weekly health check and the review comment both ask this,
// and warn kubernetesSupportWarningDays ahead: after that date EKS upgrades the cluster itself (upgrade_policy
// STANDARD) or bills extended support.
import {
  eksKubernetesVersions,
  kubernetesSupportWarningDays,
} from '../../environments/defaults/kubernetes-versions';

export interface KubernetesSupport {
  readonly status: 'ok' | 'warning' | 'ended' | 'unknown';
  readonly text: string;
}

const DAY_MS = 86_400_000;

/** `today` is a YYYY-MM-DD date (UTC). */
export function kubernetesSupport(version: string, today: string): KubernetesSupport {
  const support = (eksKubernetesVersions as Record<string, { endOfStandardSupport: string } | undefined>)[
    version
  ];
  if (!support) {
    return {
      status: 'unknown',
      text: `Kubernetes ${version} is not in the EKS lifecycle table (environments/defaults/kubernetes-versions.ts)`,
    };
  }
  const end = support.endOfStandardSupport;
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days < 0) return { status: 'ended', text: `Kubernetes ${version}: standard support ended ${end}` };
  if (days <= kubernetesSupportWarningDays) {
    return {
      status: 'warning',
      text: `Kubernetes ${version}: standard support ends ${end}, in ${days} days; upgrade before EKS does`,
    };
  }
  return { status: 'ok', text: `Kubernetes ${version}: standard support until ${end} (${days} days)` };
}
