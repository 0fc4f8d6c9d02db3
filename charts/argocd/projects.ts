// One AppProject per team, derived from the Applications it owns: the team may deploy only to the namespaces
// its Applications target, only from the repositories they read, and only the kinds its class allows. The
// root's project (`default`, created by Argo CD at install) is narrowed to creating Applications and
// AppProjects.
import type { EnvConfig } from '../../environments';
import { ROOT_PROJECT } from './applications';
import {
  clusterKindsAllowed,
  compareKinds,
  isClusterScoped,
  NAMESPACE_KIND,
  PROJECT_CLASS_OF_TEAM,
  type ProjectClass,
} from './kinds';
import type { NamespaceFolder } from './rendered-folders';
import {
  type Application,
  type AppProject,
  ARGO_API_VERSION,
  type GroupKind,
  IN_CLUSTER,
  SYNC_WAVE_ANNOTATION,
} from './types';
import { PROJECT_WAVE } from './waves';

/** Argo CD refuses to delete a project while Applications still name it. */
const PROJECT_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/**
 * `alsoWritesTo`: namespaces a team's chart writes to besides its destination (helm-sources.ts says which and
 * why); the project must allow them too.
 */
export function teamProjects(
  env: EnvConfig,
  applications: readonly Application[],
  folders: readonly NamespaceFolder[],
  alsoWritesTo: readonly { readonly project: string; readonly namespace: string }[] = [],
): AppProject[] {
  const teams = [...new Set(applications.map((app) => app.spec.project))].sort();
  return teams.map((team) => {
    const owned = applications.filter((app) => app.spec.project === team);
    const destinations = unique([
      ...owned.map((app) => app.spec.destination.namespace),
      ...alsoWritesTo.filter((entry) => entry.project === team).map((entry) => entry.namespace),
    ]);
    const projectClass: ProjectClass = PROJECT_CLASS_OF_TEAM[team] ?? 'application';
    // Argo CD creates a namespace (CreateNamespace=true) only where the project permits Namespace objects.
    const createsNamespaces = owned.some((app) =>
      app.spec.syncPolicy.syncOptions.includes('CreateNamespace=true'),
    );
    return project(env, team, {
      sourceRepos: unique(owned.map((app) => app.spec.source.repoURL)),
      destinations,
      clusterKinds: [
        ...clusterKindsAllowed[projectClass],
        ...(createsNamespaces && !clusterKindsAllowed[projectClass].includes(NAMESPACE_KIND)
          ? [NAMESPACE_KIND]
          : []),
      ],
      // Charts create whatever namespaced kinds their templates hold; an application team gets exactly the
      // kinds its rendered folders hold, so a new kind shows up in review as a change of this project.
      namespacedKinds:
        projectClass === 'application'
          ? namespacedKindsOf(folders.filter((folder) => destinations.includes(folder.namespace)))
          : undefined,
    });
  });
}

/** The root application may create Applications and AppProjects in Argo CD's namespace, and nothing else. */
export function rootProject(env: EnvConfig): AppProject {
  return project(env, ROOT_PROJECT, {
    sourceRepos: [env.gitops.repoUrl],
    destinations: [env.gitops.argoCdNamespace],
    clusterKinds: [],
    namespacedKinds: [
      { group: 'argoproj.io', kind: 'AppProject' },
      { group: 'argoproj.io', kind: 'Application' },
    ],
  });
}

interface ProjectProps {
  readonly sourceRepos: readonly string[];
  readonly destinations: readonly string[];
  readonly clusterKinds: readonly GroupKind[];
  /** Default: every namespaced kind. */
  readonly namespacedKinds?: readonly GroupKind[];
}

/**
 * No spec.description: Argo CD accepts one, but the AppProject schema of @kubernetes-models/argo-cd lacks the
 * field, so test/k8s-schema's strict check would reject it; the project's name and docs/gitops.md describe it.
 */
function project(env: EnvConfig, name: string, props: ProjectProps): AppProject {
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'AppProject',
    metadata: {
      name,
      namespace: env.gitops.argoCdNamespace,
      annotations: { [SYNC_WAVE_ANNOTATION]: String(PROJECT_WAVE) },
      finalizers: [PROJECT_FINALIZER],
    },
    spec: {
      sourceRepos: props.sourceRepos,
      destinations: props.destinations.map((namespace) => ({ server: IN_CLUSTER, namespace })),
      clusterResourceWhitelist: [...props.clusterKinds].sort(compareKinds),
      ...(props.namespacedKinds === undefined
        ? {}
        : { namespaceResourceWhitelist: [...props.namespacedKinds].sort(compareKinds) }),
    },
  };
}

function namespacedKindsOf(folders: readonly NamespaceFolder[]): GroupKind[] {
  const kinds = folders.flatMap((folder) => folder.kinds).filter((kind) => !isClusterScoped(kind));
  return kinds.filter((kind, index) => kinds.findIndex((other) => compareKinds(other, kind) === 0) === index);
}

const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();
