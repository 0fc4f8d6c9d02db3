// Container hardening: who the process runs as and what it may do (Pod Security Standards "restricted").
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { compliantApp, compliantBatch, replacing } from '../fixtures/app';
import { batchContainer, cronJob, deployment, job, rollout, secureContext } from '../fixtures/workloads';
import type { PolicyRule } from '../types';
import { containerProblems, POD_CONTROLLER_KINDS } from '../workloads';

const kinds = POD_CONTROLLER_KINDS;
/** UIDs/GIDs at or below 10000 can collide with host users (kube-score wants ≥ 10000, trivy > 10000). */
const MIN_ID = 10001;
/** The one capability the restricted profile lets a container add back (binding ports below 1024). */
const ALLOWED_ADDED_CAPABILITIES = ['NET_BIND_SERVICE'];

type SharedSecurityField = 'runAsNonRoot' | 'runAsUser' | 'runAsGroup' | 'seccompProfile';

/** A field the container may set and otherwise inherits from the pod's securityContext. */
function effective<F extends SharedSecurityField>(container: IContainer, pod: IPodSpec, field: F) {
  return container.securityContext?.[field] ?? pod.securityContext?.[field];
}

function withContainer(overrides: Partial<IContainer>) {
  return replacing(compliantApp(), deployment({ container: overrides }));
}

function withSecurity(overrides: Partial<NonNullable<IContainer['securityContext']>>) {
  return withContainer({ securityContext: { ...secureContext, ...overrides } });
}

/** The same weakness hidden in an init container of a CronJob, where it is easiest to miss. */
function inCronJobInit(overrides: Partial<NonNullable<IContainer['securityContext']>>) {
  const init = batchContainer('prepare', { securityContext: { ...secureContext, ...overrides } });
  return replacing(compliantBatch(), cronJob({ pod: { initContainers: [init] } }));
}

