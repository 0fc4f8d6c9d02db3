// Every container states what it needs (requests, for scheduling) and what it may take (limits, for the node).
import type { IContainer } from 'kubernetes-models/v1/Container';
import { compliantApp, compliantBatch, replacing } from '../fixtures/app';
import { batchContainer, containerResources, cronJob, deployment } from '../fixtures/workloads';
import { parseQuantity } from '../quantity';
import type { Fixture, PolicyRule } from '../types';
import { containerProblems, POD_CONTROLLER_KINDS } from '../workloads';

const kinds = POD_CONTROLLER_KINDS;
type Bound = 'requests' | 'limits';
const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;

type Resources = NonNullable<IContainer['resources']>;
type QuantityMap = NonNullable<Resources['limits']>;

/** The compliant resources with one entry left out. */
function omitting(bound: Bound, resource: string): Resources {
  const reduced: QuantityMap = { ...containerResources[bound] };
  delete reduced[resource];
  return { ...containerResources, [bound]: reduced };
}

function withResources(resources: Resources | undefined): Fixture['objects'] {
  return replacing(compliantApp(), deployment({ container: { resources } }));
}

/** The CronJob's init container forgets the field: the case reviewers miss most often. */
function cronJobInitWithout(bound: Bound, resource: string): Fixture['objects'] {
  const init = batchContainer('prepare', { resources: omitting(bound, resource) });
  return replacing(compliantBatch(), cronJob({ pod: { initContainers: [init] } }));
}

function requireSet(
  id: string,
  checkIds: readonly string[],
  bound: Bound,
  resource: (typeof RESOURCES)[number],
  why: string,
): PolicyRule {
  return {
    id,
    checkIds,
    kinds,
    description: `Every container sets resources.${bound}.${resource}: ${why}`,
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) =>
        container.resources?.[bound]?.[resource] === undefined
          ? `${label} does not set resources.${bound}.${resource}`
          : undefined,
      ),
    good: [{ name: `${bound}.${resource} set`, objects: compliantApp() }],
    bad: [
      { name: `${bound}.${resource} missing`, objects: withResources(omitting(bound, resource)) },
      { name: 'no resources at all', objects: withResources(undefined) },
      {
        name: `CronJob init container without ${bound}.${resource}`,
        objects: cronJobInitWithout(bound, resource),
      },
    ],
  };
}

export const resourceRules: readonly PolicyRule[] = [
  requireSet(
    'cpu-requests',
    [
      'kube-score:container-resources',
      'kube-linter:unset-cpu-requirements',
      'polaris:cpuRequestsMissing',
      'CKV_K8S_10',
      'KSV015',
    ],
    'requests',
    'cpu',
    'the scheduler places pods by their requests.',
  ),
  requireSet(
    'memory-requests',
    ['kube-score:container-resources', 'polaris:memoryRequestsMissing', 'CKV_K8S_12', 'KSV016'],
    'requests',
    'memory',
    'the scheduler places pods by their requests.',
  ),
  requireSet(
    'memory-limits',
    [
      'kube-score:container-resources',
      'kube-linter:unset-memory-requirements',
      'polaris:memoryLimitsMissing',
      'CKV_K8S_13',
      'KSV018',
    ],
    'limits',
    'memory',
    'a leak is stopped by the OOM killer in its own container, not on the node.',
  ),
  requireSet(
    'cpu-limits',
    ['kube-score:container-resources', 'polaris:cpuLimitsMissing', 'CKV_K8S_11', 'KSV011'],
    'limits',
    'cpu',
    'one busy pod cannot starve its neighbours (the namespace LimitRange and quota assume it).',
  ),
  requireSet(
    'ephemeral-storage-requests',
    ['kube-score:container-ephemeral-storage-request-and-limit'],
    'requests',
    'ephemeral-storage',
    'emptyDir scratch space (the root filesystem is read-only) counts against the node disk.',
  ),
  requireSet(
    'ephemeral-storage-limits',
    ['kube-score:container-ephemeral-storage-request-and-limit'],
    'limits',
    'ephemeral-storage',
    'a runaway log or temp file evicts its own pod, not the node.',
  ),
  {
    id: 'requests-within-limits',
    checkIds: [],
    kinds,
    // The API server rejects such a pod at admission; the schema cannot see it, so Argo CD would fail the sync.
    description:
      'No container requests more cpu, memory or ephemeral-storage than its limit, and every value parses.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const problems = RESOURCES.flatMap((resource) => {
          const request = container.resources?.requests?.[resource];
          const limit = container.resources?.limits?.[resource];
          if (request === undefined || limit === undefined) return [];
          const [requested, limited] = [parseQuantity(request), parseQuantity(limit)];
          if (requested === undefined || limited === undefined)
            return [`${resource} "${request}"/"${limit}" is not a valid quantity`];
          return requested > limited ? [`requests ${resource} ${request} above its limit ${limit}`] : [];
        });
        return problems.length === 0 ? undefined : `${label}: ${problems.join('; ')}`;
      }),
    good: [
      { name: 'requests below limits', objects: compliantApp() },
      {
        name: 'equal, written differently',
        objects: withResources({
          requests: { cpu: '1000m', memory: '1Gi' },
          limits: { cpu: '1', memory: '1024Mi' },
        }),
      },
    ],
    bad: [
      {
        name: 'memory request above limit',
        objects: withResources({ requests: { memory: '1Gi' }, limits: { memory: '512Mi' } }),
      },
      {
        name: 'cpu request above limit',
        objects: withResources({ requests: { cpu: '1500m' }, limits: { cpu: '1' } }),
      },
      {
        name: 'unparsable quantity',
        objects: withResources({ requests: { memory: '1 GB' }, limits: { memory: '2Gi' } }),
      },
    ],
  },
];
