// Rules for delivery: where Argo CD lives and which environment may take an image dev never ran.
import { type EnvironmentRule, violation } from './types';

export const argoCdNamespaceApart: EnvironmentRule = {
  id: 'argocd-namespace-apart',
  description: "Argo CD's namespace is no team's destination, so no team's project can create Applications",
  check: (env) => {
    const destinations = [
      ...Object.keys(env.namespaces),
      ...Object.values(env.platformCharts).map((chart) => chart.namespace),
    ];
    return destinations.includes(env.gitops.argoCdNamespace)
      ? [
          violation(
            'gitops.argoCdNamespace',
            env.gitops.argoCdNamespace,
            `expected a namespace no workload or platform chart deploys into (not ${[...new Set(destinations)].sort().join(', ')}): an AppProject allowed there could create Applications`,
          ),
        ]
      : [];
  },
};

export const hotfixOnlyInStaging: EnvironmentRule = {
  id: 'hotfix-only-in-staging',
  description:
    'only staging may mark a release as a hotfix that skips dev; production takes only what staging ran',
  check: (env) =>
    env.tier === 'staging'
      ? []
      : Object.entries(env.releases).flatMap(([image, release]) =>
          release.hotfix === undefined
            ? []
            : [
                violation(
                  `releases.${image}.hotfix`,
                  release.hotfix,
                  `expected no hotfix marker in a ${env.tier} environment: only staging may take a digest dev never held (docs/gitops.md#promotion)`,
                ),
              ],
        ),
};

export const gitopsRules = [argoCdNamespaceApart, hotfixOnlyInStaging];
