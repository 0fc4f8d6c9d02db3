// EKS Kubernetes version lifecycle: a minor version has 14 months of standard support, then 12 of extended
// support (about 6× the control-plane price), then EKS upgrades the cluster itself.
// Source: AWS, "Understand the Kubernetes version lifecycle on EKS",
// https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (release calendar, checked 2026-12-06).
// A version missing here is one this repository has not reviewed; add it from that page before using it.

export interface KubernetesVersionSupport {
  /** Last day of standard support (YYYY-MM-DD). */
  readonly endOfStandardSupport: string;
  /** Last day of extended support; after it EKS upgrades the control plane automatically. */
  readonly endOfExtendedSupport: string;
}

export const eksKubernetesVersions = {
  '1.31': { endOfStandardSupport: '2025-11-26', endOfExtendedSupport: '2026-11-26' },
  '1.32': { endOfStandardSupport: '2026-03-23', endOfExtendedSupport: '2027-03-23' },
  '1.33': { endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' },
  '1.34': { endOfStandardSupport: '2026-12-02', endOfExtendedSupport: '2027-12-02' },
  '1.35': { endOfStandardSupport: '2027-03-27', endOfExtendedSupport: '2028-03-27' },
} as const satisfies Readonly<Record<string, KubernetesVersionSupport>>;

export type EksKubernetesVersion = keyof typeof eksKubernetesVersions;

/** Days before the end of standard support from which the health check and the review comment warn. */
export const kubernetesSupportWarningDays = 90;
