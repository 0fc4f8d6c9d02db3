// A project rule no scanner has: requests never exceed limits (checkov, trivy and kube-score check that both
// are set).
import type { IContainer } from 'kubernetes-models/v1/Container';
import { compliantApp, replacing } from '../fixtures/app';
import { deployment } from '../fixtures/workloads';
import { parseQuantity } from '../quantity';
import type { Fixture, PolicyRule } from '../types';
import { containerProblems, POD_CONTROLLER_KINDS } from '../workloads';

const kinds = POD_CONTROLLER_KINDS;
const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;

function withResources(resources: IContainer['resources']): Fixture['objects'] {
  return replacing(compliantApp(), deployment({ container: { resources } }));
}

export const resourceRules: readonly PolicyRule[] = [
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
