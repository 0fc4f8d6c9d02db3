// Bootstrapping an environment on paper, the way Argo CD would: bootstrap-cluster installs Argo CD (its CRDs, its
// namespace, the `default` project) and applies root.yaml; the root syncs deploy/<env>/argocd wave by wave, and
// each Application it creates syncs (and turns healthy, which the root waits for) before the next wave starts.
// Within an Application: PreSync hooks, then Sync objects, then PostSync, each by wave, kind and name. Every rule
// the simulation enforces is listed in RULES with the document it comes from.
import type { AppProject, GroupKind } from '../../../charts/argocd';
import type { ArgoApplication } from '../../../scripts/ops/gitops/rendered-tree';
import {
  effectiveOperation,
  hasOption,
  ignores,
  needsCrd,
  projectAllowsClusterKind,
  projectAllowsNamespace,
  projectAllowsNamespacedKind,
  projectAllowsRepo,
  syncOrder,
} from './argo-semantics';
import { gk, sameGk, type SimObject, showKind, showObject, type Violation } from './model';
import { deliveryOf, type RenderedEnvironment } from './tree';

/** The rules, each with the upstream document it encodes. */
export const RULES = {
  'namespace-exists':
    'a namespaced object is applied only into an existing namespace: created by an earlier wave, by a Namespace earlier in the same sync, or by CreateNamespace=true in the sync operation actually used (argo-cd controller/sync.go; https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#create-namespace); PreSync hooks run before the Sync phase (https://argo-cd.readthedocs.io/en/stable/user-guide/resource_hooks/)',
  'crd-established':
    'a custom resource needs its CRD: from an earlier wave, from the same sync (gitops-engine skips the dry run for it), or SkipDryRunOnMissingResource=true with a retry in effect while another Application of the same wave brings it (https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#skip-dry-run-for-new-custom-resources-types)',
  'project-exists':
    'an Application names an AppProject that exists when it is created (https://argo-cd.readthedocs.io/en/stable/user-guide/projects/)',
  'project-source':
    'the project allows the Application’s source repository (sourceRepos; https://argo-cd.readthedocs.io/en/stable/user-guide/projects/)',
  'project-destination':
    'the project allows every namespace the Application writes to (destinations; https://argo-cd.readthedocs.io/en/stable/user-guide/projects/)',
  'project-cluster-kind':
    'the project whitelists every cluster-scoped kind the Application creates, none by default (clusterResourceWhitelist; https://argo-cd.readthedocs.io/en/stable/user-guide/projects/)',
  'project-namespaced-kind':
    'the project’s namespaceResourceWhitelist, when set, lists every namespaced kind (https://argo-cd.readthedocs.io/en/stable/user-guide/projects/)',
  'sidecar-injector-first':
    'a pod that must carry the Istio sidecar is created only after the injector webhook exists, in an earlier wave: the webhook mutates pods at creation only (https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/)',
  'rewritten-fields-ignored':
    'a field a controller rewrites after the sync is in the Application’s ignoreDifferences, or it stays OutOfSync (https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/)',
} as const;
export type RuleId = keyof typeof RULES;

export interface SimulationResult {
  readonly applications: number;
  readonly objects: number;
  readonly violations: readonly Violation[];
}

/** What exists before the root's first sync: EKS's namespaces and Argo CD as bootstrap-cluster installs it. */
function initialState(argoCdNamespace: string) {
  return {
    namespaces: new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', argoCdNamespace]),
    crds: [
      gk('argoproj.io', 'Application'),
      gk('argoproj.io', 'AppProject'),
      gk('argoproj.io', 'ApplicationSet'),
    ],
    projects: new Map<string, AppProject>(),
    injectorReady: false,
  };
}
type State = ReturnType<typeof initialState>;

export interface SimulationOptions {
  /** The operation a hand-synced Application gets; default: what bootstrap-cluster and deploy-app send. */
  readonly operationOf?: (app: ArgoApplication) => Record<string, unknown>;
}

