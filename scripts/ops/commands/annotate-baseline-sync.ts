// annotate-baseline-sync: runbook §4.4. After the dashboards sync, record on the grafana-dashboards ConfigMap
// which commit they came from, so an audit can tie what Grafana showed to a reviewed change.
import { UsageError } from '../../cli/args';
import type { ObjectRef } from '../kubernetes/client';
import { annotateLine, annotationPatch } from '../kubernetes/kubectl';
import { opsCommand, type OpsCommandDefinition } from '../runner/command';
import { stringOption } from '../runner/options';

export const BASELINE_SYNC_ANNOTATION = 'skillforge.io/baseline-sync';

const DASHBOARDS: ObjectRef = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'observability',
  name: 'grafana-dashboards',
};

export const annotateBaselineSyncDefinition: OpsCommandDefinition = {
  name: 'annotate-baseline-sync',
  options: {
    revision: {
      type: 'string',
      value: '<sha>',
      description: 'commit to record (default: git rev-parse HEAD)',
    },
  },
  async build({ invocation, deps }) {
    const { env, values } = invocation;
    const revision = stringOption(values, 'revision') ?? (await deps.gitHead());
    if (!/^[0-9a-f]{40}$/.test(revision)) {
      throw new UsageError(
        `annotate-baseline-sync: --revision: got "${revision}"; expected a full 40-character commit sha`,
      );
    }
    return {
      steps: [
        {
          name: 'annotate-dashboards',
          changes: true,
          lines: [annotateLine(env, DASHBOARDS, BASELINE_SYNC_ANNOTATION, revision)],
          async run(ctx) {
            await (
              await ctx.kube()
            ).mergePatch(DASHBOARDS, annotationPatch(BASELINE_SYNC_ANNOTATION, revision));
            ctx.log('kubernetes.annotated', {
              ...DASHBOARDS,
              annotation: BASELINE_SYNC_ANNOTATION,
              revision,
            });
          },
        },
      ],
    };
  },
};

export const annotateBaselineSync = opsCommand(annotateBaselineSyncDefinition);