export const securityContextRules: readonly PolicyRule[] = [
  {
    id: 'run-as-non-root',
    checkIds: ['kube-linter:run-as-non-root', 'polaris:runAsRootAllowed', 'CKV_K8S_23', 'KSV012'],
    kinds,
    description: 'Every container runs with runAsNonRoot: true, set on the pod or the container.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }, pod) =>
        effective(container, pod, 'runAsNonRoot') === true
          ? undefined
          : `${label} does not set runAsNonRoot: true`,
      ),
    good: [
      { name: 'pod-level runAsNonRoot', objects: compliantApp() },
      {
        name: 'Job init container inherits it',
        objects: compliantBatch(job({ pod: { initContainers: [batchContainer('prepare')] } })),
      },
    ],
    bad: [
      { name: 'container overrides it to false', objects: withSecurity({ runAsNonRoot: false }) },
      {
        name: 'set nowhere',
        objects: replacing(
          compliantApp(),
          deployment({
            pod: { securityContext: {} },
            container: { securityContext: { ...secureContext, runAsNonRoot: undefined } },
          }),
        ),
      },
      { name: 'CronJob init container sets false', objects: inCronJobInit({ runAsNonRoot: false }) },
    ],
  },
  {
    id: 'high-uid-and-gid',
    checkIds: ['kube-score:container-security-context-user-group-id', 'CKV_K8S_40', 'KSV020', 'KSV021'],
    kinds,
    description: `Every container runs with runAsUser and runAsGroup of at least ${MIN_ID}.`,
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }, pod) => {
        const user = effective(container, pod, 'runAsUser');
        const group = effective(container, pod, 'runAsGroup');
        if (user !== undefined && user >= MIN_ID && group !== undefined && group >= MIN_ID) return undefined;
        return `${label} runs as user ${user ?? 'unset'} and group ${group ?? 'unset'}: both must be ≥ ${MIN_ID}`;
      }),
    good: [{ name: 'uid and gid 10001', objects: compliantApp() }],
    bad: [
      { name: 'uid 1000', objects: withSecurity({ runAsUser: 1000 }) },
      { name: 'gid 0', objects: withSecurity({ runAsGroup: 0 }) },
      {
        name: 'Rollout container with uid 10000',
        objects: compliantApp(
          rollout({ container: { securityContext: { ...secureContext, runAsUser: 10000 } } }),
        ),
      },
    ],
  },
  {
    id: 'read-only-root-filesystem',
    checkIds: [
      'kube-score:container-security-context-readonlyrootfilesystem',
      'kube-linter:no-read-only-root-fs',
      'polaris:notReadOnlyRootFilesystem',
      'CKV_K8S_22',
      'KSV014',
    ],
    kinds,
    description:
      'Every container sets readOnlyRootFilesystem: true (writable paths come from emptyDir volumes).',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) =>
        container.securityContext?.readOnlyRootFilesystem === true
          ? undefined
          : `${label} does not set securityContext.readOnlyRootFilesystem: true`,
      ),
    good: [{ name: 'read-only root', objects: compliantApp() }],
    bad: [
      { name: 'writable root', objects: withSecurity({ readOnlyRootFilesystem: false }) },
      { name: 'no securityContext', objects: withContainer({ securityContext: undefined }) },
      { name: 'CronJob init container', objects: inCronJobInit({ readOnlyRootFilesystem: undefined }) },
    ],
  },
  {
    id: 'no-privilege-escalation',
    checkIds: [
      'kube-linter:privilege-escalation-container',
      'polaris:privilegeEscalationAllowed',
      'CKV_K8S_20',
      'KSV001',
    ],
    kinds,
    // The field defaults to true, so only an explicit false is safe.
    description: 'Every container sets allowPrivilegeEscalation: false.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) =>
        container.securityContext?.allowPrivilegeEscalation === false
          ? undefined
          : `${label} does not set securityContext.allowPrivilegeEscalation: false`,
      ),
    good: [{ name: 'escalation off', objects: compliantApp() }],
    bad: [
      { name: 'left at the default', objects: withSecurity({ allowPrivilegeEscalation: undefined }) },
      {
        name: 'CronJob init container allows it',
        objects: inCronJobInit({ allowPrivilegeEscalation: true }),
      },
    ],
  },
  {
    id: 'not-privileged',
    checkIds: [
      'kube-score:container-security-context-privileged',
      'kube-linter:privileged-container',
      'polaris:runAsPrivileged',
      'CKV_K8S_16',
      'KSV017',
    ],
    kinds,
    description: 'No container runs privileged.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) =>
        container.securityContext?.privileged === true ? `${label} runs privileged` : undefined,
      ),
    good: [{ name: 'unprivileged', objects: compliantApp() }],
    bad: [
      { name: 'privileged container', objects: withSecurity({ privileged: true }) },
      { name: 'privileged CronJob init container', objects: inCronJobInit({ privileged: true }) },
    ],
  },
  {
    id: 'drop-all-capabilities',
    checkIds: [
      'kube-linter:drop-net-raw-capability',
      'polaris:insecureCapabilities',
      'CKV_K8S_28',
      'CKV_K8S_37',
      'KSV003',
      'KSV106',
    ],
    kinds,
    description: 'Every container drops ALL capabilities.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) =>
        (container.securityContext?.capabilities?.drop ?? []).includes('ALL')
          ? undefined
          : `${label} does not drop ALL capabilities`,
      ),
    good: [{ name: 'drops ALL', objects: compliantApp() }],
    bad: [
      { name: 'drops only NET_RAW', objects: withSecurity({ capabilities: { drop: ['NET_RAW'] } }) },
      { name: 'CronJob init container drops nothing', objects: inCronJobInit({ capabilities: undefined }) },
    ],
  },
  {
    id: 'no-added-capabilities',
    checkIds: ['polaris:dangerousCapabilities', 'CKV_K8S_25', 'CKV_K8S_39', 'KSV022', 'KSV106'],
    kinds,
    description: `Containers add no capability except ${ALLOWED_ADDED_CAPABILITIES.join(', ')}.`,
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const added = (container.securityContext?.capabilities?.add ?? []).filter(
          (capability) => !ALLOWED_ADDED_CAPABILITIES.includes(capability),
        );
        return added.length === 0 ? undefined : `${label} adds capabilities ${added.join(', ')}`;
      }),
    good: [
      { name: 'adds nothing', objects: compliantApp() },
      {
        name: 'adds NET_BIND_SERVICE',
        objects: withSecurity({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }),
      },
    ],
    bad: [
      {
        name: 'adds SYS_ADMIN',
        objects: withSecurity({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } }),
      },
      {
        name: 'CronJob init container adds NET_ADMIN',
        objects: inCronJobInit({ capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } }),
      },
    ],
  },
  {
    id: 'seccomp-runtime-default',
    checkIds: [
      'kube-score:container-seccomp-profile',
      'polaris:linuxHardening',
      'CKV_K8S_31',
      'KSV030',
      'KSV104',
    ],
    kinds,
    // Localhost profiles are written for one workload and at least as strict, so the restricted profile allows them.
    description:
      'Every container runs under the RuntimeDefault (or a Localhost) seccomp profile, never Unconfined.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }, pod) => {
        const type = effective(container, pod, 'seccompProfile')?.type;
        return type === 'RuntimeDefault' || type === 'Localhost'
          ? undefined
          : `${label} runs with seccomp profile ${type ?? 'unset'}: set seccompProfile.type RuntimeDefault on the pod`;
      }),
    good: [{ name: 'pod-level RuntimeDefault', objects: compliantApp() }],
    bad: [
      {
        name: 'container overrides to Unconfined',
        objects: withSecurity({ seccompProfile: { type: 'Unconfined' } }),
      },
      {
        name: 'set nowhere',
        objects: replacing(
          compliantApp(),
          deployment({
            pod: { securityContext: { runAsNonRoot: true } },
            container: { securityContext: { ...secureContext, seccompProfile: undefined } },
          }),
        ),
      },
    ],
  },
];