export function simulateBootstrap(
  tree: RenderedEnvironment,
  options: SimulationOptions = {},
): SimulationResult {
  const state = initialState(tree.env.gitops.argoCdNamespace);
  // Argo CD creates the `default` project at install; the root's sync then narrows it (charts/argocd/projects.ts).
  state.projects.set('default', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: 'default', namespace: tree.env.gitops.argoCdNamespace },
    spec: {
      sourceRepos: ['*'],
      destinations: [{ server: '*', namespace: '*' }],
      clusterResourceWhitelist: [gk('*', '*')],
    },
  });
  const violations: Violation[] = [];
  let objects = 0;
  const [root, ...children] = tree.applications;
  const projectWave = (project: AppProject) =>
    Number(project.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
  const waves = [
    ...new Set([...children.map(({ ref }) => ref.wave), ...tree.projects.map(projectWave)]),
  ].sort((a, b) => a - b);
  const syncApp = (
    entry: (typeof tree.applications)[number],
    siblings: readonly (typeof tree.applications)[number][],
  ) => {
    objects += syncApplication(tree, entry, siblings, state, violations, options);
  };
  syncApp(root!, []);
  for (const wave of waves) {
    const stage = children.filter(({ ref }) => ref.wave === wave);
    // The root applies this wave's AppProjects before its Applications (kind order), so projects exist first.
    for (const project of tree.projects) {
      if (projectWave(project) === wave) {
        state.projects.set(project.metadata.name, project);
      }
    }
    // Argo CD syncs the Applications of one wave at the same time: what one of them creates (a namespace, a CRD,
    // the injector) is not there for its siblings until the wave is healthy.
    const before = {
      namespaces: new Set(state.namespaces),
      crds: [...state.crds],
      injectorReady: state.injectorReady,
    };
    const after = { namespaces: new Set<string>(), crds: [] as GroupKind[], injectorReady: false };
    for (const entry of stage) {
      state.namespaces = new Set(before.namespaces);
      state.crds = [...before.crds];
      state.injectorReady = before.injectorReady;
      syncApp(entry, stage);
      for (const namespace of state.namespaces) after.namespaces.add(namespace);
      for (const crd of state.crds) if (!after.crds.some((known) => sameGk(known, crd))) after.crds.push(crd);
      after.injectorReady ||= state.injectorReady;
    }
    state.namespaces = new Set([...before.namespaces, ...after.namespaces]);
    state.crds = [
      ...before.crds,
      ...after.crds.filter((crd) => !before.crds.some((known) => sameGk(known, crd))),
    ];
    state.injectorReady = before.injectorReady || after.injectorReady;
  }
  // Every later sync of the root (deploy-app starts with one) runs under the narrowed `default` project.
  syncApplication(tree, root!, [], state, violations, options);
  return { applications: tree.applications.length, objects, violations };
}

