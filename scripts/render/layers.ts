// The rendering layers, in order. Each one is a pure function of the model (and of what earlier layers
// rendered): nothing reads cloud APIs or cluster state. Modules load lazily so a command only pays for what it uses.
import { type EnvConfig, versionsOf } from '../../environments';
import { jsonFile, textFile, type RenderedFile } from '../../constructs/contracts/rendered-file';

/** The record of versions inside deploy/<env>/ (read back by scripts/cli/model.ts to refuse downgrades). */
export const VERSIONS_PATH = 'versions.json';

/** What a layer may know besides its own environment: the other validated environments (e.g. the baseline source). */
export interface RenderContext {
  readonly environments: ReadonlyMap<string, EnvConfig>;
}

export interface RenderLayer {
  readonly name: string;
  render(env: EnvConfig, earlier: readonly RenderedFile[], context: RenderContext): Promise<RenderedFile[]>;
}

export const renderLayers: readonly RenderLayer[] = [
  {
    name: 'terraform',
    // One cdk.tf.json per stack, plus nfr-provenance.json: which resource of which stack implements which NFR.
    render: async (env) => {
      const stacks = (await import('../../stacks/render')).synthesizeStacks(env);
      const provenance = stacks
        .flatMap(({ stack, nfr }) =>
          nfr.map((tag) => ({ nfr: tag.nfr, file: `terraform/${stack}/cdk.tf.json`, object: tag.object })),
        )
        .sort(
          (a, b) =>
            a.nfr.localeCompare(b.nfr) || a.file.localeCompare(b.file) || a.object.localeCompare(b.object),
        );
      return [
        ...stacks.map(({ stack, config }) => jsonFile(`terraform/${stack}/cdk.tf.json`, config)),
        ...stacks.flatMap(({ stack, versionsTf }) =>
          versionsTf ? [textFile(`terraform/${stack}/versions.tf`, versionsTf)] : [],
        ),
        jsonFile('terraform/nfr-provenance.json', provenance),
      ];
    },
  },
  // The engine and Kubernetes versions of this render: validation refuses a model that lowers any of them.
  {
    name: 'versions',
    render: async (env) => [
      jsonFile(VERSIONS_PATH, {
        $comment:
          'Rendered by npm run synth from environments/. Validation compares the model against this committed record: versions never go down (docs/decisions/engine-versions-never-go-down.md).',
        ...versionsOf(env),
      }),
    ],
  },
  // One object per file under k8s/<namespace>/ (charts/, one cdk8s chart per namespace).
  {
    name: 'kubernetes',
    render: async (env) => (await import('../../charts/render')).renderKubernetes(env),
  },
  {
    name: 'observability',
    render: async (env, _earlier, { environments }) =>
      (await import('../../observability/render')).renderObservability(
        env,
        requireEnvironment(environments, env.observability.baselineEnvironment),
      ),
  },
  // One Application per k8s/<namespace>/ folder rendered so far: stays after every layer that renders into k8s/.
  {
    name: 'argocd',
    render: async (env, earlier) => (await import('../../charts/argocd')).renderArgoCd(env, earlier),
  },
  // The model's accepted scanner findings in checkov's and trivy's own formats (Kubernetes objects carry theirs
  // as annotations): reads the stacks rendered above to list the exact addresses a checkov baseline needs.
  {
    name: 'scanners',
    render: async (env, earlier) => (await import('./scanner-files')).scannerSuppressionFiles(env, earlier),
  },
  // Last: the NFR report reads the provenance every earlier layer recorded in this same in-memory render.
  {
    name: 'nfr-report',
    render: async (env, earlier) => [(await import('../nfr/report')).nfrReportFile(env, earlier)],
  },
];

function requireEnvironment(environments: ReadonlyMap<string, EnvConfig>, name: string): EnvConfig {
  const env = environments.get(name);
  if (!env) throw new Error(`environment ${name} is needed for rendering but was not loaded`);
  return env;
}
