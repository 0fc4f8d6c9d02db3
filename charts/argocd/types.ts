// The parts of Argo CD's Application and AppProject (argoproj.io/v1alpha1) this repository renders, as plain
// objects: rendering stays a pure, fast function of the model. The tests validate every rendered object
// against the CRD schemas (@kubernetes-models/argo-cd), which render code never imports.

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';
/** The cluster Argo CD runs in: each environment has its own cluster and its own Argo CD. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

export interface GroupKind {
  /** API group; '' for the core group (Namespace, Service, ConfigMap…). */
  readonly group: string;
  readonly kind: string;
}

export interface ArgoMetadata {
  readonly name: string;
  readonly namespace: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
}

export interface Destination {
  readonly server: string;
  readonly namespace: string;
}

export interface ApplicationSource {
  readonly repoURL: string;
  readonly targetRevision: string;
  /** A folder of plain manifests in the Git repository. */
  readonly path?: string;
  /** A chart of a Helm repository, installed at exactly `targetRevision`. */
  readonly chart?: string;
  readonly helm?: { readonly releaseName: string; readonly valuesObject?: Readonly<Record<string, unknown>> };
  /**
   * Which files of `path` Argo CD reads: globs matched against each file's path relative to `path`
   * (https://argo-cd.readthedocs.io/en/stable/user-guide/directory/, "Including/Excluding Files").
   */
  readonly directory?: { readonly recurse?: boolean; readonly include?: string; readonly exclude?: string };
}

export interface IgnoreDifference extends GroupKind {
  readonly name: string;
  /** Absent for cluster-scoped objects. */
  readonly namespace?: string;
  readonly jsonPointers?: readonly string[];
  /** For fields inside lists, which JSON pointers cannot address by content. */
  readonly jqPathExpressions?: readonly string[];
}

export interface SyncPolicy {
  /** Absent: nothing syncs until someone syncs it (the production gate). */
  readonly automated?: { readonly prune: boolean; readonly selfHeal: boolean };
  readonly syncOptions: readonly string[];
  readonly retry: {
    readonly limit: number;
    readonly backoff: { readonly duration: string; readonly factor: number; readonly maxDuration: string };
  };
}

export interface Application {
  readonly apiVersion: typeof ARGO_API_VERSION;
  readonly kind: 'Application';
  readonly metadata: ArgoMetadata;
  readonly spec: {
    readonly project: string;
    readonly source: ApplicationSource;
    readonly destination: Destination;
    readonly syncPolicy: SyncPolicy;
    readonly ignoreDifferences?: readonly IgnoreDifference[];
  };
}

export interface AppProject {
  readonly apiVersion: typeof ARGO_API_VERSION;
  readonly kind: 'AppProject';
  readonly metadata: ArgoMetadata;
  readonly spec: {
    readonly sourceRepos: readonly string[];
    readonly destinations: readonly Destination[];
    /** Empty: no cluster-scoped object at all. */
    readonly clusterResourceWhitelist: readonly GroupKind[];
    /** Absent: every namespaced kind (inside the destinations); present: only these. */
    readonly namespaceResourceWhitelist?: readonly GroupKind[];
  };
}