function syncApplication(
  tree: RenderedEnvironment,
  entry: RenderedEnvironment['applications'][number],
  siblings: readonly RenderedEnvironment['applications'][number][],
  state: State,
  violations: Violation[],
  options: SimulationOptions,
): number {
  const { ref, spec } = entry;
  const fail = (object: string, rule: RuleId, message: string) =>
    violations.push({ application: ref.name, object, rule, message });
  const project = state.projects.get(spec.spec.project);
  if (project === undefined) {
    fail(`Application ${ref.name}`, 'project-exists', `project "${spec.spec.project}" does not exist yet`);
    return 0;
  }
  const delivery = deliveryOf(tree, spec);
  const operation = effectiveOperation(ref, options.operationOf);
  if (!projectAllowsRepo(project, spec.spec.source.repoURL)) {
    fail(
      `Application ${ref.name}`,
      'project-source',
      `project "${project.metadata.name}" does not allow ${spec.spec.source.repoURL}`,
    );
  }
  const destination = spec.spec.destination.namespace;
  const tasks: SimObject[] = [...delivery.objects];
  const ownNamespace = tasks.some(
    (o) => o.kind.group === '' && o.kind.kind === 'Namespace' && o.name === destination,
  );
  if (
    hasOption(operation.syncOptions, 'CreateNamespace=true') &&
    !ownNamespace &&
    !state.namespaces.has(destination)
  ) {
    // gitops-engine's autoCreateNamespace: a Namespace task in the PreSync phase, before everything else.
    tasks.push({
      kind: gk('', 'Namespace'),
      name: destination,
      phase: 'PreSync',
      wave: Number.MIN_SAFE_INTEGER,
      source: 'CreateNamespace=true',
    });
  }
  tasks.sort(syncOrder);
  const definedHere = tasks.flatMap((o) => o.defines ?? []);
  const definedBySibling = siblings
    .filter((sibling) => sibling.ref.name !== ref.name)
    .flatMap((sibling) => safeDelivery(tree, sibling.spec).flatMap((o) => o.defines ?? []));
  for (const task of tasks) {
    const what = `${showObject(task)} (${task.phase}${task.wave !== 0 && task.wave !== Number.MIN_SAFE_INTEGER ? ` wave ${task.wave}` : ''})`;
    const namespace = task.namespace;
    if (namespace !== undefined) {
      if (!projectAllowsNamespace(project, namespace)) {
        fail(
          what,
          'project-destination',
          `project "${project.metadata.name}" does not allow namespace ${namespace}`,
        );
      }
      if (!projectAllowsNamespacedKind(project, task.kind)) {
        fail(
          what,
          'project-namespaced-kind',
          `project "${project.metadata.name}" does not whitelist ${showKind(task.kind)}`,
        );
      }
      if (!state.namespaces.has(namespace)) {
        fail(
          what,
          'namespace-exists',
          `namespace ${namespace} does not exist yet (CreateNamespace is ${hasOption(operation.syncOptions, 'CreateNamespace=true') ? 'on' : 'not in effect'})`,
        );
      }
    } else if (task.source !== 'CreateNamespace=true' && !projectAllowsClusterKind(project, task.kind)) {
      fail(
        what,
        'project-cluster-kind',
        `project "${project.metadata.name}" does not whitelist cluster-scoped ${showKind(task.kind)}`,
      );
    }
    if (
      needsCrd(task.kind) &&
      !state.crds.some((crd) => sameGk(crd, task.kind)) &&
      !definedHere.some((crd) => sameGk(crd, task.kind))
    ) {
      const eventually =
        definedBySibling.some((crd) => sameGk(crd, task.kind)) &&
        hasOption(operation.syncOptions, 'SkipDryRunOnMissingResource=true') &&
        operation.retries;
      if (!eventually)
        fail(what, 'crd-established', `no CRD for ${showKind(task.kind)} is established before it`);
    }
    if (task.needsSidecar && !state.injectorReady) {
      fail(
        what,
        'sidecar-injector-first',
        'its pods would start without the istio-proxy sidecar: no injector webhook in an earlier wave',
      );
    }
    if (task.kind.group === '' && task.kind.kind === 'Namespace') state.namespaces.add(task.name);
  }
  for (const field of delivery.rewrites) {
    if (!ignores(spec.spec.ignoreDifferences ?? [], field)) {
      fail(
        `${showKind(field.kind)} ${field.namespace ? `${field.namespace}/` : ''}${field.name}`,
        'rewritten-fields-ignored',
        `${field.jq} is rewritten by ${field.by} and not in ignoreDifferences: the Application would stay OutOfSync`,
      );
    }
  }
  // The root waits for this Application to be healthy: its CRDs are established and its webhooks serve.
  for (const crd of definedHere) if (!state.crds.some((known) => sameGk(known, crd))) state.crds.push(crd);
  if (delivery.injectsSidecars) state.injectorReady = true;
  return tasks.filter((task) => task.source !== 'CreateNamespace=true').length;
}

function safeDelivery(
  tree: RenderedEnvironment,
  app: RenderedEnvironment['applications'][number]['spec'],
): readonly SimObject[] {
  try {
    return deliveryOf(tree, app).objects;
  } catch {
    return [];
  }
}

export const ruleCount = (): number => Object.keys(RULES).length;
export type { GroupKind };
